/**
 * Crash safety of a generated project on Kafka: the word-count example is generated, started with
 * KAFKA_BROKERS as its own process, killed with SIGKILL mid-stream and started again. Nothing is
 * lost, and counts continue from the state restored from the changelog instead of restarting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { tempRoot, writeProject } from '../codegen/project-dir';
import { brokerAvailable, startBroker } from './broker';
import { example, lines, produce, readTopic, type Rec } from './helpers';

function startApp(dir: string, bootstrap: string): ChildProcess {
  // One process (node with the tsx loader), so SIGKILL really kills the app, not only a wrapper.
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: dir,
    env: { ...process.env, KAFKA_BROKERS: bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '300', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' },
    stdio: 'ignore',
  });
}

const countsOf = (records: Rec[]) => {
  const max = new Map<string, number>();
  for (const r of records) max.set(String(r.key), Math.max(max.get(String(r.key)) ?? 0, Number(r.value)));
  return max;
};

describe.skipIf(!brokerAvailable)('generated project on Kafka survives kill -9', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker({ 'text-lines': 3, 'word-counts': 3, 'word-count-by-word-repartition': 3, 'word-count-counts-store-changelog': 3 });
    kafka = new Kafka({ clientId: 'crash-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('loses nothing and continues counting from the restored state', async () => {
    const doc = example('word-count');
    const dir = writeProject(join(tempRoot('sw-crash-'), 'app'), generateProject(doc, nodeEngineSources()));
    const first = lines(40);
    const second = lines(40, 40);
    // Expected totals: every word of every line counted once.
    const total = new Map<string, number>();
    for (const l of [...first, ...second]) for (const w of String(l.value).split(' ')) total.set(w, (total.get(w) ?? 0) + 1);
    const firstTotal = new Map<string, number>();
    for (const l of first) for (const w of String(l.value).split(' ')) firstTotal.set(w, (firstTotal.get(w) ?? 0) + 1);

    await produce(kafka, 'text-lines', first);
    let app = startApp(dir, broker.bootstrap);
    const before = await readTopic(kafka, 'word-counts', (r) => [...firstTotal].every(([w, n]) => (countsOf(r).get(w) ?? 0) >= n), 40_000);
    app.kill('SIGKILL');
    await new Promise((r) => app.once('exit', r));
    const beforeCounts = countsOf(before);
    for (const [w, n] of firstTotal) expect(beforeCounts.get(w)).toBeGreaterThanOrEqual(n);

    await produce(kafka, 'text-lines', second);
    app = startApp(dir, broker.bootstrap);
    const all = await readTopic(kafka, 'word-counts', (r) => [...total].every(([w, n]) => (countsOf(r).get(w) ?? 0) >= n), 60_000);
    app.kill('SIGKILL');
    const after = all.slice(before.length);
    // Nothing lost: every word reaches its full count (at-least-once may add duplicates, never gaps).
    for (const [w, n] of total) expect(countsOf(all).get(w)).toBeGreaterThanOrEqual(n);
    // Continued, not restarted: after the restart no word seen before the crash starts again at 1.
    for (const r of after) if (firstTotal.has(String(r.key))) expect(Number(r.value)).toBeGreaterThan(firstTotal.get(String(r.key))! - 1);
    expect(after.length).toBeGreaterThan(0);
    console.log(`crash test: ${before.length} outputs before the kill, ${after.length} after the restart; max counts ${JSON.stringify(Object.fromEntries(countsOf(all)))}`);
  }, 150_000);
});
