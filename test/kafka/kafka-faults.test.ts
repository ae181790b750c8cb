/**
 * The Faults view's model is the exported app's: the generated word-count project (at-least-once,
 * record cache off so every update is written, as in the preview) commits after the first 3 lines
 * (a clean stop commits), processes lines 3 and 4, and is killed with SIGKILL once their outputs are
 * in the sink; the committed offset read after the kill shows the last commit was after line 3.
 * Restarted with the rest of the input, its sink holds exactly what the fault simulator predicts for
 * "crash after text#4" with commits every 3 records: every fault-free record (nothing lost), and the
 * repeated updates and the higher counts (repartition records read twice) exactly where predicted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { compareSink } from '../../src/simulator/faults/compare';
import { prepareRun, runWithFaults, type PreparedRun } from '../../src/simulator/faults/run';
import type { FaultSettings } from '../../src/simulator/faults/types';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { lines, perKey, produce, readTopic, wordCount, wordCountTopics } from './helpers';

const APP = 'faults-wc';
const INPUT = 'faults-lines';
const OUTPUT = 'faults-counts';

function startApp(dir: string, bootstrap: string): ChildProcess {
  // COMMIT_INTERVAL_MS far beyond the test: the only commits are the clean stops.
  return spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, KAFKA_BROKERS: bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '600000', RECORD_CACHE: 'off', SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' },
    stdio: 'ignore',
  });
}

async function stop(app: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  const exited = new Promise((r) => app.once('exit', r));
  app.kill(signal);
  await exited;
}

/** Records in the sink so far (its end offset; one partition). */
async function sinkSize(admin: Admin): Promise<number> {
  return (await admin.fetchTopicOffsets(OUTPUT)).reduce((n, p) => n + Number(p.high), 0);
}

/** Waits until the sink holds n records (or a minute passes); returns how many it holds. */
async function sinkReaches(admin: Admin, n: number): Promise<number> {
  let size = await sinkSize(admin);
  for (const deadline = Date.now() + 60_000; size < n && Date.now() < deadline; size = await sinkSize(admin)) await new Promise((r) => setTimeout(r, 200));
  return size;
}

async function committedInput(admin: Admin): Promise<number> {
  const [t] = await admin.fetchOffsets({ groupId: APP, topics: [INPUT] });
  return Number(t.partitions[0].offset);
}

describeKafka('the exported app under a crash holds what the fault simulator predicts', () => {
  let broker: { bootstrap: string; stop: () => void };
  let kafka: Kafka;
  beforeAll(async () => {
    broker = await startBroker(wordCountTopics(APP, INPUT, OUTPUT, 1));
    kafka = new Kafka({ clientId: 'faults-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(() => broker?.stop());

  it('kill -9 after a known commit: duplicates only where predicted, nothing lost', async () => {
    const doc = wordCount(APP, INPUT, OUTPUT);
    const input = lines(8);
    const [committedAt, crashAt] = [3, 4];
    const settings: FaultSettings = { guarantee: 'at-least-once', commit: { every: committedAt, unit: 'records' } };
    const prepared = prepareRun(doc, { [INPUT]: input }) as PreparedRun;
    const faultFree = runWithFaults(prepared, [], settings).sinks[OUTPUT];
    const predicted = runWithFaults(prepared, [{ kind: 'crash', at: `${INPUT}#${crashAt}` }], settings);
    expect(predicted.restarts).toEqual([{ at: `${INPUT}#${crashAt}`, from: `${INPUT}#${committedAt}`, replayed: crashAt + 1 - committedAt }]);
    const words = (n: number) => runWithFaults(prepareRun(doc, { [INPUT]: input.slice(0, n) }) as PreparedRun, [], settings).sinks[OUTPUT].length;

    const dir = writeProject(join(tempRoot('sw-faults-'), 'app'), generateProject(doc, nodeEngineSources()));
    buildProject(dir);
    const admin = kafka.admin();
    await admin.connect();
    try {
      // 1. Lines 0-2 processed, then a clean stop: the commit after line 3.
      await produce(kafka, INPUT, input.slice(0, committedAt));
      let app = startApp(dir, broker.bootstrap);
      expect(await sinkReaches(admin, words(committedAt))).toBe(words(committedAt));
      await stop(app, 'SIGTERM');
      expect(await committedInput(admin)).toBe(committedAt);

      // 2. Lines 3-4 processed and their outputs written, then kill -9 before any commit.
      await produce(kafka, INPUT, input.slice(committedAt, crashAt + 1));
      app = startApp(dir, broker.bootstrap);
      expect(await sinkReaches(admin, words(crashAt + 1))).toBe(words(crashAt + 1));
      await stop(app, 'SIGKILL');
      // The last commit is still the one after line 3: the restart goes back there.
      expect(await committedInput(admin)).toBe(committedAt);

      // 3. Restart with the rest of the input; a clean stop once everything is read.
      await produce(kafka, INPUT, input.slice(crashAt + 1));
      app = startApp(dir, broker.bootstrap);
      await sinkReaches(admin, predicted.sinks[OUTPUT].length);
      await stop(app, 'SIGTERM');
      expect(await committedInput(admin)).toBe(input.length);
      expect(await sinkSize(admin)).toBe(predicted.sinks[OUTPUT].length);
    } finally {
      await admin.disconnect();
    }
    const got = await readTopic(kafka, OUTPUT, (r) => r.length >= predicted.sinks[OUTPUT].length, 30_000);
    // Per key, the same updates in the same order as predicted.
    expect(perKey(got)).toEqual(perKey(predicted.sinks[OUTPUT]));
    // Nothing lost, and the differences from the fault-free run are the predicted ones (duplicates where predicted).
    const actual = compareSink(OUTPUT, faultFree, got);
    expect(actual.filter((d) => d.kind === 'lost' || d.kind === 'changed')).toEqual([]);
    expect(actual).toEqual(compareSink(OUTPUT, faultFree, predicted.sinks[OUTPUT]));
    expect(actual.some((d) => d.kind === 'duplicated')).toBe(true);
    console.log(`faults test: ${faultFree.length} fault-free updates, ${got.length} after kill -9 (${actual.map((d) => `${d.kind} ${JSON.stringify(d.record.key)}=${JSON.stringify(d.record.value)}${d.count > 1 ? ` x${d.count}` : ''}`).join(', ')})`);
  }, 240_000);
});
