/**
 * Kafka's co-partitioning rule for joins (CopartitionedTopicsEnforcer): the topics the two sides of
 * a stream-stream, stream-table or table-table join read must have the same number of partitions,
 * or Kafka Streams stops with "Topics not co-partitioned: [a,b]". A side that is repartitioned
 * before the join (a key change: selectKey, map, flatMap, groupBy, process; or a repartition node)
 * reads an internal topic that Kafka sizes to match, so it never conflicts. Global-table and
 * foreign-key joins have no such rule. Partition counts: doc.topics[topic].partitions, else the
 * design's settings.partitions.
 */
import { inputKindsOf, type DesignAnalysis } from './graph';
import type { Diagnostic, TopologyDocument } from './types';

/** How a node's records are partitioned: by these outside topics, or by an internal topic (or about to be). */
type Partitioning = { topics: Set<string> } | 'internal' | 'key-changed';

const SOURCES = new Set(['stream', 'table']);
const KEY_CHANGING = new Set(['selectKey', 'map', 'flatMap', 'groupBy', 'process']);
/** Repartition a key-changed input before they run (their input is read again from an internal topic). */
const REPARTITIONING = new Set(['count', 'reduce', 'aggregate', 'cogroup', 'toTable', 'join', 'leftJoin', 'outerJoin', 'repartition']);
const JOINS = new Set(['join', 'leftJoin', 'outerJoin']);

export function partitionsOf(doc: TopologyDocument, topic: string): number {
  return doc.topics?.[topic]?.partitions ?? doc.settings?.partitions ?? 1;
}

export function checkCopartitioning(doc: TopologyDocument, analysis: DesignAnalysis, out: Diagnostic[]): void {
  const of = new Map<string, Partitioning>();
  for (const id of analysis.order) {
    const n = analysis.nodes.get(id)!;
    const params = analysis.params.get(id) ?? n.params ?? {};
    const byPort = analysis.inputs.get(id) ?? {};
    const inputs = Object.values(byPort).flat().map((c) => of.get(c.node.id) ?? 'internal');
    if (JOINS.has(n.kind) && joinsCopartitioned(params, inputKindsOf(analysis, id))) {
      const sides = ['left', 'right'].map((p) => (byPort[p] ?? []).map((c) => of.get(c.node.id) ?? 'internal'));
      const problem = conflict(doc, sides.flat());
      if (problem) out.push({ code: 'E_NOT_COPARTITIONED', severity: 'error', nodeId: id, param: 'inputs', message: problem });
    }
    of.set(id, partitioningOf(n.kind, params, inputs));
  }
}

/** Stream-stream, stream-table and table-table joins; not global-table or foreign-key joins. */
function joinsCopartitioned(params: Record<string, unknown>, kinds: readonly string[]): boolean {
  if (kinds.includes('GlobalKTable')) return false;
  return !(typeof params.foreignKeyExtractor === 'string' && params.foreignKeyExtractor.trim());
}

function partitioningOf(kind: string, params: Record<string, unknown>, inputs: Partitioning[]): Partitioning {
  if (SOURCES.has(kind)) return typeof params.topic === 'string' ? { topics: new Set([params.topic]) } : 'internal';
  if (kind === 'globalTable' || kind === 'repartition') return 'internal';
  if (JOINS.has(kind) && typeof params.foreignKeyExtractor === 'string' && params.foreignKeyExtractor.trim()) return 'internal';
  const repartitioned = REPARTITIONING.has(kind) ? inputs.map((p) => (p === 'key-changed' ? 'internal' : p)) : inputs;
  if (KEY_CHANGING.has(kind) || repartitioned.includes('key-changed')) return 'key-changed';
  const topics = new Set(repartitioned.flatMap((p) => (typeof p === 'object' ? [...p.topics] : [])));
  return topics.size ? { topics } : 'internal';
}

/** Kafka's message when the outside topics of a join's inputs differ in partition count, or null. */
function conflict(doc: TopologyDocument, sides: Partitioning[]): string | null {
  const topics = [...new Set(sides.flatMap((p) => (typeof p === 'object' ? [...p.topics] : [])))];
  const counts = topics.map((t) => partitionsOf(doc, t));
  const other = counts.findIndex((c) => c !== counts[0]);
  if (other < 0) return null;
  const [a, b] = [topics[0], topics[other]];
  return `Topics not co-partitioned: [${a},${b}]: "${a}" has ${counts[0]} partitions, "${b}" has ${counts[other]}; Kafka Streams refuses to start. Give the topics the same count, or repartition one side (a repartition node) before the join`;
}
