/**
 * The graph auto layout hands to elkjs for a design, and the positions it reads back. Plain data and
 * functions (no DOM, no worker), shared by the canvas's layout worker client, the Node bench and the CLI's describe() import.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { TopologyDocument } from './types';
import { nameTable } from './name-table';

/**
 * A node card as styles.css lays it out with its kind, name and one line of badges (counters): wide
 * and tall enough to read at the zoom a fitted layout reaches. Split and join cards with several
 * labelled ports may be taller.
 */
export const CARD_SIZE = { width: 230, height: 84 };

/** A node card's box as the layout sees it: the card and some room below it. */
export const NODE_BOX = { width: CARD_SIZE.width, height: CARD_SIZE.height + 16 };

const LAYER_GAP = 80;

/** Layered, left to right: a topology reads from its sources to its sinks. */
export const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
};

export type Positions = Record<string, { x: number; y: number }>;

type GraphPart = Pick<TopologyDocument, 'nodes' | 'edges'>;

/**
 * Runs of nodes that follow one another one to one (a node whose only successor has it as its only
 * predecessor): most of a Kafka Streams topology is such runs of stateless steps. Each run is laid
 * out as one box as wide as the run, left to right, which is where the layered layout puts such a
 * run anyway; elkjs then places boxes, not nodes (a 300-node pipeline is one box), and its time
 * grows with the branches and joins of the design instead of its size.
 */
function runsOf(doc: GraphPart): string[][] {
  const outs = new Map<string, string[]>();
  const ins = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (e.source === e.target) continue;
    outs.set(e.source, [...(outs.get(e.source) ?? []), e.target]);
    ins.set(e.target, [...(ins.get(e.target) ?? []), e.source]);
  }
  const next = (id: string) => {
    const o = outs.get(id);
    return o?.length === 1 && ins.get(o[0])?.length === 1 ? o[0] : undefined;
  };
  const continues = (id: string) => {
    const i = ins.get(id);
    return i?.length === 1 && next(i[0]) === id;
  };
  const seen = new Set<string>();
  const runs: string[][] = [];
  const walk = (head: string) => {
    const run: string[] = [];
    for (let id: string | undefined = head; id !== undefined && !seen.has(id); id = next(id)) {
      seen.add(id);
      run.push(id);
    }
    runs.push(run);
  };
  for (const n of doc.nodes) if (!continues(n.id)) walk(n.id);
  // What is left is a cycle of one-to-one links (every node continues another): cut it anywhere.
  for (const n of doc.nodes) if (!seen.has(n.id)) walk(n.id);
  return runs;
}

/** The graph to hand to elkjs for a design, and how to read the design's node positions back from its result. */
export function layoutInput(doc: GraphPart): { graph: ElkNode; positions: (laidOut: ElkNode) => Positions } {
  const runs = runsOf(doc);
  const boxOf = new Map<string, string>();
  for (const run of runs) for (const id of run) boxOf.set(id, run[0]);
  const step = NODE_BOX.width + LAYER_GAP;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: runs.map((run) => ({ id: run[0], width: run.length * step - LAYER_GAP, height: NODE_BOX.height })),
    edges: doc.edges
      .filter((e) => boxOf.get(e.source) !== boxOf.get(e.target))
      .map((e) => ({ id: e.id, sources: [boxOf.get(e.source)!], targets: [boxOf.get(e.target)!] })),
  };
  const positions = (laidOut: ElkNode) => {
    const at = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
    const out: Positions = nameTable();
    for (const run of runs) {
      const box = at.get(run[0]);
      if (!box) continue;
      run.forEach((id, i) => (out[id] = { x: Math.round((box.x ?? 0) + i * step), y: Math.round(box.y ?? 0) }));
    }
    return out;
  };
  return { graph, positions };
}

/**
 * A small graph with joins and branches, laid out once when the layout worker starts: that loads
 * elkjs's classes (1.6 MB of GWT-compiled Java) before the first real layout needs them. Small,
 * because a real layout waits for it when the user is quick: designs reach elkjs as a few boxes.
 */
export function warmUpGraph(size = 8): ElkNode {
  const children = Array.from({ length: size }, (_, i) => ({ id: `w${i}`, ...NODE_BOX }));
  // Each node feeds the next and, every third node, one a few steps further: joins and branches.
  const edges = children.flatMap((_, i) => [
    ...(i + 1 < size ? [{ id: `a${i}`, sources: [`w${i}`], targets: [`w${i + 1}`] }] : []),
    ...(i % 3 === 0 && i + 4 < size ? [{ id: `b${i}`, sources: [`w${i}`], targets: [`w${i + 4}`] }] : []),
  ]);
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}
