/** Shared helpers of the Kafka tests: examples, producing records, reading a topic back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka, KafkaMessage } from 'kafkajs';
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
export function readTopic(kafka: Kafka, topic: string, until: (r: Rec[]) => boolean, timeoutMs = 20_000): Promise<Rec[]> {
  const json = (b: Buffer | null) => (b ? JSON.parse(b.toString()) : null);
  return readMessages(kafka, topic, (m) => ({ key: json(m.key), value: json(m.value), timestamp: Number(m.timestamp) }), until, timeoutMs);
}

/** Reads a topic from the beginning, each message turned into a T, until `until(records)` holds or the timeout passes. */
export async function readMessages<T>(kafka: Kafka, topic: string, read: (m: KafkaMessage) => T, until: (r: T[]) => boolean, timeoutMs: number): Promise<T[]> {
  const consumer = kafka.consumer({ groupId: `reader-${Math.random()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const out: T[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push(read(message));
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

/** Per key, the highest count seen (word counts only grow; at-least-once may repeat an update). */
export function maxCounts(records: Rec[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) m.set(String(r.key), Math.max(m.get(String(r.key)) ?? 0, Number(r.value)));
  return m;
}

/** How often each word occurs in the lines (what word count must reach). */
export function wordTotals(input: SampleRecord[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const l of input) for (const w of String(l.value).split(' ')) total.set(w, (total.get(w) ?? 0) + 1);
  return total;
}

export const until = async (cond: () => boolean, ms = 40_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
};

/** The word-count example reading and writing topics of its own (so tests can share one broker). */
export function wordCount(name: string, input: string, output: string): TopologyDocument {
  const doc = { ...example('word-count'), name };
  doc.nodes = doc.nodes.map((n) => (n.kind === 'stream' ? { ...n, params: { ...n.params, topic: input } } : n.kind === 'to' ? { ...n, params: { ...n.params, topic: output } } : n));
  return doc;
}

/** Topics a word-count app named `app` needs on the mock broker (which cannot create topics). */
export function wordCountTopics(app: string, input: string, output: string, partitions = 3): Record<string, number> {
  return { [input]: partitions, [output]: partitions, [`${app}-by-word-repartition`]: partitions, [`${app}-counts-store-changelog`]: partitions };
}
