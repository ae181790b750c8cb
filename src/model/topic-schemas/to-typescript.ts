import type { TopicSchema } from '../types';
import { avroToTypeScript } from './avro-to-ts';
import { jsonSchemaToTypeScript } from './json-schema-to-ts';
import type { Root } from 'protobufjs';
import { parseProto, protobufToTypeScript } from './protobuf-to-ts';

/**
 * Why a schema gave no TypeScript: its text does not parse (`schema-syntax`: JSON for Avro and
 * JSON Schema, .proto for Protobuf), or the schema library rejected it (`schema-invalid`: an unknown Avro type, an
 * unresolvable Protobuf type, a `messageType` the file does not declare, ...).
 */
export type SchemaTypeProblemCode = 'schema-syntax' | 'schema-invalid';

export type SchemaTypeResult =
  | { ok: true; text: string }
  | { ok: false; code: SchemaTypeProblemCode; message: string };

/**
 * The TypeScript declarations for the records of one topic's key or value, the root declared as
 * `typeName` and every named type inside it as `<typeName><Name>`. The types describe the values
 * the generated app's functions receive (see each format's converter for the representation).
 */
export function schemaToTypeScript(schema: TopicSchema, typeName: string): SchemaTypeResult {
  let parsed: unknown;
  try {
    parsed = schema.format === 'protobuf' ? parseProto(schema.text) : JSON.parse(schema.text);
  } catch (err) {
    return { ok: false, code: 'schema-syntax', message: errorText(err) };
  }
  if (schema.format === 'protobuf') {
    return attempt(() => protobufToTypeScript(parsed as Root, schema.messageType, typeName));
  }
  if (schema.format === 'avro') return attempt(() => avroToTypeScript(parsed, typeName));
  return attempt(() => jsonSchemaToTypeScript(parsed, typeName));
}

function attempt(convert: () => string): SchemaTypeResult {
  try {
    return { ok: true, text: convert() };
  } catch (err) {
    return { ok: false, code: 'schema-invalid', message: errorText(err) };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
