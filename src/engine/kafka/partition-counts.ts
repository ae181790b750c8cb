/**
 * How many partitions each internal topic and changelog gets, and which topics must have the same
 * count, as Kafka Streams derives them at assignment (RepartitionTopics, CopartitionedTopicsEnforcer,
 * changelogs sized by the tasks of their sub-topology):
 * - the source topics of one sub-topology are read by the same tasks, so they are co-partitioned
 *   (for a foreign-key join: the left table with the subscription-response topic, the right table
 *   with the subscription-registration topic; the two tables themselves may differ);
 * - a sub-topology's task count is that of its external source topics, else of an internal topic
 *   with an explicit count (Repartitioned.numberOfPartitions), else the largest count of the
 *   sub-topologies writing its internal topics;
 * - an internal topic gets the task count of the sub-topology reading it, a changelog that of the
 *   sub-topology whose processors use the store.
 */
import type { NodeSpec } from '../core/topology-spec';
import type { Topology } from '../topology';

export interface PartitionPlan {
  /** Internal topic (spec name, without the application prefix) -> partitions. */
  internal: Map<string, number>;
  /** Logged store -> partitions of its changelog. */
  changelog: Map<string, number>;
}

/**
 * `external`: the partition counts of the source topics; `fallback`: a count for sub-topologies
 * reading only internal topics (the runtime's internalPartitions option) instead of deriving it.
 * Throws when the topics of one sub-topology cannot have the same count.
 */
export function planPartitions(topology: Topology, external: ReadonlyMap<string, number>, stores: readonly string[], fallback?: number): PartitionPlan {
  const spec = topology.spec;
  const groups = topology.describe().subtopologies.filter((g) => !g.some((n) => n.type === 'source' && n.topics.some((t) => spec.globalTopics.has(t))));
  const topicsOf = (g: NodeSpec[]) => [...new Set(g.filter((n) => n.type === 'source').flatMap((n) => n.topics))];
  const writers = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const n of g) if (n.type === 'sink' && n.internal) writers.set(n.topics[0], [...(writers.get(n.topics[0]) ?? []), i]);
  });
  const explicit = (t: string) => spec.internalTopics.get(t) ?? null;
  const counts = new Map<number, number>();
  const visiting = new Set<number>();
  const groupCount = (i: number): number => {
    const known = counts.get(i);
    if (known !== undefined) return known;
    if (visiting.has(i)) return fallback ?? 1;
    visiting.add(i);
    const topics = topicsOf(groups[i]);
    const fixed = [...topics.filter((t) => !spec.internalTopics.has(t)).map((t) => external.get(t) ?? 1), ...topics.map(explicit).filter((c) => c !== null)];
    let n: number;
    if (fixed.length) n = Math.max(...fixed);
    else if (fallback !== undefined) n = fallback;
    else n = Math.max(1, ...topics.flatMap((t) => (writers.get(t) ?? []).map(groupCount)));
    visiting.delete(i);
    counts.set(i, n);
    return n;
  };

  const internal = new Map<string, number>();
  groups.forEach((g, i) => {
    const topics = topicsOf(g);
    for (const t of topics) if (spec.internalTopics.has(t)) internal.set(t, explicit(t) ?? groupCount(i));
    const withCounts = topics.map((t) => [t, internal.get(t) ?? external.get(t)] as const);
    if (new Set(withCounts.map(([, c]) => c)).size > 1) {
      throw new Error(`topics joined together must have the same number of partitions: ${withCounts.map(([t, c]) => `${t} (${c})`).join(', ')}`);
    }
  });
  for (const t of spec.internalTopics.keys()) if (!internal.has(t)) internal.set(t, explicit(t) ?? fallback ?? 1);

  const changelog = new Map<string, number>();
  for (const s of stores) {
    const i = groups.findIndex((g) => g.some((n) => n.stores.includes(s)));
    changelog.set(s, i >= 0 ? groupCount(i) : (fallback ?? 1));
  }
  return { internal, changelog };
}
