/** Describes the records reaching a node as TypeScript types, inferred from the preview (or samples). */
import type { SimulationResult } from '../../simulator/types';
import type { TopologyDocument } from '../../model/types';

export function typeOf(values: unknown[], depth = 0): string {
  const kinds = new Set<string>();
  const objects: Record<string, unknown>[] = [];
  for (const v of values.slice(0, 50)) {
    if (v === null || v === undefined) kinds.add('null');
    else if (Array.isArray(v)) kinds.add(`${typeOf(v, depth + 1)}[]`);
    else if (typeof v === 'object') objects.push(v as Record<string, unknown>);
    else kinds.add(typeof v);
  }
  if (objects.length) {
    if (depth > 2) kinds.add('object');
    else {
      const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
      kinds.add(`{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${typeOf(objects.map((o) => o[k]), depth + 1)}`).join('; ')} }`);
    }
  }
  return kinds.size ? [...kinds].join(' | ') : 'unknown';
}

export function upstreamTypes(doc: TopologyDocument, result: SimulationResult | null, nodeId: string): { key: string; value: string } | null {
  const edge = doc.edges.find((e) => e.target === nodeId);
  if (!edge) return null;
  const src = doc.nodes.find((n) => n.id === edge.source);
  let records: { key: unknown; value: unknown }[] = result?.nodes[edge.source]?.emitted ?? [];
  if (!records.length && src && typeof src.params.topic === 'string') records = doc.samples[src.params.topic] ?? [];
  if (!records.length) return null;
  return { key: typeOf(records.map((r) => r.key)), value: typeOf(records.map((r) => r.value)) };
}
