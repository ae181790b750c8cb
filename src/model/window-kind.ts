/**
 * Which kind of window a node's windowed keys have: the nearest windowedBy upstream decides.
 * Session windows are closed intervals [start, end] (both ends inclusive, as Kafka's SessionWindow);
 * time windows (tumbling, hopping, sliding) are half-open [start, end). Pure.
 */
import type { DesignNode, TopologyDocument } from './types';

export type WindowKind = 'session' | 'time';

export function windowKindOf(doc: TopologyDocument, nodeId: string): WindowKind | null {
  const node = nearestWindowedBy(doc, nodeId);
  return node ? (node.params.type === 'session' ? 'session' : 'time') : null;
}

/** The windowedBy node nearest upstream of `nodeId` (itself included), or null. */
export function nearestWindowedBy(doc: TopologyDocument, nodeId: string): DesignNode | null {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = [nodeId];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node?.kind === 'windowedBy') return node;
    for (const e of doc.edges) if (e.target === id) queue.push(e.source);
  }
  return null;
}
