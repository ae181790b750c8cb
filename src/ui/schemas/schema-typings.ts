/**
 * The design's topic schemas as TypeScript for Monaco: one global namespace `Topics` holding each
 * topic's key and value types (from schemaToTypeScript), so a function's header can name
 * `Topics.OrdersValue` and Monaco checks and hovers the user's code against the schema.
 */
import { schemaToTypeScript } from '../../model/topic-schemas/to-typescript';
import { SCHEMA_SIDES } from '../../model/topic-schemas/check-schemas';
import type { TopologyDocument } from '../../model/types';
import type { FlowTypes } from './type-flow';

export const TYPINGS_NAMESPACE = 'Topics';

/** `orders-v2` value -> `OrdersV2Value` (a TypeScript identifier; a leading digit gets a `T`). */
export function topicTypeName(topic: string, side: 'keySchema' | 'valueSchema'): string {
  const pascal = topic
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  const base = /^[0-9]/.test(pascal) ? `T${pascal}` : pascal || 'Topic';
  return `${base}${side === 'keySchema' ? 'Key' : 'Value'}`;
}

export interface SchemaTypings {
  /** Global declarations for Monaco (an extra lib). */
  lib: string;
  /** Per topic, the qualified type names of its key and value (only for schemas that convert). */
  topicTypes: Map<string, FlowTypes>;
}

export function schemaTypings(doc: TopologyDocument): SchemaTypings {
  const topicTypes = new Map<string, FlowTypes>();
  const parts: string[] = [];
  for (const [topic, settings] of Object.entries(doc.topics ?? {})) {
    const types: FlowTypes = {};
    for (const side of SCHEMA_SIDES) {
      const schema = settings?.[side];
      if (!schema) continue;
      const name = topicTypeName(topic, side);
      const ts = schemaToTypeScript(schema, name);
      if (!ts.ok) continue;
      parts.push(ts.text);
      types[side === 'keySchema' ? 'key' : 'value'] = `${TYPINGS_NAMESPACE}.${name}`;
    }
    if (types.key || types.value) topicTypes.set(topic, types);
  }
  const lib = parts.length ? `declare namespace ${TYPINGS_NAMESPACE} {\n${parts.join('\n')}}\n` : '';
  return { lib, topicTypes };
}
