/**
 * Records the app cannot read or write, on the mock broker (Kafka Streams' exception handlers):
 * a key that does not deserialize with the topic's JSON serde, followed by good records, under
 * log-and-fail (the default: the app stops with an error naming topic, partition and offset),
 * log-and-continue (skipped, counted as dropped, lag reaches 0, the good records give the preview's
 * result per key) and a dead-letter topic (KIP-1034: the raw record with the error in headers);
 * and a sink value that cannot be serialized, under fail, continue and a dead-letter topic.
 */
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka, type KafkaRuntimeConfig } from '../../src/engine/kafka';
import { DeserializationError, ProductionError } from '../../src/engine/kafka/error-handlers';
import type { TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { Api, startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { lines, perKey, produce, readTopic, until, wordCount, wordCountTopics } from './helpers';

/** stream -> mapValues (a BigInt for the value "bad", which JSON cannot write) -> to. */
function bigIntSink(name: string): TopologyDocument {
  return {
    format: 'streamwright/topology',
    version: 1,
    name,
    nodes: [
      { id: 'src', kind: 'stream', name: 'in', params: { topic: `${name}-in` }, position: { x: 0, y: 0 } },
      { id: 'map', kind: 'mapValues', name: 'to-bigint', params: { mapper: "(value) => (value === 'bad' ? BigInt(1) : value)" }, position: { x: 200, y: 0 } },
      { id: 'sink', kind: 'to', name: 'out', params: { topic: `${name}-out` }, position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'src', target: 'map', targetPort: 'in' },
      { id: 'e2', source: 'map', target: 'sink', targetPort: 'in' },
    ],
  } as unknown as TopologyDocument;
}

const header = (h: IHeaders | undefined, k: string) => h?.[k]?.toString();

describeKafka('poison pills and unwritable records under each exception handler', () => {
  let broker: Broker;
  let kafka: Kafka;
  const wc = ['pp-fail', 'pp-continue', 'pp-dlq'];
  const sinks = ['ps-fail', 'ps-continue', 'ps-dlq', 'pr-fail', 'pr-continue'];
  beforeAll(async () => {
    broker = await startBroker(
      Object.assign({}, ...wc.map((a) => wordCountTopics(a, `${a}-in`, `${a}-out`, 1)), ...sinks.map((a) => ({ [`${a}-in`]: 1, [`${a}-out`]: 1 })), { 'pp-dead': 1, 'ps-dead': 1 }),
    );
    kafka = new Kafka({ clientId: 'poison-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  const start = (doc: TopologyDocument, extra: Partial<KafkaRuntimeConfig>) =>
    runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], recordCache: 'off', commitIntervalMs: 100, logIntervalMs: 0, log: () => undefined, ...extra });

  /** A raw key that is not JSON, then good lines. */
  const poisonThenGood = async (topic: string) => {
    const p = kafka.producer();
    await p.connect();
    await p.send({ topic, messages: [{ key: Buffer.from('rawkey'), value: Buffer.from('"kafka streams"'), headers: { origin: 'kcat' } }] });
    await p.disconnect();
    const good = lines(20);
    await produce(kafka, topic, good);
    return good;
  };

  it('log-and-fail (default): the app stops with an error naming topic, partition, offset and the serde message', async () => {
    await poisonThenGood('pp-fail-in');
    const logs: string[] = [];
    const app = await start(wordCount('pp-fail', 'pp-fail-in', 'pp-fail-out'), { log: (l) => logs.push(l) });
    const e = await app.failed.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeserializationError);
    const d = e as DeserializationError;
    expect(d.code).toBe('deserialization-failed');
    expect([d.origin, d.part]).toEqual([{ topic: 'pp-fail-in', partition: 0, offset: 0 }, 'key']);
    expect(d.message).toContain((d.cause as Error).message);
    expect(logs.filter((l) => l.includes(d.message))).toHaveLength(1);
    // Real lag: the pill and the 20 good records behind it were fetched but never processed.
    expect([app.stats().state, app.stats().lag, app.stats().recordsIn]).toEqual(['ERROR', 21, 0]);
  }, 30_000);

  it('log-and-continue: the pill is skipped and counted, the good records give the preview per key, lag reaches 0', async () => {
    const doc = wordCount('pp-continue', 'pp-continue-in', 'pp-continue-out');
    const good = await poisonThenGood('pp-continue-in');
    const expected = simulate({ doc, samples: { 'pp-continue-in': good } }).sinks['pp-continue-out'];
    const logs: string[] = [];
    const app = await start(doc, { deserializationExceptionHandler: 'log-and-continue', log: (l) => logs.push(l) });
    const got = await readTopic(kafka, 'pp-continue-out', (r) => r.length >= expected.length, 20_000);
    await until(() => app.stats().lag === 0 && app.stats().dropped === 1, 10_000);
    const s = app.stats();
    await app.stop();
    expect(perKey(got)).toEqual(perKey(expected));
    expect([s.dropped, s.lag, s.state]).toEqual([1, 0, 'RUNNING']);
    // The skipped record is logged once, by topic, partition and offset.
    expect(logs.filter((l) => l.includes('topic pp-continue-in partition 0 offset 0'))).toHaveLength(1);
  }, 40_000);

  it('dead-letter topic: the raw pill goes there with the error in KIP-1034 headers, the rest is processed', async () => {
    const doc = wordCount('pp-dlq', 'pp-dlq-in', 'pp-dlq-out');
    const good = await poisonThenGood('pp-dlq-in');
    const expected = simulate({ doc, samples: { 'pp-dlq-in': good } }).sinks['pp-dlq-out'];
    const app = await start(doc, { deserializationExceptionHandler: 'log-and-continue', deadLetterTopic: 'pp-dead' });
    const got = await readTopic(kafka, 'pp-dlq-out', (r) => r.length >= expected.length, 20_000);
    const dead = await readRaw('pp-dead', 1);
    await app.stop();
    expect(perKey(got)).toEqual(perKey(expected));
    expect(dead).toHaveLength(1);
    expect([dead[0].key?.toString(), dead[0].value?.toString(), header(dead[0].headers, 'origin')]).toEqual(['rawkey', '"kafka streams"', 'kcat']);
    expect([header(dead[0].headers, '__streams.errors.topic'), header(dead[0].headers, '__streams.errors.partition'), header(dead[0].headers, '__streams.errors.offset')]).toEqual(['pp-dlq-in', '0', '0']);
    expect(header(dead[0].headers, '__streams.errors.exception')).toBe('SyntaxError');
    expect(header(dead[0].headers, '__streams.errors.message')).toContain('pp-dlq-in');
  }, 40_000);

  const sinkInput = [
    { key: 'a', value: 'one', timestamp: 1 },
    { key: 'b', value: 'bad', timestamp: 2 },
    { key: 'c', value: 'three', timestamp: 3 },
  ];

  it('a sink value that cannot be serialized: fail (default) stops the app with a production error', async () => {
    await produce(kafka, 'ps-fail-in', sinkInput);
    const app = await start(bigIntSink('ps-fail'), {});
    const e = await app.failed.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProductionError);
    expect([(e as ProductionError).code, (e as ProductionError).topic]).toEqual(['production-failed', 'ps-fail-out']);
  }, 30_000);

  it('a sink value that cannot be serialized: continue drops it (counted), a dead-letter topic gets it', async () => {
    for (const [name, dlq] of [['ps-continue', undefined], ['ps-dlq', 'ps-dead']] as const) {
      await produce(kafka, `${name}-in`, sinkInput);
      const app = await start(bigIntSink(name), { productionExceptionHandler: 'continue', ...(dlq ? { deadLetterTopic: dlq } : {}) });
      const got = await readTopic(kafka, `${name}-out`, (r) => r.length >= 2, 20_000);
      await until(() => app.stats().lag === 0, 10_000);
      const s = app.stats();
      await app.stop();
      expect(got.map((r) => [r.key, r.value])).toEqual([['a', 'one'], ['c', 'three']]);
      expect([s.dropped, s.state]).toEqual([1, 'RUNNING']);
      if (dlq) {
        const dead = await readRaw(dlq, 1);
        expect([dead[0].key?.toString(), header(dead[0].headers, '__streams.errors.topic')]).toEqual(['"b"', 'ps-dlq-out']);
        expect(header(dead[0].headers, '__streams.errors.message')).toContain('ps-dlq-out');
      }
    }
  }, 60_000);

  it('a produce request the broker refuses (MESSAGE_TOO_LARGE, not retriable): continue drops its sink records and goes on; fail stops', async () => {
    const MESSAGE_TOO_LARGE = 10;
    for (const name of ['pr-continue', 'pr-fail'] as const) {
      await produce(kafka, `${name}-in`, sinkInput.slice(0, 1));
      // The next produce request (the app's first, carrying the first record) is refused.
      await broker.injectErrors(Api.Produce, [MESSAGE_TOO_LARGE]);
      const app = await start(bigIntSink(name), name === 'pr-continue' ? { productionExceptionHandler: 'continue' } : {});
      if (name === 'pr-fail') {
        const e = await app.failed.catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ProductionError);
        expect([(e as ProductionError).topic, ((e as ProductionError).cause as { type?: string }).type]).toEqual(['pr-fail-out', 'MESSAGE_TOO_LARGE']);
        expect(app.stats().state).toBe('ERROR');
        continue;
      }
      await until(() => app.stats().dropped === 1, 10_000);
      await produce(kafka, `${name}-in`, sinkInput.slice(2));
      const got = await readTopic(kafka, `${name}-out`, (r) => r.length >= 1, 20_000);
      const s = app.stats();
      await app.stop();
      expect(got.map((r) => [r.key, r.value])).toEqual([['c', 'three']]);
      expect([s.dropped, s.state]).toEqual([1, 'RUNNING']);
    }
  }, 60_000);

  /** The first `n` records of a topic with their raw bytes and headers. */
  async function readRaw(topic: string, n: number) {
    const c = kafka.consumer({ groupId: `raw-${Math.random()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await c.connect();
    await c.subscribe({ topics: [topic], fromBeginning: true });
    const out: { key: Buffer | null; value: Buffer | null; headers?: IHeaders }[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 15_000);
      void c.run({
        eachMessage: async ({ message }) => {
          out.push(message);
          if (out.length >= n) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await c.disconnect();
    return out;
  }
});
