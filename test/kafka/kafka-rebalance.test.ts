/**
 * Partitions moving between instances mid-stream (Kafka runtime on the mock broker): a second
 * instance joins while records are being processed, then the first stops; every word still reaches
 * its full count (the first instance commits before giving partitions up, the second restores
 * their stores from the changelogs), with at most the duplicates at-least-once allows.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka, type KafkaApp } from '../../src/engine/kafka';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { example, lines, produce, readTopic, type Rec } from './helpers';

const until = async (cond: () => boolean, ms = 40_000) => {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
};

describeKafka('Kafka runtime: rebalance mid-stream', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ 'text-lines-4': 3, 'word-counts-4': 3, 'wc4-by-word-repartition': 3, 'wc4-counts-store-changelog': 3 });
    kafka = new Kafka({ clientId: 'rebalance-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('loses nothing when a second instance joins and the first leaves', async () => {
    const doc = { ...example('word-count'), name: 'wc4' };
    doc.nodes = doc.nodes.map((n) => (n.kind === 'stream' ? { ...n, params: { ...n.params, topic: 'text-lines-4' } } : n.kind === 'to' ? { ...n, params: { ...n.params, topic: 'word-counts-4' } } : n));
    const batches = [lines(400), lines(400, 400), lines(400, 800)];
    const total = new Map<string, number>();
    for (const l of batches.flat()) for (const w of String(l.value).split(' ')) total.set(w, (total.get(w) ?? 0) + 1);
    const cfg = { applicationId: 'wc4', brokers: [broker.bootstrap], commitIntervalMs: 200, logIntervalMs: 0, log: () => undefined };
    const start = async (): Promise<KafkaApp> => runOnKafka(compileDesign(doc).topology, cfg);

    await produce(kafka, 'text-lines-4', batches[0]);
    const a = await start();
    await until(() => a.stats().recordsIn > 0);
    const b = await start();
    await produce(kafka, 'text-lines-4', batches[1]);
    await until(() => b.stats().assigned.length > 0 && a.stats().assigned.length + b.stats().assigned.length === 3);
    expect(b.stats().assigned.length).toBeGreaterThan(0);
    await a.stop();
    await produce(kafka, 'text-lines-4', batches[2]);
    const max = (records: Rec[]) => {
      const m = new Map<string, number>();
      for (const r of records) m.set(String(r.key), Math.max(m.get(String(r.key)) ?? 0, Number(r.value)));
      return m;
    };
    const got = await readTopic(kafka, 'word-counts-4', (r) => [...total].every(([w, n]) => (max(r).get(w) ?? 0) >= n), 60_000);
    await until(() => b.stats().assigned.length === 3);
    const sb = b.stats();
    await b.stop();
    expect(sb.assigned).toEqual([0, 1, 2]);
    for (const [w, n] of total) {
      expect(max(got).get(w), w).toBeGreaterThanOrEqual(n);
      expect(max(got).get(w), w).toBeLessThanOrEqual(2 * n);
    }
  }, 150_000);
});
