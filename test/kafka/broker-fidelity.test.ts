/**
 * The Kafka tests run on the patched mock broker (../shared/kafka-mock/README.md), not the stock one
 * that deviates from Kafka in rebalances and transactions: the build records the patch it applied,
 * and the broker answers as Kafka does where the stock mock does not (offsets committed in a
 * transaction are stored; the stock mock acknowledges TxnOffsetCommit and forgets it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';

describeKafka('the test broker answers like Kafka', () => {
  let broker: Broker;
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ 'fid-in': 1 });
    kafka = new Kafka({ clientId: 'fidelity-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('was built with the fidelity patch (test/setup/kafka-broker.sh records it in the cache key)', () => {
    const key = join(import.meta.dirname, '..', '.cache', 'mock-broker.key');
    expect(existsSync(key)).toBe(true);
    expect(readFileSync(key, 'utf8')).not.toContain('-unpatched-');
  });

  it('stores the offsets a transaction commits (TxnOffsetCommit), as Kafka does', async () => {
    const producer = kafka.producer({ transactionalId: 'fid-tx', idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({ topic: 'fid-in', messages: [{ key: 'k', value: 'v' }] });
    await tx.sendOffsets({ consumerGroupId: 'fid-group', topics: [{ topic: 'fid-in', partitions: [{ partition: 0, offset: '42' }] }] });
    await tx.commit();
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId: 'fid-group', topics: ['fid-in'] });
    await admin.disconnect();
    expect(offsets[0].partitions.map((p) => [p.partition, p.offset])).toEqual([[0, '42']]);
  }, 30_000);
});
