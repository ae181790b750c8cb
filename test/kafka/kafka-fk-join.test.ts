/**
 * A foreign-key table join on a real Kafka-protocol broker (librdkafka's mock cluster) with inputs
 * of DIFFERENT partition counts (orders 3, customers 2): Kafka Streams needs only the left table
 * co-partitioned with the subscription-response topic and the right table with the
 * subscription-registration topic. The final result per order equals the in-memory driver's (one
 * task), with the orders not where the default partitioner would put them. Kafka's tasks see the two tables' updates in another interleaving than the driver, so the
 * intermediate updates may differ; the final join of the final tables may not.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TopologyTestDriver } from '../../src/engine';
import { runOnKafka } from '../../src/engine/kafka';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { fkRecords, ordersWithCustomers } from './fk-topology';
import { produce, readTopic, type Rec } from './helpers';

const APP = 'fk-join';
const joins = ['with-customer', 'maybe-customer'];

/** The last value per key (a key with no record counts as null, like a deleted row). */
const finals = (records: { key: unknown; value: unknown }[]) => {
  const out = new Map<string, unknown>();
  for (const r of records) out.set(JSON.stringify(r.key), r.value);
  return out;
};
/** Both as objects over the keys of either, absent keys as null. */
const aligned = (got: Map<string, unknown>, expected: Map<string, unknown>) => {
  const keys = [...new Set([...got.keys(), ...expected.keys()])].sort();
  return [Object.fromEntries(keys.map((k) => [k, got.get(k) ?? null])), Object.fromEntries(keys.map((k) => [k, expected.get(k) ?? null]))];
};
const sameFinals = (got: Map<string, unknown>, expected: Map<string, unknown>) => {
  const [g, e] = aligned(got, expected);
  return JSON.stringify(g) === JSON.stringify(e);
};

describeKafka('foreign-key join on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;

  beforeAll(async () => {
    // The mock does not create topics: every topic exists beforehand, with the counts Kafka Streams
    // derives (the runtime refuses an internal topic or changelog with another count).
    broker = await startBroker({
      'fk-orders': 3, 'fk-customers': 2, 'fk-out-inner': 3, 'fk-out-left': 3,
      [`${APP}-orders-store-changelog`]: 3, [`${APP}-customers-store-changelog`]: 2,
      ...Object.fromEntries(joins.flatMap((j) => [
        [`${APP}-${j}-subscription-registration-topic`, 2], [`${APP}-${j}-subscription-response-topic`, 3],
        [`${APP}-${j}-subscription-store-changelog`, 2], [`${APP}-${j}-store-changelog`, 3],
      ])),
    });
    kafka = new Kafka({ clientId: 'test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('orders (3 partitions) x customers (2 partitions): the final result per order equals the driver, inner and left join', async () => {
    const { orders, customers } = fkRecords();
    const driver = new TopologyTestDriver(ordersWithCustomers('fk-orders', 'fk-customers', 'fk-out'));
    for (const [topic, r] of [...orders.map((r) => ['fk-orders', r] as const), ...customers.map((r) => ['fk-customers', r] as const)].sort((a, b) => a[1].timestamp - b[1].timestamp)) {
      driver.pipe(topic, r.key, r.value, r.timestamp);
    }
    const expectedInner = finals(driver.allOutputs('fk-out-inner'));
    const expectedLeft = finals(driver.allOutputs('fk-out-left'));
    // The records exercise the join: joined orders, orders without a (live) customer, null foreign keys.
    expect([...expectedInner.values()].filter((v) => v !== null).length).toBeGreaterThan(8);
    expect([...expectedInner.values()].filter((v) => v === null).length).toBeGreaterThan(2);
    expect([...expectedLeft.values()].some((v) => (v as { customer: unknown } | null)?.customer === null)).toBe(true);

    // Orders go to partition (order number % 3), not where murmur2 of the key would put them: the
    // responses must come back to the partition of the order's task (Kafka's primaryPartition),
    // which hashing the left key would miss.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'fk-orders', messages: orders.map((r) => ({ key: JSON.stringify(r.key), value: JSON.stringify(r.value), timestamp: String(r.timestamp), partition: Number(String(r.key).slice(1)) % 3 })) });
    await producer.disconnect();
    await produce(kafka, 'fk-customers', customers);
    const app = await runOnKafka(ordersWithCustomers('fk-orders', 'fk-customers', 'fk-out'), { applicationId: APP, brokers: [broker.bootstrap], recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined });
    const until = (expected: Map<string, unknown>) => (r: Rec[]) => sameFinals(finals(r), expected);
    const inner = await readTopic(kafka, 'fk-out-inner', until(expectedInner), 40_000);
    const left = await readTopic(kafka, 'fk-out-left', until(expectedLeft), 40_000);
    const stats = app.stats();
    await app.stop();

    const [gotInner, wantInner] = aligned(finals(inner), expectedInner);
    expect(gotInner).toEqual(wantInner);
    const [gotLeft, wantLeft] = aligned(finals(left), expectedLeft);
    expect(gotLeft).toEqual(wantLeft);
    // Three tasks (the orders' partitions); subscriptions went to both customer partitions by
    // foreign key, and responses back to all three order partitions.
    expect(stats.partitions.sort()).toEqual([0, 1, 2]);
    const used = async (topic: string) => (await admin(kafka, (a) => a.fetchTopicOffsets(topic))).filter((p) => Number(p.high) > 0).map((p) => p.partition).sort();
    expect(await used(`${APP}-with-customer-subscription-registration-topic`)).toEqual([0, 1]);
    expect(await used(`${APP}-with-customer-subscription-response-topic`)).toEqual([0, 1, 2]);
  }, 120_000);
});

async function admin<T>(kafka: Kafka, f: (a: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const a = kafka.admin();
  await a.connect();
  try {
    return await f(a);
  } finally {
    await a.disconnect();
  }
}
