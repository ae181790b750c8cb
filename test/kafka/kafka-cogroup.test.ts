/**
 * A cogroup on a real Kafka-protocol broker (librdkafka's mock cluster): the exported project of the
 * customer-activity example (three input streams, 2 partitions each, one aggregator each into one
 * table) runs as its own process, is killed with SIGKILL once the first half is committed, and is
 * started again: the aggregate restored from its changelog goes on, and the final activity of every
 * customer equals the preview's. Tasks see the three topics in another interleaving than the preview,
 * so intermediate updates may differ; the final aggregate (counts and sums) may not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import type { SampleRecord } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { example, produce, readTopic, type Rec } from './helpers';

const APP = 'customer-activity-cogroup';
const INPUTS = ['clicks', 'cart-adds', 'purchases'];
const T0 = 1_767_225_600_000;

function startApp(dir: string, bootstrap: string): ChildProcess {
  return spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, KAFKA_BROKERS: bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '300', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' },
    stdio: 'ignore',
  });
}

/** Activity of five customers on the three topics, one record a second, from record `from` on. */
function activity(n: number, from: number): Record<string, SampleRecord[]> {
  const out: Record<string, SampleRecord[]> = { clicks: [], 'cart-adds': [], purchases: [] };
  for (let i = from; i < from + n; i++) {
    const key = `c${i % 5}`;
    const timestamp = T0 + i * 1000;
    if (i % 3 === 0) out.clicks.push({ key, value: { page: `/p${i}` }, timestamp });
    if (i % 3 === 1) out['cart-adds'].push({ key, value: { sku: `s${i}`, items: 1 + (i % 4) }, timestamp });
    if (i % 3 === 2) out.purchases.push({ key, value: { order: `o${i}`, amount: 5 + (i % 7) }, timestamp });
  }
  return out;
}

/** The last value per key. */
const finals = (records: { key: unknown; value: unknown }[]) => Object.fromEntries(records.map((r) => [String(r.key), JSON.stringify(r.value)]));

describeKafka('cogroup on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;

  beforeAll(async () => {
    // The mock does not create topics; a cogroup's inputs are co-partitioned, like its changelog.
    broker = await startBroker({ clicks: 2, 'cart-adds': 2, purchases: 2, 'customer-activity': 2, [`${APP}-activity-per-customer-store-changelog`]: 2 });
    kafka = new Kafka({ clientId: 'cogroup-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('the exported project, killed and restarted mid-stream, ends with the preview final aggregate per customer', async () => {
    const doc = example(APP);
    const dir = writeProject(join(tempRoot('sw-cogroup-'), 'app'), generateProject(doc, nodeEngineSources()));
    buildProject(dir);
    const first = activity(45, 0);
    const second = activity(45, 45);
    const all = Object.fromEntries(INPUTS.map((t) => [t, [...first[t], ...second[t]]]));
    const expected = finals(simulate({ doc, samples: all }).sinks['customer-activity']);
    const firstExpected = finals(simulate({ doc, samples: first }).sinks['customer-activity']);
    // Every customer clicked, added to a cart and bought: all three aggregators shaped the result.
    for (const v of Object.values(expected)) expect(Object.values(JSON.parse(v) as Record<string, number>).every((x) => x > 0), v).toBe(true);

    for (const t of INPUTS) await produce(kafka, t, first[t]);
    let app = startApp(dir, broker.bootstrap);
    const same = (want: Record<string, string>) => (r: Rec[]) => {
      const got = finals(r);
      return Object.entries(want).every(([k, v]) => got[k] === v);
    };
    await readTopic(kafka, 'customer-activity', same(firstExpected), 40_000);
    // Kill only once the first half is committed, so the restart must rely on the restored aggregate.
    const admin = kafka.admin();
    await admin.connect();
    const committed = async () => (await admin.fetchOffsets({ groupId: APP, topics: INPUTS })).flatMap((t) => t.partitions.map((p) => Math.max(0, Number(p.offset))));
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline && (await committed()).reduce((a, b) => a + b, 0) < INPUTS.reduce((n, t) => n + first[t].length, 0)) await new Promise((r) => setTimeout(r, 200));
    await admin.disconnect();
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));

    for (const t of INPUTS) await produce(kafka, t, second[t]);
    app = startApp(dir, broker.bootstrap);
    const got = await readTopic(kafka, 'customer-activity', same(expected), 60_000);
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    expect(finals(got)).toEqual(expected);
  }, 150_000);
});
