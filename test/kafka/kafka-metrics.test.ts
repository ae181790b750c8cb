/**
 * The app's /metrics and /healthz on the mock broker: word count over 3 partitions is scraped while
 * it runs, and the counts per processor (named as the design's nodes), records processed, lag,
 * store sizes, commits and latencies agree with the input; a restart reports its restore from the
 * changelog; a poison record stops the app and /healthz says failed with 503. A generated project
 * started with METRICS_PORT (its built dist/, prom-client from its own dependencies) serves the same.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { runOnKafka, type KafkaRuntimeConfig } from '../../src/engine/kafka';
import { startBroker, type Broker } from './broker';
import { describeKafka } from './describe-kafka';
import { example, lines, produce, wordCount, wordCountTopics, wordTotals } from './helpers';
import { eventually, health, sample, scrape, sumOf, type PromSample } from './observe';

describeKafka('metrics and health endpoints of the Kafka runtime', () => {
  let broker: Broker;
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ ...wordCountTopics('obs-wc', 'obs-in', 'obs-out'), ...wordCountTopics('obs-fail', 'obs-fail-in', 'obs-fail-out', 1), ...wordCountTopics('word-count', 'text-lines', 'word-counts') });
    kafka = new Kafka({ clientId: 'metrics-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  const start = (name: string, input: string, output: string, extra: Partial<KafkaRuntimeConfig> = {}) =>
    runOnKafka(compileDesign(wordCount(name, input, output)).topology, {
      applicationId: name, brokers: [broker.bootstrap], recordCache: 'off', commitIntervalMs: 200, logIntervalMs: 0, log: () => undefined, metricsPort: 0, metricsHost: '127.0.0.1', ...extra,
    });

  it('counts per processor, records processed, lag, store sizes and commits agree with the input', async () => {
    const input = lines(60);
    const totals = wordTotals(input);
    const words = [...totals.values()].reduce((a, b) => a + b, 0);
    await produce(kafka, 'obs-in', input);
    const app = await start('obs-wc', 'obs-in', 'obs-out');
    const port = app.metricsPort!;
    let m: PromSample[] = [];
    await eventually(async () => {
      m = await scrape(port);
      return sample(m, 'kafka_streams_thread_process_total') === input.length + words && sumOf(m, 'kafka_consumer_fetch_manager_records_lag') === 0 && (sample(m, 'kafka_streams_thread_commit_total') ?? 0) >= 1;
    });
    const node = (id: string) => ({ processor_node_id: id });
    // The source reads every line; split-words forwards every word; the repartition and the sink see each word once.
    expect(sample(m, 'kafka_streams_processor_node_process_total', { ...node('text-lines'), design_node: 'text-lines' })).toBe(input.length);
    expect(sample(m, 'kafka_streams_processor_node_forward_total', node('split-words'))).toBe(words);
    expect(sample(m, 'kafka_streams_processor_node_process_total', node('by-word-repartition-source'))).toBe(words);
    expect(sample(m, 'kafka_streams_processor_node_process_total', node('word-counts'))).toBe(words);
    expect(sample(m, 'kafka_streams_processor_node_forward_total', { ...node('word-counts-out'), design_node: 'word-counts-out' })).toBe(words);
    expect(sumOf(m, 'kafka_streams_processor_node_dropped_records_total')).toBe(0);
    expect(sumOf(m, 'kafka_streams_task_dropped_records_total')).toBe(0);
    // Input lines and repartitioned words are the records the thread processed, each timed once.
    expect(sample(m, 'kafka_streams_thread_process_latency_seconds_count')).toBe(input.length + words);
    expect(sample(m, 'kafka_streams_thread_commit_latency_seconds_count')).toBe(sample(m, 'kafka_streams_thread_commit_total'));
    // Lag per input partition: the three partitions of the source and of the repartition topic.
    expect(m.filter((s) => s.name === 'kafka_consumer_fetch_manager_records_lag' && s.labels.topic === 'obs-in').map((s) => s.labels.partition).sort()).toEqual(['0', '1', '2']);
    expect(sumOf(m, 'kafka_streams_state_estimate_num_keys', { store: 'counts-store' })).toBe(totals.size);
    expect(sample(m, 'kafka_consumer_coordinator_rebalance_total')).toBeGreaterThanOrEqual(1);
    expect(sample(m, 'kafka_streams_client_state', { state: 'RUNNING' })).toBe(1);
    expect(sample(m, 'kafka_streams_client_state', { state: 'ERROR' })).toBe(0);
    expect(sample(m, 'streamwright_produce_queue_records_max')).toBeGreaterThan(0);
    expect(sample(m, 'streamwright_backpressure_paused')).toBe(0);
    expect(await health(port)).toEqual({ code: 200, status: 'running' });
    expect(await health(port, '/livez')).toEqual({ code: 200, status: 'running' });
    await app.stop();

    // A restart restores the counts store from its changelog: the restore metrics say how much.
    const again = await start('obs-wc', 'obs-in', 'obs-out');
    await produce(kafka, 'obs-in', lines(3, 60));
    let r: PromSample[] = [];
    await eventually(async () => {
      r = await scrape(again.metricsPort!);
      return sample(r, 'kafka_streams_thread_process_total')! > 0 && (await health(again.metricsPort!)).status === 'running';
    });
    expect(sample(r, 'kafka_streams_state_restore_total', { store: 'counts-store' })).toBeGreaterThanOrEqual(totals.size);
    expect(sample(r, 'kafka_streams_state_restore_remaining_records_total', { store: 'counts-store' })).toBe(0);
    await again.stop();
  }, 90_000);

  it('a poison record stops the app: /healthz and /livez answer 503 failed', async () => {
    const p = kafka.producer();
    await p.connect();
    await p.send({ topic: 'obs-fail-in', messages: [{ key: Buffer.from('not json'), value: Buffer.from('"kafka streams"') }] });
    await p.disconnect();
    const app = await start('obs-fail', 'obs-fail-in', 'obs-fail-out');
    await expect(app.failed).rejects.toThrow();
    expect(await health(app.metricsPort!)).toEqual({ code: 503, status: 'failed' });
    expect(await health(app.metricsPort!, '/livez')).toEqual({ code: 503, status: 'failed' });
    const m = await scrape(app.metricsPort!);
    expect(sample(m, 'kafka_streams_client_state', { state: 'ERROR' })).toBe(1);
    await app.stop();
  }, 60_000);

  it('a generated project with METRICS_PORT serves /metrics and /healthz', async () => {
    const dir = writeProject(join(tempRoot('sw-metrics-'), 'app'), generateProject(example('word-count'), nodeEngineSources()));
    buildProject(dir);
    const input = lines(20);
    await produce(kafka, 'text-lines', input);
    const port = await freePort();
    const app = spawn(process.execPath, ['dist/main.js'], {
      cwd: dir,
      env: { ...process.env, KAFKA_BROKERS: broker.bootstrap, METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1', LOG_INTERVAL_MS: '0', RECORD_CACHE: 'off', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' },
      stdio: 'ignore',
    });
    try {
      let m: PromSample[] = [];
      await eventually(async () => {
        try {
          m = await scrape(port);
        } catch {
          return false;
        }
        return sample(m, 'kafka_streams_processor_node_process_total', { processor_node_id: 'text-lines' }) === input.length;
      });
      expect(sample(m, 'kafka_streams_processor_node_process_total', { processor_node_id: 'text-lines', design_node: 'text-lines' })).toBe(input.length);
      expect(await health(port)).toEqual({ code: 200, status: 'running' });
    } finally {
      app.kill('SIGTERM');
      await new Promise((r) => app.once('exit', r));
    }
  }, 90_000);
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
