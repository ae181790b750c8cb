/**
 * The Kafka runtime against a real Kafka-protocol broker (librdkafka's mock cluster): word count
 * read back from the sink topic equals the simulator, per key and in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import { parseDesign } from '../../src/model/load';
import { simulate } from '../../src/simulator/simulate';
import type { TopologyDocument } from '../../src/model/types';
import { brokerAvailable, startBroker } from './broker';

const example = (name: string): TopologyDocument => {
  const r = parseDesign(readFileSync(join(__dirname, '..', '..', 'public', 'examples', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc;
};

type Rec = { key: unknown; value: unknown; timestamp: number };

/** Per key, the sequence of values in order (the order Kafka guarantees within a partition). */
function perKey(records: Rec[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const r of records) (out[JSON.stringify(r.key)] ??= []).push(r.value);
  return out;
}

async function readTopic(kafka: Kafka, topic: string, expected: number, timeoutMs = 20_000): Promise<Rec[]> {
  const consumer = kafka.consumer({ groupId: `reader-${Math.random()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const out: Rec[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push({ key: message.key ? JSON.parse(message.key.toString()) : null, value: message.value ? JSON.parse(message.value.toString()) : null, timestamp: Number(message.timestamp) });
        if (out.length >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe.skipIf(!brokerAvailable)('Kafka runtime on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startBroker({ 'text-lines': 3, 'word-counts': 3, 'word-count-by-word-repartition': 3, 'word-count-counts-store-changelog': 3 });
    kafka = new Kafka({ clientId: 'test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('word count: the sink topic equals the simulator, per key', async () => {
    const doc = example('word-count');
    const lines = Array.from({ length: 60 }, (_, i) => ({ key: `line-${i}`, value: ['kafka streams', 'hello kafka', 'streams of records', 'hello world'][i % 4], timestamp: 1_700_000_000_000 + i * 1000 }));
    const expected = simulate({ doc, samples: { 'text-lines': lines } }).sinks['word-counts'];
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'text-lines', messages: lines.map((l) => ({ key: JSON.stringify(l.key), value: JSON.stringify(l.value), timestamp: String(l.timestamp) })) });
    await producer.disconnect();
    const app = await runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], logIntervalMs: 0, log: () => undefined });
    const got = await readTopic(kafka, 'word-counts', expected.length);
    await app.stop();
    expect(got).toHaveLength(expected.length);
    expect(perKey(got)).toEqual(perKey(expected));
  }, 60_000);
});

describe.skipIf(brokerAvailable)('Kafka runtime', () => {
  it.skip('skipped: the mock broker could not be built (see test/setup/kafka-broker.sh output)', () => undefined);
});
