/**
 * Tracing on the mock broker, with an in-memory tracer provider registered through
 * @opentelemetry/api: word count over 3 partitions, every input line carrying a W3C traceparent of
 * its own trace. With tracing on, the words of each line reach the repartition topic and the sink
 * carrying that line's trace id (the per-word counts are done by other tasks, after the repartition
 * topic); the spans are children of the input's span context, and of the line's span behind the
 * repartition topic, with the processors as events. With tracing off, no span is made and no output
 * carries a header.
 */
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import type { SampleRecord } from '../../src/model/types';
import { startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { lines, maxCounts, wordCount, wordCountTopics, wordTotals } from './helpers';
import { readRaw, type RawRecord } from './observe';

const traceIdOf = (i: number) => `${'a'.repeat(24)}${(i + 1).toString(16).padStart(8, '0')}`;
const spanIdOf = (i: number) => `${'b'.repeat(8)}${(i + 1).toString(16).padStart(8, '0')}`;

async function produceTraced(kafka: Kafka, topic: string, input: SampleRecord[]): Promise<void> {
  const p = kafka.producer();
  await p.connect();
  await p.send({ topic, messages: input.map((l, i) => ({ key: JSON.stringify(l.key), value: JSON.stringify(l.value), timestamp: String(l.timestamp), headers: { traceparent: `00-${traceIdOf(i)}-${spanIdOf(i)}-01` } })) });
  await p.disconnect();
}

/** Per trace id, the sorted keys of the records carrying it. */
function keysByTrace(records: RawRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records) {
    const tp = r.headers.traceparent?.toString() ?? 'none';
    const id = tp.split('-')[1] ?? 'none';
    out.set(id, [...(out.get(id) ?? []), JSON.parse(r.key!)].sort());
  }
  return out;
}

describeKafka('OpenTelemetry tracing of the Kafka runtime', () => {
  let broker: Broker;
  let kafka: Kafka;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    broker = await startBroker({ ...wordCountTopics('tr-on', 'tr-on-in', 'tr-on-out'), ...wordCountTopics('tr-off', 'tr-off-in', 'tr-off-out') });
    kafka = new Kafka({ clientId: 'tracing-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => {
    trace.disable();
    broker?.stop();
  });

  const run = (app: string, tracing: boolean) =>
    runOnKafka(compileDesign(wordCount(app, `${app}-in`, `${app}-out`)).topology, { applicationId: app, brokers: [broker.bootstrap], recordCache: 'off', logIntervalMs: 0, log: () => undefined, tracing });

  it('outputs, through the repartition topic, carry the trace id of the line they come from', async () => {
    const input = lines(12);
    const words = [...wordTotals(input).values()].reduce((a, b) => a + b, 0);
    await produceTraced(kafka, 'tr-on-in', input);
    const app = await run('tr-on', true);
    const out = await readRaw(kafka, 'tr-on-out', (r) => r.length >= words);
    const repartitioned = await readRaw(kafka, 'tr-on-by-word-repartition', (r) => r.length >= words);
    await app.stop();
    // Each line's trace holds exactly that line's words, on the repartition topic and on the sink.
    const expected = new Map(input.map((l, i) => [traceIdOf(i), String(l.value).split(' ').sort()]));
    expect(keysByTrace(out)).toEqual(expected);
    expect(keysByTrace(repartitioned)).toEqual(expected);
    for (const r of out) expect(r.headers.traceparent!.toString()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const spans = exporter.getFinishedSpans().filter((s) => s.attributes['messaging.consumer.group.name'] === 'tr-on');
    const lineSpans = spans.filter((s) => s.name === 'process tr-on-in');
    expect(lineSpans).toHaveLength(input.length);
    for (const s of lineSpans) {
      const i = input.findIndex((_, j) => traceIdOf(j) === s.spanContext().traceId);
      expect(s.parentSpanContext?.spanId, 'a line span is a child of the producer span in its traceparent').toBe(spanIdOf(i));
      expect(s.events.map((e) => e.name)).toEqual(expect.arrayContaining(['text-lines', 'split-words', 'by-word', 'by-word-repartition-sink']));
    }
    // Behind the repartition topic: one span per word, a child of its line's span, with the count and the sink as events.
    const wordSpans = spans.filter((s) => s.name === 'process tr-on-by-word-repartition');
    expect(wordSpans).toHaveLength(words);
    const lineSpanIds = new Set(lineSpans.map((s) => s.spanContext().spanId));
    for (const s of wordSpans) {
      expect(lineSpanIds.has(s.parentSpanContext!.spanId)).toBe(true);
      expect(s.events.map((e) => e.name)).toEqual(expect.arrayContaining(['word-counts', 'word-counts-out']));
    }
    // The sink's traceparent names the span of the word's processing.
    const wordSpanIds = new Set(wordSpans.map((s) => s.spanContext().spanId));
    for (const r of out) expect(wordSpanIds.has(r.headers.traceparent!.toString().split('-')[2])).toBe(true);
  }, 60_000);

  it('with tracing off nothing changes: no spans, no headers, the same counts', async () => {
    const input = lines(12);
    const totals = wordTotals(input);
    const words = [...totals.values()].reduce((a, b) => a + b, 0);
    await produceTraced(kafka, 'tr-off-in', input);
    const app = await run('tr-off', false);
    const out = await readRaw(kafka, 'tr-off-out', (r) => r.length >= words);
    await app.stop();
    expect(out).toHaveLength(words);
    for (const r of out) expect(r.headers).toEqual({});
    expect(maxCounts(out.map((r) => ({ key: JSON.parse(r.key!), value: JSON.parse(r.value!), timestamp: 0 })))).toEqual(totals);
    expect(exporter.getFinishedSpans().filter((s) => s.attributes['messaging.consumer.group.name'] === 'tr-off')).toHaveLength(0);
  }, 60_000);
});
