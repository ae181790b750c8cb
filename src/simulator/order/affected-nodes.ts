/**
 * Where order dependence shows on the canvas: the sinks writing the affected topics, and the nodes
 * before them whose result can depend on arrival order (those that keep state: aggregations,
 * joins, processors, suppress, toTable). Stateless steps only pass it on, so they are not marked.
 */
import { getOperator } from '../../model/registry';
import type { TopologyDocument } from '../../model/types';

const ORDER_SENSITIVE = new Set(['Aggregations', 'Joins', 'Processor API']);
// Of the table operators only these keep state; toStream passes changes on.
const STATEFUL_TABLE_KINDS = new Set(['suppress', 'toTable']);

export function affectedNodes(doc: TopologyDocument, topics: Set<string>): string[] {
  if (topics.size === 0) return [];
  const sinks = doc.nodes.filter((n) => n.kind === 'to' && topics.has(String(n.params?.topic)));
  const parents = new Map<string, string[]>();
  for (const e of doc.edges) (parents.get(e.target) ?? parents.set(e.target, []).get(e.target)!).push(e.source);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Set(sinks.map((n) => n.id));
  const seen = new Set<string>();
  const walk = [...out];
  while (walk.length) {
    const id = walk.pop()!;
    for (const p of parents.get(id) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      const n = byId.get(p);
      if (n && (ORDER_SENSITIVE.has(getOperator(n.kind)?.category ?? '') || STATEFUL_TABLE_KINDS.has(n.kind))) out.add(p);
      walk.push(p);
    }
  }
  return doc.nodes.filter((n) => out.has(n.id)).map((n) => n.id);
}
