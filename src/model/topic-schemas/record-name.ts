import avro from 'avsc/etc/browser/avsc-types';
import protobuf from 'protobufjs';
import type { TopicSchema } from '../types';
import { findMessage, parseProto } from './protobuf-to-ts';

export interface SchemaRecordName {
  /** Avro record full name, Protobuf message full name, JSON Schema title: what RecordNameStrategy names the subject. */
  recordName?: string;
  /** Protobuf: the message's name inside its package, as @kafkajs/confluent-schema-registry's `messageName` wants it. */
  messageName?: string;
}

/** The record name of a (valid) schema; nothing for a schema that has none (a primitive Avro type, a JSON Schema without title). */
export function schemaRecordName(schema: TopicSchema): SchemaRecordName {
  if (schema.format === 'protobuf') {
    const root = parseProto(schema.text);
    root.resolveAll();
    const type = findMessage(root, schema.messageType);
    const inPackage: string[] = [];
    for (let t: protobuf.NamespaceBase | null = type; t instanceof protobuf.Type; t = t.parent) inPackage.unshift(t.name);
    return { recordName: type.fullName.replace(/^\./, ''), messageName: inPackage.join('.') };
  }
  const parsed = JSON.parse(schema.text) as unknown;
  if (schema.format === 'avro') {
    const name = avro.Type.forSchema(parsed as avro.Schema).name;
    return name ? { recordName: name } : {};
  }
  const title = (parsed as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title ? { recordName: title } : {};
}
