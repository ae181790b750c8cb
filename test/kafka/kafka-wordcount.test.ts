/**
 * The Kafka runtime against a real Kafka-protocol broker (librdkafka's mock cluster): word count
 * (3 partitions) and the orders x payments stream-stream join (1 partition, so stream time matches
 * the single-task preview exactly) read back from their sink topics equal the simulator; two
 * instances in one group split the partitions and together produce the same result. These run with
 * the record cache off, so every KTable update goes downstream at once, as in the preview; one test
 * runs the default (cache on, as Kafka Streams) and checks it only coalesces updates.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import { simulate } from '../../src/simulator/simulate';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { example, lines, perKey, produce, readTopic, type Rec } from './helpers';

describeKafka('Kafka runtime on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startBroker({
      'text-lines': 3, 'word-counts': 3, 'word-count-by-word-repartition': 3, 'word-count-counts-store-changelog': 3,
      'wc2-by-word-repartition': 3, 'wc2-counts-store-changelog': 3, 'text-lines-2': 3, 'word-counts-2': 3,
      'wc-eos-by-word-repartition': 3, 'wc-eos-counts-store-changelog': 3, 'text-lines-3': 3, 'word-counts-3': 3,
      'wc-cache-by-word-repartition': 3, 'wc-cache-counts-store-changelog': 3, 'text-lines-4': 3, 'word-counts-4': 3,
      orders: 1, payments: 1, 'orders-enriched': 1,
      ...Object.fromEntries(['this', 'other', 'outer-shared'].map((s) => [`orders-payments-join-order-with-payment-store-${s}-join-store-changelog`, 1])),
    });
    kafka = new Kafka({ clientId: 'test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('word count: the sink topic equals the simulator, per key', async () => {
    const doc = example('word-count');
    const input = lines(60);
    const expected = simulate({ doc, samples: { 'text-lines': input } }).sinks['word-counts'];
    await produce(kafka, 'text-lines', input);
    const app = await runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined });
    const got = await readTopic(kafka, 'word-counts', (r) => r.length >= expected.length);
    await app.stop();
    expect(got).toHaveLength(expected.length);
    expect(perKey(got)).toEqual(perKey(expected));
  }, 60_000);

  it('word count with the record cache on (the default, as in Kafka Streams): per key, the updates are a subsequence of the preview ending in the same count', async () => {
    const doc = { ...example('word-count'), name: 'wc-cache' };
    doc.nodes = doc.nodes.map((n) => (n.kind === 'stream' ? { ...n, params: { ...n.params, topic: 'text-lines-4' } } : n.kind === 'to' ? { ...n, params: { ...n.params, topic: 'word-counts-4' } } : n));
    const input = lines(60);
    const expected = perKey(simulate({ doc, samples: { 'text-lines-4': input } }).sinks['word-counts-4']);
    const last = (values: unknown[]) => values[values.length - 1];
    const done = (r: Rec[]) => {
      const got = perKey(r);
      return Object.keys(expected).every((k) => got[k] && last(got[k]) === last(expected[k]));
    };
    await produce(kafka, 'text-lines-4', input);
    const app = await runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], commitIntervalMs: 200, logIntervalMs: 0, log: () => undefined });
    const got = perKey(await readTopic(kafka, 'word-counts-4', done, 40_000));
    await app.stop();
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, values] of Object.entries(got)) {
      expect(last(values), k).toEqual(last(expected[k]));
      // Every update sent is one the preview shows, in the preview's order (the cache only drops some).
      let i = 0;
      for (const v of values) {
        while (i < expected[k].length && expected[k][i] !== v) i++;
        expect(i, `${k}: ${JSON.stringify(values)} is not a subsequence of ${JSON.stringify(expected[k])}`).toBeLessThan(expected[k].length);
        i++;
      }
    }
    // With 15 lines per word and commits every 200 ms over a few hundred records, the cache coalesces some updates.
    expect(Object.values(got).flat().length).toBeLessThanOrEqual(Object.values(expected).flat().length);
  }, 90_000);

  it('stream-stream left join (orders x payments example) equals the simulator', async () => {
    const doc = example('orders-payments-join');
    const expected = simulate({ doc }).sinks['orders-enriched'];
    await produce(kafka, 'orders', doc.samples.orders);
    await produce(kafka, 'payments', doc.samples.payments);
    const app = await runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined });
    const got = await readTopic(kafka, 'orders-enriched', (r) => r.length >= expected.length);
    await app.stop();
    expect(got).toEqual(expected);
  }, 60_000);

  it('exactly_once_v2 runs through kafkajs transactions with the same result, and restarts (the mock does not enforce them)', async () => {
    const doc = { ...example('word-count'), name: 'wc-eos' };
    doc.nodes = doc.nodes.map((n) => (n.kind === 'stream' ? { ...n, params: { ...n.params, topic: 'text-lines-3' } } : n.kind === 'to' ? { ...n, params: { ...n.params, topic: 'word-counts-3' } } : n));
    const first = lines(60);
    const second = lines(40, 60);
    const expectedFirst = simulate({ doc, samples: { 'text-lines-3': first } }).sinks['word-counts-3'];
    const cfg = { applicationId: 'wc-eos', brokers: [broker.bootstrap], processingGuarantee: 'exactly_once_v2' as const, recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined };
    await produce(kafka, 'text-lines-3', first);
    let app = await runOnKafka(compileDesign(doc).topology, cfg);
    const got = await readTopic(kafka, 'word-counts-3', (r) => r.length >= expectedFirst.length);
    await app.stop();
    expect(perKey(got)).toEqual(perKey(expectedFirst));
    // Restart: the stores restore from changelogs whose last offsets are transaction markers, not
    // records. The mock ignores offsets sent in transactions, so the app starts from the first
    // line again and counts on top of the restored state: only "nothing lost" can be checked here.
    await produce(kafka, 'text-lines-3', second);
    app = await runOnKafka(compileDesign(doc).topology, cfg);
    const total = new Map<string, number>();
    for (const l of [...first, ...second]) for (const w of String(l.value).split(' ')) total.set(w, (total.get(w) ?? 0) + 1);
    const max = (r: { key: unknown; value: unknown }[]) => {
      const m = new Map<string, number>();
      for (const x of r) m.set(String(x.key), Math.max(m.get(String(x.key)) ?? 0, Number(x.value)));
      return m;
    };
    const all = await readTopic(kafka, 'word-counts-3', (r) => [...total].every(([w, n]) => (max(r).get(w) ?? 0) >= n), 40_000);
    await app.stop();
    for (const [w, n] of total) expect(max(all).get(w), w).toBeGreaterThanOrEqual(n);
  }, 90_000);

  it('two instances in one group split the partitions and together produce the same result', async () => {
    const doc = { ...example('word-count'), name: 'wc2' };
    doc.nodes = doc.nodes.map((n) => (n.kind === 'stream' ? { ...n, params: { ...n.params, topic: 'text-lines-2' } } : n.kind === 'to' ? { ...n, params: { ...n.params, topic: 'word-counts-2' } } : n));
    const input = lines(90);
    const expected = simulate({ doc, samples: { 'text-lines-2': input } }).sinks['word-counts-2'];
    const cfg = { applicationId: 'wc2', brokers: [broker.bootstrap], recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined };
    const a = await runOnKafka(compileDesign(doc).topology, cfg);
    let b = await runOnKafka(compileDesign(doc).topology, cfg);
    // Both members own partitions before records arrive (a joins first and is rebalanced when b joins).
    const split = async (ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && !(a.stats().assigned.length && b.stats().assigned.length && a.stats().assigned.length + b.stats().assigned.length === 3)) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return b.stats().assigned.length > 0;
    };
    // On a heavily loaded machine the second member's first join has been seen to hang for the
    // whole rebalance timeout (1 full run in 4 on the 2-core machine, never alone): it then leaves
    // and joins again once. Still open: why the first join hangs (see docs/kafka-runtime.md).
    if (!(await split(30_000))) {
      await b.stop();
      b = await runOnKafka(compileDesign(doc).topology, cfg);
      await split(45_000);
    }
    await produce(kafka, 'text-lines-2', input);
    const got = await readTopic(kafka, 'word-counts-2', (r) => r.length >= expected.length, 40_000);
    const sa = a.stats();
    const sb = b.stats();
    await Promise.all([a.stop(), b.stop()]);
    expect(sa.recordsIn).toBeGreaterThan(0);
    expect(sb.recordsIn).toBeGreaterThan(0);
    expect(new Set([...sa.partitions, ...sb.partitions]).size).toBeGreaterThan(1);
    // Each partition number (of the source and the repartition topic alike) has one owner.
    expect([...sa.assigned, ...sb.assigned].sort()).toEqual([0, 1, 2]);
    expect(perKey(got)).toEqual(perKey(expected));
  }, 180_000);
});
