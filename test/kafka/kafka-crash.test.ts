/**
 * Crash safety of a generated project on Kafka: an example is generated, started with KAFKA_BROKERS
 * as its own process, killed with SIGKILL mid-stream and started again. Word count: nothing is lost,
 * and counts continue from the state restored from the changelog instead of restarting. Orders x
 * payments left join: killed after it committed the first half, the payments of the second half
 * still join the orders of the first (restored join windows), every result of the preview comes out
 * and nothing else does; the committed offsets carry the partition time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { decodePartitionTime } from '../../src/engine/kafka/committer';
import type { SampleRecord } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { generateProject } from '../../codegen/generate';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { example, lines, produce, readTopic, type Rec } from './helpers';

function startApp(dir: string, bootstrap: string): ChildProcess {
  // What npm start runs (the built dist/main.js, which loads dist/kafka.js), as one process, so
  // SIGKILL really kills the app, not only an npm wrapper.
  return spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, KAFKA_BROKERS: bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '300', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' },
    stdio: 'ignore',
  });
}

const countsOf = (records: Rec[]) => {
  const max = new Map<string, number>();
  for (const r of records) max.set(String(r.key), Math.max(max.get(String(r.key)) ?? 0, Number(r.value)));
  return max;
};

describeKafka('generated project on Kafka survives kill -9', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({
      'text-lines': 3, 'word-counts': 3, 'word-count-by-word-repartition': 3, 'word-count-counts-store-changelog': 3,
      orders: 1, payments: 1, 'orders-enriched': 1,
      ...Object.fromEntries(['this', 'other', 'outer-shared'].map((s) => [`orders-payments-join-order-with-payment-store-${s}-join-store-changelog`, 1])),
    });
    kafka = new Kafka({ clientId: 'crash-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('loses nothing and continues counting from the restored state', async () => {
    const doc = example('word-count');
    const dir = writeProject(join(tempRoot('sw-crash-'), 'app'), generateProject(doc, nodeEngineSources()));
    buildProject(dir);
    const first = lines(40);
    const second = lines(40, 40);
    // Expected totals: every word of every line counted once.
    const total = new Map<string, number>();
    for (const l of [...first, ...second]) for (const w of String(l.value).split(' ')) total.set(w, (total.get(w) ?? 0) + 1);
    const firstTotal = new Map<string, number>();
    for (const l of first) for (const w of String(l.value).split(' ')) firstTotal.set(w, (firstTotal.get(w) ?? 0) + 1);

    await produce(kafka, 'text-lines', first);
    let app = startApp(dir, broker.bootstrap);
    const before = await readTopic(kafka, 'word-counts', (r) => [...firstTotal].every(([w, n]) => (countsOf(r).get(w) ?? 0) >= n), 40_000);
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    const beforeCounts = countsOf(before);
    for (const [w, n] of firstTotal) expect(beforeCounts.get(w)).toBeGreaterThanOrEqual(n);

    await produce(kafka, 'text-lines', second);
    app = startApp(dir, broker.bootstrap);
    const all = await readTopic(kafka, 'word-counts', (r) => [...total].every(([w, n]) => (countsOf(r).get(w) ?? 0) >= n), 60_000);
    app.kill('SIGKILL');
    const after = all.slice(before.length);
    // Nothing lost: every word reaches its full count (at-least-once may add duplicates, never gaps).
    for (const [w, n] of total) expect(countsOf(all).get(w)).toBeGreaterThanOrEqual(n);
    // Continued, not restarted: after the restart no word seen before the crash starts again at 1.
    for (const r of after) if (firstTotal.has(String(r.key))) expect(Number(r.value)).toBeGreaterThan(firstTotal.get(String(r.key))! - 1);
    expect(after.length).toBeGreaterThan(0);
    console.log(`crash test: ${before.length} outputs before the kill, ${after.length} after the restart; max counts ${JSON.stringify(Object.fromEntries(countsOf(all)))}`);
  }, 150_000);

  it('a stream-stream join restores its windows: payments after the restart join orders from before', async () => {
    const doc = example('orders-payments-join');
    const dir = writeProject(join(tempRoot('sw-crash-join-'), 'app'), generateProject(doc, nodeEngineSources()));
    buildProject(dir);
    // Orders every minute; even ones are paid 150 s later (inside the 5-minute window), odd ones never.
    const t0 = 1_700_000_000_000;
    const orders: SampleRecord[] = Array.from({ length: 20 }, (_, i) => ({ key: `o${i}`, value: { item: `item${i}`, amount: 10 + i }, timestamp: t0 + i * 60_000 }));
    const payments: SampleRecord[] = orders.filter((_, i) => i % 2 === 0).map((o) => ({ key: o.key, value: { amount: 10 + Number(String(o.key).slice(1)) }, timestamp: o.timestamp + 150_000 }));
    const split = t0 + 10 * 60_000;
    const before = (r: SampleRecord[]) => r.filter((x) => x.timestamp < split);
    const after = (r: SampleRecord[]) => r.filter((x) => x.timestamp >= split);
    // Order o8 is in the first half, its payment in the second.
    expect(before(orders).some((o) => o.key === 'o8') && after(payments).some((p) => p.key === 'o8')).toBe(true);
    const expected = simulate({ doc, samples: { orders, payments } }).sinks['orders-enriched'];
    const id = (r: { key: unknown; value: unknown }) => JSON.stringify([r.key, r.value]);
    const want = new Map<string, number>();
    for (const r of expected) want.set(id(r), (want.get(id(r)) ?? 0) + 1);

    await produce(kafka, 'orders', before(orders));
    await produce(kafka, 'payments', before(payments));
    let app = startApp(dir, broker.bootstrap);
    // Kill only once the first half is committed, so the restart must rely on the restored state.
    const admin = kafka.admin();
    await admin.connect();
    const committed = async () => (await admin.fetchOffsets({ groupId: doc.name, topics: ['orders', 'payments'] })).map((t) => ({ topic: t.topic, ...t.partitions[0] }));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const c = await committed();
      if (Number(c.find((x) => x.topic === 'orders')?.offset) >= before(orders).length && Number(c.find((x) => x.topic === 'payments')?.offset) >= before(payments).length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    // Partition time in the offset metadata: the newest timestamp read from each topic.
    const c = await committed();
    expect(decodePartitionTime(c.find((x) => x.topic === 'orders')?.metadata)).toBe(Math.max(...before(orders).map((o) => o.timestamp)));
    expect(decodePartitionTime(c.find((x) => x.topic === 'payments')?.metadata)).toBe(Math.max(...before(payments).map((o) => o.timestamp)));
    await admin.disconnect();

    await produce(kafka, 'orders', after(orders));
    await produce(kafka, 'payments', after(payments));
    app = startApp(dir, broker.bootstrap);
    const count = (records: Rec[]) => {
      const n = new Map<string, number>();
      for (const r of records) n.set(id(r), (n.get(id(r)) ?? 0) + 1);
      return n;
    };
    const got = await readTopic(kafka, 'orders-enriched', (r) => [...want].every(([k, n]) => (count(r).get(k) ?? 0) >= n), 60_000);
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    // Every result of the preview (at-least-once may repeat some), and no other result.
    for (const [k, n] of want) expect(count(got).get(k) ?? 0, k).toBeGreaterThanOrEqual(n);
    for (const k of count(got).keys()) expect(want.has(k), k).toBe(true);
  }, 150_000);
});
