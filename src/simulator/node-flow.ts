/**
 * A node's data flow for the preview: the records that reached it beside the records it emitted,
 * each emitted record linked to the ones it was made from (StreamSets-style input/output view).
 */
import { contributors } from './lineage';
import type { NodeDetail, SimulationResult, TracedRecord } from './types';

/** Direct contributors listed per emitted record (an aggregate of a hot key can have thousands). */
const MAX_LINKS = 200;

export function nodeFlow(result: SimulationResult, nodeId: string, emitted: TracedRecord[], limit: number): Pick<NodeDetail, 'inputs' | 'from' | 'rule'> {
  const from: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const linked = new Map<string, TracedRecord>();
  for (const rec of emitted) {
    const c = contributors(result, nodeId, rec);
    const ids: string[] = [];
    for (const r of c.records.slice(-MAX_LINKS)) {
      ids.push(r.id);
      linked.set(r.id, r);
    }
    for (const id of c.inputs.slice(-MAX_LINKS)) ids.push(id);
    from[rec.id] = ids;
  }
  const first = arriving(result, nodeId, limit);
  const ids = new Set(first.map((r) => r.id));
  // The records the shown outputs came from, even when they arrived after the first `limit`.
  const extra = [...linked.values()].filter((r) => !ids.has(r.id));
  const inputs = extra.length ? [...first, ...extra].sort(bySeq) : first;
  return { inputs: addSourceInputs(result, nodeId, inputs, from, limit), from, rule: result.graph[nodeId]?.rule.kind ?? 'cause' };
}

function bySeq(a: TracedRecord, b: TracedRecord): number {
  return (a.seq ?? 0) - (b.seq ?? 0);
}

/** The first records that reached a node from its upstream nodes, in emission order. */
function arriving(result: SimulationResult, nodeId: string, limit: number): TracedRecord[] {
  const lists = (result.graph[nodeId]?.upstream ?? []).map((u) => result.nodes[u.nodeId]?.emitted ?? []);
  if (lists.length === 1) return lists[0].slice(0, limit);
  return lists
    .flatMap((l) => l.slice(0, limit))
    .sort(bySeq)
    .slice(0, limit);
}

/** A source's inputs are the input records of its topics (the ids its outputs link to). */
function addSourceInputs(result: SimulationResult, nodeId: string, inputs: TracedRecord[], from: Record<string, string[]>, limit: number): TracedRecord[] {
  const rule = result.graph[nodeId]?.rule;
  if (rule?.kind !== 'source') return inputs;
  const wanted = new Set(Object.values(from).flat());
  const all = rule.topics.flatMap((t) => result.inputs[t] ?? []);
  return all.filter((r, i) => i < limit || wanted.has(r.id));
}
