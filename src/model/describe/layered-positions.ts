/**
 * Positions for an imported design without a layout engine (the CLI, tests): one column per longest
 * path from a source, nodes of a column one below the other. The designer replaces them with its
 * elkjs auto layout when it opens the import (src/ui/canvas/auto-layout.ts).
 */
import type { TopologyDocument } from '../types';

const COLUMN = 310;
const ROW = 130;

export function layeredPositions(doc: Pick<TopologyDocument, 'nodes' | 'edges'>): Record<string, { x: number; y: number }> {
  const parents = new Map<string, string[]>();
  for (const e of doc.edges) parents.set(e.target, [...(parents.get(e.target) ?? []), e.source]);
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(parents.get(id) ?? []).map((p) => depthOf(p, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  const rows = new Map<number, number>();
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of doc.nodes) {
    const d = depthOf(n.id, new Set());
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    out[n.id] = { x: d * COLUMN, y: row * ROW };
  }
  return out;
}
