/**
 * The exported project's tests: the design's test cases (test/cases.json) run by its own `npm test`,
 * locally through the vendored engine (test/topology.test.ts) and, with KAFKA_BROKERS set, against
 * Kafka (test/kafka.test.ts). Both compare with the engine's checkExpectations, the rule the designer
 * and `streamwright test` use. A design without a test case gets one: the preview's output on its
 * samples, in exact order (what the golden test checked before).
 */
import type { DesignTestCase, TopologyDocument } from '../src/model/types';

/** What the preview emitted per sink topic (the fallback case when the design has none). */
export type PreviewOutputs = Record<string, { key: unknown; value: unknown; timestamp: number }[]>;

/** The cases the project tests: the design's, else the preview's output as one exact case. */
export function projectCases(doc: TopologyDocument, previewOutputs?: PreviewOutputs): Pick<DesignTestCase, 'name' | 'samples' | 'expected'>[] {
  if (doc.tests?.length) return doc.tests.map((t) => ({ name: t.name, samples: t.samples, expected: t.expected }));
  if (!previewOutputs) return [];
  const expected = Object.fromEntries(Object.entries(previewOutputs).map(([topic, records]) => [topic, { mode: 'exact' as const, records: records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })) }]));
  return [{ name: "what the designer's preview showed", samples: doc.samples, expected }];
}

export function testFiles(doc: TopologyDocument, previewOutputs?: PreviewOutputs): Map<string, string> {
  const cases = projectCases(doc, previewOutputs);
  if (!cases.length) return new Map();
  return new Map([
    ['test/cases.json', JSON.stringify(cases, null, 2) + '\n'],
    ['test/cases.ts', CASES_TS],
    ['test/topology.test.ts', LOCAL_TEST_TS],
    ['test/kafka.test.ts', KAFKA_TEST_TS],
  ]);
}

const CASES_TS = `// The design's test cases (cases.json, written by Streamwright) and how a run's sinks are checked against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkExpectations, formatVerdict, type ActualRecord, type ExpectMode, type ExpectedRecord, type InputRecord } from '../src/streams/index';

export interface TestCase {
  name: string;
  samples: Record<string, InputRecord[]>;
  expected: Record<string, { mode: ExpectMode; records: ExpectedRecord[] }>;
}

export const CASES: TestCase[] = JSON.parse(readFileSync(join(new URL('.', import.meta.url).pathname, 'cases.json'), 'utf8'));

/** '' when every expected sink got what the case expects, else the differences, sink by sink. */
export function differences(c: TestCase, actual: Record<string, readonly ActualRecord[]>): string {
  return checkExpectations(c.expected, actual)
    .filter((v) => !v.pass)
    .map((v) => formatVerdict(v))
    .join('\\n');
}
`;

const LOCAL_TEST_TS = `// Runs each test case of the design through the topology (in memory, as the designer's preview does).
import { describe, expect, it } from 'vitest';
import { runLocal } from '../src/streams/index';
import { buildTopology } from '../src/topology';
import { DEFAULT_KEY_SERDE, DEFAULT_VALUE_SERDE } from '../src/settings';
import { CASES, differences } from './cases';

describe('test cases', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = runLocal(buildTopology(), c.samples, { defaultKeySerde: DEFAULT_KEY_SERDE, defaultValueSerde: DEFAULT_VALUE_SERDE });
    expect(differences(c, actual)).toBe('');
  });
});
`;

const KAFKA_TEST_TS = `// With KAFKA_BROKERS set: each test case on Kafka. The case's samples are produced to the source
// topics, the app runs under an application id of its own (its group starts at the topics' ends
// as they were before, so records of earlier runs are not read), and the sink topics are read from where they ended until
// the case passes or KAFKA_TEST_TIMEOUT_MS (default 60000) passes. The record cache is off, so every
// table update goes downstream as in the designer's preview.
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { Serdes, type ActualRecord } from '../src/streams/index';
import { configFromEnv, runOnKafka } from '../src/streams/kafka/index';
import { APPLICATION_ID, buildTopology } from '../src/topology';
import { DEFAULT_KEY_SERDE, DEFAULT_VALUE_SERDE } from '../src/settings';
import { CASES, differences, type TestCase } from './cases';

const BROKERS = process.env.KAFKA_BROKERS ?? '';
const TIMEOUT_MS = Number(process.env.KAFKA_TEST_TIMEOUT_MS || 60_000);
const keys = Serdes.byName(DEFAULT_KEY_SERDE);
const values = Serdes.byName(DEFAULT_VALUE_SERDE);
const buf = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b));

async function ends(kafka: Kafka, topics: string[]) {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const out = new Map<string, { partition: number; offset: string }[]>();
  for (const t of topics) out.set(t, existing.has(t) ? (await admin.fetchTopicOffsets(t)).map((p) => ({ partition: p.partition, offset: p.offset })) : []);
  await admin.disconnect();
  return out;
}

/** The group's committed offsets at the topics' ends (committed by a member of the group: needs no admin API beyond joining). */
async function startAtEnds(kafka: Kafka, groupId: string, at: Map<string, { partition: number; offset: string }[]>) {
  const topics = [...at.keys()].filter((t) => at.get(t)!.length);
  if (!topics.length) return;
  const member = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 300 });
  await member.connect();
  await member.subscribe({ topics });
  const joined = new Promise((resolve) => member.on(member.events.GROUP_JOIN, resolve));
  await member.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  await member.commitOffsets(topics.flatMap((topic) => at.get(topic)!.map((p) => ({ topic, partition: p.partition, offset: p.offset }))));
  await member.disconnect();
}

async function runCase(c: TestCase, index: number): Promise<string> {
  const kafka = new Kafka({ clientId: \`\${APPLICATION_ID}-test\`, brokers: BROKERS.split(','), logLevel: logLevel.NOTHING });
  const applicationId = \`\${APPLICATION_ID}-test-\${Date.now()}-\${index}\`;
  const sources = Object.keys(c.samples);
  const sinks = Object.keys(c.expected);
  await startAtEnds(kafka, applicationId, await ends(kafka, sources));
  const sinkEnds = await ends(kafka, sinks);
  const producer = kafka.producer();
  await producer.connect();
  for (const [topic, records] of Object.entries(c.samples))
    if (records.length) await producer.send({ topic, messages: records.map((r) => ({ key: buf(keys.serialize(r.key)), value: buf(values.serialize(r.value)), timestamp: String(r.timestamp) })) });
  await producer.disconnect();
  const app = await runOnKafka(buildTopology(), { ...configFromEnv(process.env, applicationId), applicationId, recordCache: 'off', commitIntervalMs: 100, logIntervalMs: 0, log: () => undefined });
  const got: Record<string, ActualRecord[]> = Object.fromEntries(sinks.map((t) => [t, []]));
  const consumer = kafka.consumer({ groupId: \`\${applicationId}-reader\`, maxWaitTimeInMs: 100 });
  let diff = differences(c, got);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: sinks, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, TIMEOUT_MS);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const start = sinkEnds.get(topic)?.find((p) => p.partition === partition);
          if (start && BigInt(message.offset) < BigInt(start.offset)) return;
          const bytes = (b: Buffer | null) => (b === null ? null : new Uint8Array(b));
          got[topic].push({ key: keys.deserialize(bytes(message.key)), value: values.deserialize(bytes(message.value)), timestamp: Number(message.timestamp) });
          diff = differences(c, got);
          if (diff === '') {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await app.stop();
  }
  return diff;
}

describe.skipIf(!BROKERS)('test cases on Kafka (KAFKA_BROKERS)', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    expect(await runCase(c, i)).toBe('');
  }, TIMEOUT_MS + 30_000);
});
`;
