/** Shared helpers of the Kafka tests: examples, producing records, reading a topic back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { parseDesign } from '../../src/model/load';
import type { SampleRecord, TopologyDocument } from '../../src/model/types';

export type Rec = { key: unknown; value: unknown; timestamp: number };

export function example(name: string): TopologyDocument {
  const r = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'examples', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc;
}

/** Per key, the sequence of values in order (Kafka orders records within a partition, hence per key). */
export function perKey(records: Rec[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const r of records) (out[JSON.stringify(r.key)] ??= []).push(r.value);
  return out;
}

export async function produce(kafka: Kafka, topic: string, records: SampleRecord[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: records.map((l) => ({ key: JSON.stringify(l.key), value: JSON.stringify(l.value), timestamp: String(l.timestamp) })) });
  await producer.disconnect();
}

/** Reads a topic from the beginning until `until(records)` holds or the timeout passes. */
export async function readTopic(kafka: Kafka, topic: string, until: (r: Rec[]) => boolean, timeoutMs = 20_000): Promise<Rec[]> {
  const consumer = kafka.consumer({ groupId: `reader-${Math.random()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const out: Rec[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push({ key: message.key ? JSON.parse(message.key.toString()) : null, value: message.value ? JSON.parse(message.value.toString()) : null, timestamp: Number(message.timestamp) });
        if (until(out)) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

export function lines(n: number, from = 0): SampleRecord[] {
  const texts = ['kafka streams', 'hello kafka', 'streams of records', 'hello world'];
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return { key: `line-${i}`, value: texts[i % 4], timestamp: 1_700_000_000_000 + i * 1000 };
  });
}
