/** Edits of the design's topics table for schemas (pure: a new document, the old one untouched). */
import { getOperator } from '../registry';
import type { DesignNode, TopicSchema, TopologyDocument } from '../types';
import type { SchemaSide } from './check-schemas';

/** Sets (or, with undefined, removes) one side's schema of a topic; an emptied topic entry is dropped. */
export function setTopicSchema(doc: TopologyDocument, topic: string, side: SchemaSide, schema: TopicSchema | undefined): TopologyDocument {
  const topics: Record<string, NonNullable<TopologyDocument['topics']>[string]> = Object.assign(Object.create(null), doc.topics ?? {});
  const entry = { ...(topics[topic] ?? {}) };
  if (schema) entry[side] = schema;
  else delete entry[side];
  if (Object.keys(entry).length) topics[topic] = entry;
  else delete topics[topic];
  return { ...doc, topics };
}

/** The topic a source or sink node reads or writes (its first), or undefined for other nodes. */
export function nodeTopic(node: DesignNode): { topic: string; reads: boolean } | undefined {
  const d = getOperator(node.kind);
  const t = d?.topics?.({ ...(d.defaults as object), ...node.params } as never);
  if (t?.reads?.[0]) return { topic: t.reads[0], reads: true };
  if (t?.writes?.[0]) return { topic: t.writes[0], reads: false };
  return undefined;
}

/** The record name a schema declares, for the card: Avro's record name, JSON Schema's title, Protobuf's message. */
export function schemaLabel(schema: TopicSchema): string {
  const format = schema.format === 'avro' ? 'Avro' : schema.format === 'protobuf' ? 'Protobuf' : 'JSON Schema';
  return `${format} ${schemaName(schema) ?? ''}`.trim();
}

function schemaName(schema: TopicSchema): string | undefined {
  if (schema.format === 'protobuf') return schema.messageType ?? /\bmessage\s+(\w+)/.exec(schema.text)?.[1];
  try {
    const json = JSON.parse(schema.text) as unknown;
    if (typeof json === 'string') return json;
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      const o = json as Record<string, unknown>;
      const name = schema.format === 'avro' ? o.name ?? o.type : o.title;
      return typeof name === 'string' ? name : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
