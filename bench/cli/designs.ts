/**
 * The four workloads of #12 as designs (TopologyDocument), one per name; the hand-written loops in
 * loops/*.mjs and the RxJS pipelines in rx/*.mjs do exactly what these do.
 */
import type { DesignEdge, DesignNode, TopologyDocument } from '../../src/model/types';

export const WORKLOADS = ['pipeline', 'wordcount', 'windowed', 'join'] as const;
export type Workload = (typeof WORKLOADS)[number];

type Step = [id: string, kind: string, params: Record<string, unknown>, inputs?: [from: string, port: string][]];

function design(name: string, steps: Step[]): TopologyDocument {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  steps.forEach(([id, kind, params, inputs], i) => {
    nodes.push({ id, kind, name: id, params, position: { x: i * 220, y: 0 } });
    const from = inputs ?? (i > 0 ? [[steps[i - 1][0], 'in'] as [string, string]] : []);
    for (const [source, targetPort] of from) edges.push({ id: `e${edges.length + 1}`, source, target: id, targetPort });
  });
  return { format: 'streamwright/topology', version: 1, name, nodes, edges, samples: {}, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
}

export const DESIGNS: Record<Workload, TopologyDocument> = {
  pipeline: design('bench-pipeline', [
    ['src', 'stream', { topic: 'purchases' }],
    ['big', 'filter', { predicate: '(key, v) => v.amount >= 50' }],
    ['cents', 'mapValues', { mapper: '(v) => ({ user: v.user, cents: v.amount * 100, country: v.country })' }],
    ['byUser', 'selectKey', { mapper: '(key, v) => v.user' }],
    ['sink', 'to', { topic: 'big-purchases' }],
  ]),
  // caching off: every word occurrence emits its running count (the loop does the same).
  wordcount: design('bench-wordcount', [
    ['src', 'stream', { topic: 'text-lines' }],
    ['words', 'flatMapValues', { mapper: '(value) => value.toLowerCase().split(/\\W+/).filter((w) => w.length > 0)' }],
    ['group', 'groupBy', { mapper: '(key, word) => word' }],
    ['count', 'count', { caching: false }],
    ['ts', 'toStream', {}],
    ['sink', 'to', { topic: 'word-counts' }],
  ]),
  windowed: design('bench-windowed', [
    ['src', 'stream', { topic: 'pageviews' }],
    ['group', 'groupByKey', {}],
    ['win', 'windowedBy', { type: 'tumbling', sizeMs: 60_000, graceMs: 10_000 }],
    ['count', 'count', {}],
    ['ts', 'toStream', {}],
    ['sink', 'to', { topic: 'pageview-counts' }],
  ]),
  join: design('bench-join', [
    ['orders', 'stream', { topic: 'orders' }],
    ['payments', 'stream', { topic: 'payments' }, []],
    ['join', 'join', { joiner: '(order, payment) => ({ item: order.item, amount: order.amount, paid: payment.amount })', beforeMs: 300_000, afterMs: 300_000, graceMs: 0 }, [['orders', 'left'], ['payments', 'right']]],
    ['sink', 'to', { topic: 'orders-paid' }],
  ]),
};

/** Input topics of each workload, in the order the files are given. */
export const TOPICS: Record<Workload, string[]> = { pipeline: ['purchases'], wordcount: ['text-lines'], windowed: ['pageviews'], join: ['orders', 'payments'] };
export const SINK: Record<Workload, string> = { pipeline: 'big-purchases', wordcount: 'word-counts', windowed: 'pageview-counts', join: 'orders-paid' };
