/**
 * Co-partitioning (Kafka's CopartitionedTopicsEnforcer): the topics both sides of a join read must
 * have the same partition count, taken per topic from the design's topics table, else the design's
 * partitions; a side repartitioned before the join adapts and never conflicts.
 */
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import type { DesignNode, TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

/** stream "orders" [-> between...] joined (left) with `right` on the right, -> to "out". */
function joined(right: DesignNode[], between: DesignNode[] = [], partitions: Record<string, number> = {}): TopologyDocument {
  const chain = [node('s', 'stream', { topic: 'orders' }), ...between];
  const edges: [string, string, string?][] = chain.slice(1).map((n, i) => [chain[i].id, n.id]);
  for (let i = 1; i < right.length; i++) edges.push([right[i - 1].id, right[i].id]);
  edges.push([chain[chain.length - 1].id, 'j', 'left'], [right[right.length - 1].id, 'j', 'right'], ['j', 'o']);
  const doc = design([...chain, ...right, node('j', 'join', { windowSizeMs: 1000 }), node('o', 'to', { topic: 'out' })], edges);
  return { ...doc, topics: Object.fromEntries(Object.entries(partitions).map(([t, p]) => [t, { partitions: p }])) };
}

const codes = (doc: TopologyDocument) => checkDesign(doc).filter((d) => d.code === 'E_NOT_COPARTITIONED');

describe('co-partitioned joins', () => {
  it('a stream-stream join of topics with 3 and 2 partitions is refused on the join, naming both topics', () => {
    const found = codes(joined([node('p', 'stream', { topic: 'payments' })], [], { orders: 3, payments: 2 }));
    expect(found).toEqual([expect.objectContaining({ nodeId: 'j', param: 'inputs', severity: 'error' })]);
    expect(found[0].message).toMatch(/^Topics not co-partitioned: \[orders,payments\]: "orders" has 3 partitions, "payments" has 2/);
  });

  it('the same counts, or counts left to the design default, pass', () => {
    expect(codes(joined([node('p', 'stream', { topic: 'payments' })], [], { orders: 4, payments: 4 }))).toEqual([]);
    expect(codes(joined([node('p', 'stream', { topic: 'payments' })]))).toEqual([]);
    // One topic set to the default's value explicitly.
    const doc = joined([node('p', 'stream', { topic: 'payments' })], [], { orders: 6 });
    expect(codes({ ...doc, settings: { ...doc.settings, partitions: 6 } })).toEqual([]);
    expect(codes({ ...doc, settings: { ...doc.settings, partitions: 2 } })).toHaveLength(1);
  });

  it('a key change before the join repartitions that side: no error', () => {
    expect(codes(joined([node('p', 'stream', { topic: 'payments' })], [node('k', 'selectKey', { mapper: '(k, v) => v' })], { orders: 3, payments: 2 }))).toEqual([]);
    expect(codes(joined([node('p', 'stream', { topic: 'payments' }), node('r', 'repartition')], [], { orders: 3, payments: 2 }))).toEqual([]);
    // A value-only change keeps the partitioning: still refused.
    expect(codes(joined([node('p', 'stream', { topic: 'payments' }), node('m', 'mapValues', { mapper: '(v) => v' })], [], { orders: 3, payments: 2 }))).toHaveLength(1);
  });

  it('a table built by aggregating a topic without a key change is partitioned like that topic', () => {
    const byKey = [node('p', 'stream', { topic: 'payments' }), node('g', 'groupByKey'), node('c', 'count')];
    const doc = joined(byKey, [], { orders: 3, payments: 2 });
    expect(codes(doc)).toHaveLength(1);
    // Grouped by a new key, the count reads a repartition topic sized to match.
    const regrouped = [node('p', 'stream', { topic: 'payments' }), node('g', 'groupBy', { keySelector: '(k, v) => v' }), node('c', 'count')];
    expect(codes(joined(regrouped, [], { orders: 3, payments: 2 }))).toEqual([]);
  });

  it('global-table joins have no co-partitioning rule', () => {
    const doc = design([node('s', 'stream', { topic: 'orders' }), node('g', 'globalTable', { topic: 'ref' }), node('j', 'join', { keySelector: '(k, v) => k' }), node('o', 'to', { topic: 'out' })], [['s', 'j', 'left'], ['g', 'j', 'right'], ['j', 'o']]);
    expect(codes({ ...doc, topics: { orders: { partitions: 3 }, ref: { partitions: 1 } } })).toEqual([]);
  });
});
