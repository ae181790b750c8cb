/**
 * A versioned table and a grace-period stream-table join on a real Kafka-protocol broker (the
 * mock), restarted in the middle: the versioned store's history and the join's grace buffer come
 * back from their changelogs, so stream records after the restart join the table AS OF their time
 * (versions from before the restart, out-of-order ones included) and records buffered before the
 * restart are released after it. The output equals the preview's.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import type { SampleRecord } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';
import { startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { produce, readTopic } from './helpers';

const APP = 'versioned-join';
const doc = { ...design(
  [node('orders', 'stream', { topic: 'vj-orders' }), node('prices', 'table', { topic: 'vj-prices', storeName: 'prices', historyRetentionMs: 3_600_000 }), node('priced', 'join', { joiner: '(o, p) => o + "@" + p', gracePeriodMs: 5 }), node('out', 'to', { topic: 'vj-out' })],
  [['orders', 'priced', 'left'], ['prices', 'priced', 'right'], ['priced', 'out']],
), name: APP };

const t0 = 1_700_000_000_000;
const at = (key: string, value: string | null, dt: number): SampleRecord => ({ key, value, timestamp: t0 + dt });
// Versions of two prices, one out of order (p0 at 5 arrives after p2 at 20): history, not latest.
const prices = [at('a', 'p1', 10), at('a', 'p2', 20), at('b', 'q1', 10), at('a', 'p0', 5), at('b', null, 30), at('b', 'q2', 40)];
// Before the restart: buffered (buffer time 22, grace 5: only records at or before 17 are released).
const ordersBefore = [at('a', 'X', 12), at('b', 'Y', 22), at('a', 'Z', 21)];
// After: joined as of their time against the restored history; the first releases Y and Z.
const ordersAfter = [at('a', 'W', 50), at('a', 'V', 8), at('b', 'U', 35), at('b', 'T', 45), at('a', 'S', 60)];

describeKafka('versioned table and grace-period join on Kafka, restarted in the middle', () => {
  let broker: Broker;
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ 'vj-orders': 1, 'vj-prices': 1, 'vj-out': 1, [`${APP}-prices-changelog`]: 1, [`${APP}-priced-Buffer-changelog`]: 1 });
    kafka = new Kafka({ clientId: 'versioned-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  const start = () => runOnKafka(compileDesign(doc).topology, { applicationId: APP, brokers: [broker.bootstrap], commitIntervalMs: 100, logIntervalMs: 0, log: () => undefined });
  const committed = async (topic: string, n: number) => {
    const admin = kafka.admin();
    await admin.connect();
    const deadline = Date.now() + 40_000;
    try {
      while (Date.now() < deadline) {
        const [t] = await admin.fetchOffsets({ groupId: APP, topics: [topic] });
        if (Number(t.partitions[0].offset) >= n) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${topic}: ${n} records not committed`);
    } finally {
      await admin.disconnect();
    }
  };

  it('history and the grace buffer survive the restart: the output equals the preview', async () => {
    const expected = simulate({ doc, samples: { 'vj-prices': prices, 'vj-orders': [...ordersBefore, ...ordersAfter] } }).sinks['vj-out'];
    // The case needs the restored state: as-of reads of versions from before the restart, the out-of-order one among them.
    expect(expected.map((r) => r.value)).toEqual(['X@p1', 'Z@p2', 'Y@q1', 'V@p0', 'T@q2', 'W@p2']); // U at 35: b's tombstone at 30, no match

    // Prices first, then the orders that stay buffered; both committed before the stop.
    await produce(kafka, 'vj-prices', prices);
    let app = await start();
    await committed('vj-prices', prices.length);
    await produce(kafka, 'vj-orders', ordersBefore);
    await committed('vj-orders', ordersBefore.length);
    await app.stop();

    await produce(kafka, 'vj-orders', ordersAfter);
    app = await start();
    const got = await readTopic(kafka, 'vj-out', (r) => r.length >= expected.length, 40_000);
    await app.stop();
    expect(got.map((r) => [r.key, r.value, r.timestamp])).toEqual(expected.map((r) => [r.key, r.value, r.timestamp]));
  }, 120_000);
});
