/**
 * Compression codecs on the mock broker, both directions, for every codec Kafka has: lines
 * produced by kcat (librdkafka, as Java and most non-JS producers behave) compressed with the codec
 * are consumed by the word-count app, which produces its outputs with the same codec
 * (COMPRESSION); the outputs read back (by kafkajs and by kcat) equal the preview per key. Counting
 * wrappers around the registered codecs show both directions really were compressed.
 */
import { execFileSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka } from '../../src/engine/kafka';
import { compressionType, registerCodecs, type CompressionName } from '../../src/engine/kafka/compression';
import { simulate } from '../../src/simulator/simulate';
import { startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { lines, perKey, readTopic, wordCount, wordCountTopics } from './helpers';

const CODECS: Exclude<CompressionName, 'none'>[] = ['gzip', 'snappy', 'lz4', 'zstd'];
type Codec = () => { compress(e: unknown): Promise<Buffer>; decompress(b: Buffer): Promise<Buffer> };
const used = new Map<string, { compress: number; decompress: number }>();

/** Wraps the registered codecs so the test sees them called (the runtime does not register twice). */
function countCodecs(): void {
  registerCodecs();
  const codecs = kafkajs.CompressionCodecs as unknown as Record<number, Codec>;
  for (const name of CODECS) {
    const type = compressionType(name);
    const inner = codecs[type];
    const n = { compress: 0, decompress: 0 };
    used.set(name, n);
    codecs[type] = () => {
      const c = inner();
      return { compress: (e) => (n.compress++, c.compress(e)), decompress: (b) => (n.decompress++, c.decompress(b)) };
    };
  }
}

describeKafka('compression codecs on a real Kafka-protocol broker', () => {
  let broker: Broker;
  let kafka: Kafka;
  beforeAll(async () => {
    countCodecs();
    broker = await startBroker(Object.assign({}, ...CODECS.map((c) => wordCountTopics(`cz-${c}`, `cz-${c}-in`, `cz-${c}-out`))));
    kafka = new Kafka({ clientId: 'codec-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  for (const codec of CODECS) {
    it(`${codec}: kcat-compressed input is consumed, the outputs are written with ${codec} and read back`, async () => {
      const doc = wordCount(`cz-${codec}`, `cz-${codec}-in`, `cz-${codec}-out`);
      const input = lines(200);
      const expected = simulate({ doc, samples: { [`cz-${codec}-in`]: input } }).sinks[`cz-${codec}-out`];
      const kcat = ['-b', broker.bootstrap, '-X', `compression.codec=${codec}`, '-X', 'partitioner=murmur2_random'];
      execFileSync('kcat', ['-P', ...kcat, '-t', `cz-${codec}-in`, '-K', '\t'], { input: input.map((l) => `${JSON.stringify(l.key)}\t${JSON.stringify(l.value)}`).join('\n') + '\n' });
      const app = await runOnKafka(compileDesign(doc).topology, { applicationId: doc.name, brokers: [broker.bootstrap], compression: codec, recordCache: 'off', commitIntervalMs: 200, logIntervalMs: 0, log: () => undefined });
      const got = await readTopic(kafka, `cz-${codec}-out`, (r) => r.length >= expected.length, 30_000);
      const stats = app.stats();
      await app.stop();
      expect(stats.recordsIn).toBeGreaterThanOrEqual(input.length);
      expect(perKey(got)).toEqual(perKey(expected));
      // librdkafka reads what the app wrote with the codec.
      const out = execFileSync('kcat', ['-C', '-b', broker.bootstrap, '-t', `cz-${codec}-out`, '-e', '-q', '-f', '%k\t%s\n'], { encoding: 'utf8' });
      const viaKcat = out.trim().split('\n').map((l) => ({ key: JSON.parse(l.split('\t')[0]), value: JSON.parse(l.split('\t')[1]), timestamp: 0 }));
      expect(perKey(viaKcat)).toEqual(perKey(expected));
      if (codec !== 'gzip') {
        expect(used.get(codec)!.decompress).toBeGreaterThan(0);
        expect(used.get(codec)!.compress).toBeGreaterThan(0);
      }
    }, 60_000);
  }
});
