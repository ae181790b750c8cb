/**
 * The partition simulator against a real Kafka-protocol broker: the generated topology on a
 * 3-partition input gives, per key, the same final results as the preview's 3-partition run
 * (src/simulator/partitions), and those differ from the one-partition preview. The design makes
 * the difference: a windowed count with no grace drops records by its task's stream time, which
 * on 3 partitions only the keys of the same partition move.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import type { SampleRecord } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { simulatePartitioned } from '../../src/simulator/partitions/partitioned';
import { design, node } from '../fixtures/build';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { produce, readTopic, type Rec } from './helpers';

const APP = 'parts-diff';
const N = 3;

/** Views of 9 users; now and then one user jumps a minute ahead of the others (a late-ish partition). */
function views(): SampleRecord[] {
  const out: SampleRecord[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 120; i++) {
    const user = `u${Math.floor(rand() * 9)}`;
    const jump = rand() < 0.08 ? 60_000 : 0;
    out.push({ key: user, value: { page: `/p${i % 4}` }, timestamp: 1_000 * i + jump });
  }
  return out;
}

const doc = design(
  [
    node('src', 'stream', { topic: 'pd-views' }),
    node('g', 'groupByKey'),
    node('w', 'windowedBy', { type: 'tumbling', sizeMs: 10_000, graceMs: 0 }),
    node('c', 'count', { storeName: 'view-counts' }),
    node('ts', 'toStream'),
    node('k', 'map', { mapper: '(k, v) => [`${k.key}@${k.start}`, v]' }),
    node('out', 'to', { topic: 'pd-counts' }),
  ],
  [['src', 'g'], ['g', 'w'], ['w', 'c'], ['c', 'ts'], ['ts', 'k'], ['k', 'out']],
  { 'pd-views': views() },
);

const finals = (records: { key: unknown; value: unknown }[]) => {
  const m = new Map<string, unknown>();
  for (const r of records) m.set(JSON.stringify(r.key), r.value);
  return Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
};

describeKafka('partitions: the preview on N partitions against Kafka', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ 'pd-views': N, 'pd-counts': N, [`${APP}-view-counts-changelog`]: N });
    kafka = new Kafka({ clientId: 'test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('per key, the final windowed counts equal the 3-partition preview (and not the 1-partition one)', async () => {
    const many = simulatePartitioned(doc, N);
    expect(many.ok).toBe(true);
    const expected = finals(many.sinks['pd-counts']);
    const one = finals(simulate({ doc }).sinks['pd-counts']);
    // The data makes partitions matter: some window counts differ with one partition.
    expect(one).not.toEqual(expected);

    // Produced with kafkajs's default partitioner (murmur2 of the key bytes, as the simulator assigns them).
    await produce(kafka, 'pd-views', doc.samples['pd-views']);
    const app = await runOnKafka(compileDesign(doc).topology, { applicationId: APP, brokers: [broker.bootstrap], recordCache: 'off' as const, logIntervalMs: 0, log: () => undefined });
    const got = await readTopic(kafka, 'pd-counts', (r: Rec[]) => JSON.stringify(finals(r)) === JSON.stringify(expected), 40_000);
    await app.stop();
    expect(finals(got)).toEqual(expected);
  }, 120_000);
});
