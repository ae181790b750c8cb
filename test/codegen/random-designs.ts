/**
 * fast-check generators of valid designs (chains of operators with random params) and their samples.
 * Names, descriptions, topics and string literals are hostile (see hostile-text.ts): whatever a design
 * says, the generated project must mean the same.
 */
import fc from 'fast-check';
import type { DesignEdge, DesignNode, SampleRecord, TopologyDocument } from '../../src/model/types';
import { hostileFunction, hostileLiteral, hostileNames, hostileText } from './hostile-text';

const stateless = fc.oneof(
  fc.record({ kind: fc.constant('filter'), params: fc.constantFrom({ predicate: '(k, v) => v % 2 === 0' }, { predicate: '(k, v) => v > 10' }, { predicate: "(k, v) => k !== 'b'" }) }),
  fc.record({ kind: fc.constant('filterNot'), params: fc.constantFrom({ predicate: '(k, v) => v < 5' }) }),
  fc.record({ kind: fc.constant('mapValues'), params: fc.constantFrom({ mapper: '(v) => v * 2' }, { mapper: '(v: number, k: string) => v + k.length' }) }),
  fc.record({ kind: fc.constant('selectKey'), params: fc.constantFrom({ mapper: "(k, v) => 'k' + (v % 3)" }) }),
  fc.record({ kind: fc.constant('map'), params: fc.constantFrom({ mapper: '(k, v) => [String(v % 4), v + 1]' }) }),
  fc.record({ kind: fc.constant('flatMapValues'), params: fc.constantFrom({ mapper: '(v) => [v, v + 1]' }, { mapper: '(v) => (v % 3 === 0 ? [] : [v])' }) }),
  fc.record({ kind: fc.constant('peek'), params: fc.constant({ action: '(k, v) => undefined' }) }),
  fc.record({ kind: fc.constant('selectKey'), params: hostileLiteral.map((lit) => ({ mapper: `(k, v) => ${lit} + (v % 3)` })) }),
  fc.record({ kind: fc.constant('mapValues'), params: hostileFunction.map((mapper) => ({ mapper })) }),
);

/**
 * Processor API nodes (process / processValues). "STORE" stands for the node's own store name (each
 * node gets its own, see ownStores): a counter in a key-value store whose STREAM_TIME punctuator
 * forwards every entry, and a value-only processor that drops some records.
 */
const PUNCTUATING_COUNTER = `({
  init(ctx) {
    this.ctx = ctx;
    this.counts = ctx.getStateStore('STORE');
    ctx.schedule(15, 'STREAM_TIME', (ts) => {
      for (const { key, value } of this.counts.all()) ctx.forward({ key, value: value * 100, timestamp: ts });
    });
  },
  process(record) {
    const n = (this.counts.get(record.key) ?? 0) + 1;
    this.counts.put(record.key, n);
    if (n > 3) this.counts.delete(record.key);
    this.ctx.forward({ key: record.key, value: record.value + n });
  },
})`;
const processors = fc.constantFrom(
  { kind: 'process', params: { processor: PUNCTUATING_COUNTER, stores: [{ name: 'STORE', type: 'keyValue' }] } },
  { kind: 'processValues', params: { processor: '({ init(ctx) { this.ctx = ctx; }, process(r) { if (r.value % 3) this.ctx.forward({ ...r, value: r.value * 10 }); } })', stores: [] } },
);

/** Gives a processor node's "STORE" placeholder a name of its own. */
function ownStores(params: Record<string, unknown>, id: string): Record<string, unknown> {
  if (!Array.isArray(params.stores)) return params;
  return { ...params, processor: String(params.processor).replaceAll("'STORE'", `'store-${id}'`), stores: params.stores.map((s: { name: string }) => ({ ...s, name: `store-${id}` })) };
}

/** Topic names Kafka accepts that are hostile to JavaScript objects and file systems. */
const TOPICS = ['input', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '...', '.hidden', 'a_b-C.9', 'x'.repeat(249)];
const MAX_NODES = 15;

const windowParams = fc.oneof(
  fc.record({ type: fc.constant('tumbling'), sizeMs: fc.constantFrom(10, 50), graceMs: fc.constantFrom(0, 5) }),
  fc.record({ type: fc.constant('hopping'), sizeMs: fc.constant(20), advanceMs: fc.constantFrom(5, 10), graceMs: fc.constantFrom(0, 5) }),
  fc.record({ type: fc.constant('sliding'), timeDifferenceMs: fc.constantFrom(5, 15), graceMs: fc.constantFrom(0, 10) }),
  fc.record({ type: fc.constant('session'), gapMs: fc.constantFrom(5, 10), graceMs: fc.constantFrom(0, 5) }),
  fc.record({ type: fc.constant('tumbling'), sizeMs: fc.constant(10), graceMs: fc.constant(0), emitStrategy: fc.constant('onWindowClose') }),
);

const aggregation = fc.constantFrom(
  { kind: 'count', params: { caching: false } },
  { kind: 'count', params: {} },
  { kind: 'reduce', params: { reducer: '(a, v) => a + v' } },
  { kind: 'aggregate', params: { initializer: '() => 0', aggregator: '(k, v, a) => a + v', merger: '(k, a, b) => a + b' } },
);

const sample = fc.record({ key: fc.constantFrom('a', 'b', 'c'), value: fc.integer({ min: 0, max: 50 }), dt: fc.integer({ min: -8, max: 12 }) });

export const randomDesign = fc
  .record({
    chain: fc.array(fc.oneof({ arbitrary: stateless, weight: 4 }, { arbitrary: processors, weight: 1 }), { maxLength: 4 }),
    grouping: fc.option(fc.record({ by: fc.constantFrom('groupByKey', 'groupBy'), window: fc.option(windowParams, { nil: null }), agg: aggregation, suppress: fc.boolean(), cogroup: fc.boolean() }), { nil: null }),
    merge: fc.boolean(),
    samples: fc.array(sample, { minLength: 1, maxLength: 25 }),
    samples2: fc.array(sample, { maxLength: 10 }),
    names: hostileNames(MAX_NODES),
    descriptions: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: MAX_NODES + 1, maxLength: MAX_NODES + 1 }),
    appName: hostileText,
    topics: fc.shuffledSubarray(TOPICS, { minLength: 3, maxLength: 3 }),
  })
  .map(({ chain, grouping, merge, samples, samples2, names, descriptions, appName, topics: [input, input2, output] }): TopologyDocument => {
    const nodes: DesignNode[] = [];
    const edges: DesignEdge[] = [];
    const add = (kind: string, params: Record<string, unknown>, from: string | null, port = 'in') => {
      const id = `n${nodes.length + 1}`;
      const description = descriptions[nodes.length];
      nodes.push({ id, kind, name: names[nodes.length], params, position: { x: nodes.length * 200, y: 0 }, ...(description !== undefined ? { description } : {}) });
      if (from) edges.push({ id: `e${edges.length + 1}`, source: from, target: id, targetPort: port });
      return id;
    };
    let last = add('stream', { topic: input }, null);
    if (merge) {
      const other = add('stream', { topic: input2 }, null);
      const m = add('merge', {}, last);
      edges.push({ id: `e${edges.length + 1}`, source: other, target: m, targetPort: 'in' });
      last = m;
    }
    for (const op of chain) last = add(op.kind, ownStores(op.params, `n${nodes.length + 1}`), last);
    if (grouping) {
      last = add(grouping.by, grouping.by === 'groupBy' ? { mapper: "(k, v) => 'g' + (v % 2)" } : {}, last);
      // A cogroup of this grouped stream and the source's own records grouped by key, one aggregator each.
      const cogroup = grouping.cogroup && !(grouping.window && 'emitStrategy' in grouping.window);
      if (cogroup) {
        const second = add('groupByKey', {}, 'n1');
        const cg = add('cogroup', { aggregators: { in0: '(k, v, a) => a + v', in1: '(k, v, a) => a * 2 - v' } }, last, 'in0');
        edges.push({ id: `e${edges.length + 1}`, source: second, target: cg, targetPort: 'in1' });
        last = cg;
      }
      if (grouping.window) last = add('windowedBy', grouping.window, last);
      last = add(cogroup ? 'aggregate' : grouping.agg.kind, cogroup ? { initializer: '() => 1', merger: '(k, a, b) => a + b' } : grouping.agg.params, last);
      if (grouping.window && grouping.suppress && grouping.window.type !== 'session') last = add('suppress', { mode: 'untilWindowCloses' }, last);
      last = add('toStream', {}, last);
    }
    add('to', { topic: output }, last);
    const toRecords = (list: { key: string; value: number; dt: number }[], start: number): SampleRecord[] => {
      let t = start;
      return list.map((s) => {
        t = Math.max(0, t + s.dt);
        return { key: s.key, value: s.value, timestamp: t };
      });
    };
    // Built with fromEntries: an assignment would take a topic named "__proto__" as the prototype.
    const samplesByTopic: Record<string, SampleRecord[]> = Object.fromEntries([[input, toRecords(samples, 100)], ...(merge ? [[input2, toRecords(samples2, 95)]] : [])]);
    const description = descriptions[MAX_NODES];
    return { format: 'streamwright/topology', version: 1, name: appName, ...(description !== undefined ? { description } : {}), nodes, edges, samples: samplesByTopic, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
  });
