/**
 * process() on a real Kafka-protocol broker (librdkafka's mock cluster), 3 partitions: a processor
 * summing values per key in its own key-value store, with a STREAM_TIME punctuator re-sending the
 * store's entries and a WALL_CLOCK_TIME punctuator that ticks on the real clock. The app stops in the
 * middle and a new instance continues: its tasks restore the store from its changelog, so the final
 * sum per key equals the preview's (without restore the sums would start again from 0).
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import { simulate } from '../../src/simulator/simulate';
import type { SampleRecord } from '../../src/model/types';
import { design, node } from '../fixtures/build';
import { produce, readTopic, type Rec } from './helpers';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';

const APP = 'proc-sums';
const TICK = '__tick';
const PROCESSOR = `({
  init(ctx) {
    this.ctx = ctx;
    this.sums = ctx.getStateStore('sums');
    ctx.schedule(5000, 'STREAM_TIME', (ts) => {
      for (const { key, value } of this.sums.all()) ctx.forward({ key, value, timestamp: ts });
    });
    const tick = ctx.schedule(50, 'WALL_CLOCK_TIME', (now) => {
      ctx.forward({ key: '${TICK}', value: now, timestamp: now });
      tick.cancel();
    });
  },
  process(record) {
    const sum = (this.sums.get(record.key) ?? 0) + record.value;
    this.sums.put(record.key, sum);
    this.ctx.forward({ key: record.key, value: sum });
  },
})`;

const doc = design(
  [node('s', 'stream', { topic: 'proc-in' }), node('p', 'process', { processor: PROCESSOR, stores: [{ name: 'sums', type: 'keyValue' }] }), node('o', 'to', { topic: 'proc-out' })],
  [['s', 'p'], ['p', 'o']],
);
doc.name = APP;

const input: SampleRecord[] = Array.from({ length: 60 }, (_, i) => ({ key: `k${i % 7}`, value: i, timestamp: 1_700_000_000_000 + i * 1000 }));

/** The last value per key, ticks left out. */
const finals = (records: { key: unknown; value: unknown }[]) => {
  const m: Record<string, unknown> = {};
  for (const r of records) if (r.key !== TICK) m[String(r.key)] = r.value;
  return m;
};

describeKafka('process() on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startBroker({ 'proc-in': 3, 'proc-out': 3, [`${APP}-sums-changelog`]: 3 });
    kafka = new Kafka({ clientId: 'test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('stopped in the middle and restarted, the store is restored: final sums per key equal the preview; wall-clock punctuation ran on the real clock', async () => {
    const expected = finals(simulate({ doc, samples: { 'proc-in': input } }).sinks['proc-out']);
    const half = finals(simulate({ doc, samples: { 'proc-in': input.slice(0, 30) } }).sinks['proc-out']);
    const config = { applicationId: APP, brokers: [broker.bootstrap], recordCache: 'off' as const, commitIntervalMs: 100, logIntervalMs: 0, log: () => undefined };
    const topology = () => compileDesign(doc).topology;
    const reached = (want: Record<string, unknown>) => (r: Rec[]) => JSON.stringify(finals(r)) === JSON.stringify({ ...finals(r), ...want }) && r.some((x) => x.key === TICK);

    await produce(kafka, 'proc-in', input.slice(0, 30));
    const first = await runOnKafka(topology(), config);
    const firstOut = await readTopic(kafka, 'proc-out', reached(half), 40_000);
    await first.stop();
    expect(finals(firstOut)).toMatchObject(half);

    await produce(kafka, 'proc-in', input.slice(30));
    const second = await runOnKafka(topology(), config);
    const all = await readTopic(kafka, 'proc-out', (r) => JSON.stringify(finals(r)) === JSON.stringify({ ...finals(r), ...expected }), 40_000);
    await second.stop();
    expect(finals(all)).toEqual(expected);
    // The wall-clock punctuator forwarded the real time (neither the preview nor the records move it).
    const ticks = all.filter((r) => r.key === TICK);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(Number(ticks[0].value)).toBeGreaterThan(1_700_000_000_000 + 10 ** 10);
  }, 120_000);
});
