/**
 * `npm run bench:backpressure`: does the generated app hold bounded memory when its outputs cannot
 * keep up? A generated project (source -> mapValues -> sink, values of --value-bytes) runs on the
 * mock broker as its own process over an input 10x its produce-queue limit (--limit records,
 * default 2000, so 20000 records, over --partitions 16), three ways:
 *   unthrottled:            straight to the broker;
 *   throttled:              through a loopback proxy that holds every Produce request --delay ms
 *                           (kafka-throttle-proxy.ts), back-pressure at --limit;
 *   throttled, no limit:    the same proxy, limits so high back-pressure never acts (what it prevents).
 * Each run ends when every output record is in the sink topic; reported: peak RSS of the app
 * (VmHWM), the produce queue's maximum and the pauses (from its /metrics), the time. JSON on stdout.
 * Reported, not asserted; not a test (timings on a shared machine).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { nodeEngineSources } from '../codegen/engine-sources-node';
import { generateProject } from '../codegen/generate';
import { parseDesign } from '../src/model/load';
import type { TopologyDocument } from '../src/model/types';
import { buildProject, tempRoot, writeProject } from '../test/codegen/project-dir';
import { brokerAvailable, startBroker } from '../test/kafka/broker';
import { sample, scrape } from '../test/kafka/observe';
import { startThrottleProxy } from './kafka-throttle-proxy';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const LIMIT = Number(arg('--limit', '2000'));
const N = 10 * LIMIT;
const VALUE_BYTES = Number(arg('--value-bytes', '2048'));
const DELAY = Number(arg('--delay', '200'));
// The mock broker keeps about 5 MB per partition (older segments are deleted): spread the input so none is lost.
const PARTITIONS = Number(arg('--partitions', '16'));
if (!brokerAvailable) {
  console.log('bench:backpressure: the mock broker is not built (bash test/setup/kafka-broker.sh)');
  process.exit(0);
}

function design(name: string): TopologyDocument {
  const r = parseDesign(JSON.stringify({
    format: 'streamwright/topology', version: 1, name,
    nodes: [
      { id: 'src', kind: 'stream', name: 'in', params: { topic: `${name}-in` }, position: { x: 0, y: 0 } },
      { id: 'map', kind: 'mapValues', name: 'tag', params: { mapper: "(value) => value + '!'" }, position: { x: 200, y: 0 } },
      { id: 'sink', kind: 'to', name: 'out', params: { topic: `${name}-out` }, position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'src', target: 'map', targetPort: 'in' },
      { id: 'e2', source: 'map', target: 'sink', targetPort: 'in' },
    ],
  }));
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.doc;
}

const runs = [
  { name: 'bp-unthrottled', throttle: false, limit: LIMIT },
  { name: 'bp-throttled', throttle: true, limit: LIMIT },
  { name: 'bp-throttled-nolimit', throttle: true, limit: 1e12 },
];
const broker = await startBroker(Object.assign({}, ...runs.map((r) => ({ [`${r.name}-in`]: PARTITIONS, [`${r.name}-out`]: PARTITIONS }))));
const kafka = new Kafka({ clientId: 'bench-bp', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();

async function produceInput(topic: string): Promise<void> {
  const p = kafka.producer();
  await p.connect();
  const pad = 'x'.repeat(VALUE_BYTES);
  for (let j = 0; j < N; j += 1000) {
    const messages = Array.from({ length: Math.min(1000, N - j) }, (_, i) => ({ key: JSON.stringify(`k${j + i}`), value: JSON.stringify(`${j + i}:${pad}`) }));
    await p.send({ topic, messages });
  }
  await p.disconnect();
}

const endOffsets = async (topic: string) => (await admin.fetchTopicOffsets(topic)).reduce((a, o) => a + Number(o.high), 0);
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function run(r: (typeof runs)[number]) {
  const dir = writeProject(join(tempRoot('sw-bp-'), 'app'), generateProject(design(r.name), nodeEngineSources()));
  buildProject(dir);
  await produceInput(`${r.name}-in`);
  const proxy = r.throttle ? await startThrottleProxy(broker.bootstrap, DELAY) : null;
  const port = 9500 + runs.indexOf(r);
  const env = {
    ...process.env, KAFKA_BROKERS: proxy?.bootstrap ?? broker.bootstrap, METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1', LOG_INTERVAL_MS: '0',
    PRODUCE_QUEUE_MAX_RECORDS: String(r.limit), PRODUCE_QUEUE_MAX_BYTES: String(r.limit * 1e6), SESSION_TIMEOUT_MS: '10000', HEARTBEAT_INTERVAL_MS: '1000',
  };
  const started = Date.now();
  const app = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env, stdio: 'ignore' });
  while ((await endOffsets(`${r.name}-out`)) < N) {
    if (Date.now() - started > 300_000) throw new Error(`${r.name}: not all ${N} records reached the sink in 300 s`);
    await new Promise((res) => setTimeout(res, 200));
  }
  const seconds = (Date.now() - started) / 1000;
  const m = await scrape(port);
  const result = {
    run: r.name, records: N, valueBytes: VALUE_BYTES, produceDelayMs: r.throttle ? DELAY : 0, queueLimitRecords: r.limit === LIMIT ? LIMIT : null,
    peakRssMb: Math.round(peakRssMb(app.pid!)), maxProduceQueue: sample(m, 'streamwright_produce_queue_records_max'), pauses: sample(m, 'streamwright_backpressure_pauses_total'), seconds: Math.round(seconds * 10) / 10,
  };
  app.kill('SIGTERM');
  await new Promise((res) => app.once('exit', res));
  await proxy?.close();
  return result;
}

const results = [];
try {
  for (const r of runs) results.push(await run(r));
} finally {
  await admin.disconnect();
  broker.stop();
}
const [base, throttled] = results;
console.log(JSON.stringify({ results, throttledOverUnthrottledPeakRss: Math.round((throttled.peakRssMb / base.peakRssMb) * 100) / 100, target: 1.5 }, null, 2));
