/**
 * `npm run bench:kafka-duplicates`: what a `kill -9` costs under at-least-once, against the commit
 * interval. The generated word-count project (record cache on, the default) runs on the mock broker
 * as its own process while lines arrive at a steady rate (--rate lines/s, default 4000, N in all);
 * once a third of the input is committed it is killed with SIGKILL at a random point of a commit
 * interval, started again, and runs until every word reaches its count. Reported per run: the
 * over-count of the final counts (sum over words of final count - true count), which is the work
 * done since the last commit before the kill and redone after it, also as seconds of input.
 * Reported, not asserted. Options: --records N (default 30000), --rate R, --rounds K (default 2),
 * --intervals a,b,c (ms, default 100,500,2000), --json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { nodeEngineSources } from '../codegen/engine-sources-node';
import { generateProject } from '../codegen/generate';
import { brokerAvailable, startBroker } from '../test/kafka/broker';
import { tempRoot, writeProject } from '../test/codegen/project-dir';
import { lines, maxCounts, produce, readTopic, wordCount, wordCountTopics, wordTotals } from '../test/kafka/helpers';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const N = Number(arg('--records', '30000'));
const INTERVALS = arg('--intervals', '100,500,2000').split(',').map(Number);
const RATE = Number(arg('--rate', '4000'));
const ROUNDS = Number(arg('--rounds', '2'));
if (!brokerAvailable) {
  console.log('bench:kafka-duplicates: the mock broker is not built (bash test/setup/kafka-broker.sh)');
  process.exit(0);
}

const runs = INTERVALS.flatMap((ms) => Array.from({ length: ROUNDS }, (_, r) => ({ ms, app: `dup-${ms}-${r}` })));
const names = runs.map((r) => r.app);
const broker = await startBroker(Object.assign({}, ...names.map((a) => wordCountTopics(a, `${a}-in`, `${a}-out`))));
const kafka = new Kafka({ clientId: 'bench-dup', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const input = lines(N);
const totals = wordTotals(input);
const words = [...totals.values()].reduce((a, b) => a + b, 0);

/** Feeds the input at RATE lines/s (in 50 ms steps), as a live topic receives it. */
async function feed(topic: string): Promise<void> {
  const step = Math.max(1, Math.round(RATE / 20));
  const t0 = Date.now();
  for (let j = 0; j < N; j += step) {
    await produce(kafka, topic, input.slice(j, j + step));
    const due = t0 + ((j + step) / RATE) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
}

function start(dir: string, commitMs: number): ChildProcess {
  const env = { ...process.env, KAFKA_BROKERS: broker.bootstrap, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: String(commitMs), SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300' };
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: dir, env, stdio: 'ignore' });
}

/** Input records whose offsets the group committed. */
async function committed(group: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  await admin.disconnect();
  return offsets[0].partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

const results: { commitIntervalMs: number; committedAtKill: number; overCountedWords: number; overCountPercent: number; secondsOfInput: number }[] = [];
for (const { ms: commitMs, app } of runs) {
  const doc = wordCount(app, `${app}-in`, `${app}-out`);
  const dir = writeProject(join(tempRoot('sw-dup-'), 'app'), generateProject(doc, nodeEngineSources()));
  const feeding = feed(`${app}-in`);
  let proc = start(dir, commitMs);
  let atKill = 0;
  while ((atKill = await committed(app, `${app}-in`)) < N / 3) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, Math.random() * commitMs));
  proc.kill('SIGKILL');
  await new Promise((r) => proc.once('exit', r));
  proc = start(dir, commitMs);
  await feeding;
  const got = await readTopic(kafka, `${app}-out`, (r) => [...totals].every(([w, n]) => (maxCounts(r).get(w) ?? 0) >= n), 180_000);
  proc.kill('SIGKILL');
  const max = maxCounts(got);
  const over = [...totals].reduce((sum, [w, n]) => sum + Math.max(0, (max.get(w) ?? 0) - n), 0);
  const secondsOfInput = over / ((RATE * words) / N);
  results.push({ commitIntervalMs: commitMs, committedAtKill: atKill, overCountedWords: over, overCountPercent: Number(((100 * over) / words).toFixed(2)), secondsOfInput: Number(secondsOfInput.toFixed(2)) });
}
broker.stop();

const result = { records: N, words, rate: RATE, results };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`kill -9 of the word-count project once a third of ${N} lines (${words} words, ${RATE} lines/s) is committed, then restarted:`);
  for (const r of results) console.log(`  commit interval ${r.commitIntervalMs} ms: final counts over by ${r.overCountedWords} words (${r.overCountPercent}%, ${r.secondsOfInput} s of input)`);
}
process.exit(0);
