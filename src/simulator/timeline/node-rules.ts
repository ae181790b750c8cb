/**
 * What the timeline needs to know of each design node to draw its state: its kind and name, the
 * windows it keeps (from the nearest windowedBy upstream: type, grace, gap) and, for
 * suppress, when a buffered entry is due. Read from the design when a recorded run starts. Pure.
 */
import type { TopologyDocument } from '../../model/types';
import { nearestWindowedBy } from '../../model/window-kind';
import type { LineageGraph } from '../lineage-graph';

export interface WindowRule {
  type: 'tumbling' | 'hopping' | 'sliding' | 'session';
  graceMs: number;
  /** Session windows: the inactivity gap (a session closes gap + grace after its end). */
  gapMs: number;
}

export interface NodeRule {
  kind: string;
  name: string;
  upstream: string[];
  /** The output topic of a `to` node. */
  topic?: string;
  window?: WindowRule;
  suppress?: { mode: 'untilWindowCloses' | 'untilTimeLimit'; timeLimitMs: number };
}

const WINDOWED_KINDS = new Set(['count', 'reduce', 'aggregate', 'suppress']);

export function nodeRules(doc: TopologyDocument, graph: LineageGraph): Record<string, NodeRule> {
  const out = Object.create(null) as Record<string, NodeRule>;
  for (const n of doc.nodes) {
    const upstream = (graph[n.id]?.upstream ?? []).map((u) => u.nodeId);
    const rule: NodeRule = { kind: n.kind, name: n.name, upstream };
    if (n.kind === 'to' && typeof n.params.topic === 'string') rule.topic = n.params.topic;
    if (WINDOWED_KINDS.has(n.kind)) {
      const w = windowOf(doc, n.id);
      if (w) rule.window = w;
    }
    if (n.kind === 'suppress') rule.suppress = { mode: n.params.mode === 'untilTimeLimit' ? 'untilTimeLimit' : 'untilWindowCloses', timeLimitMs: num(n.params.timeLimitMs, 60_000) };
    out[n.id] = rule;
  }
  return out;
}

/** The windows of the nearest windowedBy upstream of `nodeId` (null when its records are not windowed). */
function windowOf(doc: TopologyDocument, nodeId: string): WindowRule | null {
  const node = nearestWindowedBy(doc, nodeId);
  if (!node) return null;
  const p = node.params;
  const type = (['tumbling', 'hopping', 'sliding', 'session'] as const).find((t) => t === p.type) ?? 'tumbling';
  return { type, graceMs: num(p.graceMs, 0), gapMs: num(p.gapMs, 300_000) };
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
