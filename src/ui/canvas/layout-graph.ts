/**
 * The graph auto layout hands to elkjs for a design, and the positions it reads back. Plain data and
 * functions (no DOM, no worker), shared by the canvas's layout worker client and the Node bench.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { TopologyDocument } from '../../model/types';

/** A node card's box as the layout sees it (cards are at least 170 px wide; names and badges vary). */
export const NODE_BOX = { width: 200, height: 90 };

/** Layered, left to right: a topology reads from its sources to its sinks. */
export const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
};

export type Positions = Record<string, { x: number; y: number }>;

export function toElkGraph(doc: Pick<TopologyDocument, 'nodes' | 'edges'>): ElkNode {
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: doc.nodes.map((n) => ({ id: n.id, ...NODE_BOX })),
    // A self-loop gives the layering nothing to order.
    edges: doc.edges.filter((e) => e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export function positionsOf(laidOut: ElkNode): Positions {
  const out: Positions = {};
  for (const c of laidOut.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}

/**
 * A small design-shaped graph (two chains joined, then a split into branches) that runs the same
 * layout phases as a real design: laying it out once when the worker starts compiles and warms up
 * elkjs's code, so the first real layout does not pay for that.
 */
export function warmUpGraph(chain = 12): ElkNode {
  const nodes: { id: string }[] = [];
  const edges: { id: string; source: string; target: string; targetPort: string }[] = [];
  const link = (source: string, target: string) => edges.push({ id: `w${edges.length}`, source, target, targetPort: 'in' });
  const path = (prefix: string, length: number, from?: string) => {
    let prev = from;
    for (let i = 0; i < length; i++) {
      const id = `${prefix}${i}`;
      nodes.push({ id });
      if (prev) link(prev, id);
      prev = id;
    }
    return prev!;
  };
  const join = path('j', 1);
  link(path('a', chain), join);
  link(path('b', chain), join);
  const split = path('s', 1, join);
  for (const branch of ['x', 'y', 'z']) path(branch, chain / 2, split);
  return toElkGraph({ nodes: nodes as TopologyDocument['nodes'], edges });
}
