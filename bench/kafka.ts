/**
 * `npm run bench:kafka`: records/s of the word-count topology on the mock Kafka broker vs a raw
 * kafkajs consume -> produce pipe over the same records, in one process. The machine is shared and
 * noisy, so rounds interleave the raw pipe and the app, and the ratios are per round (median
 * reported). Needs the broker built by test/setup/kafka-broker.sh. Reported, not asserted.
 * Options: --records N (default 50000), --rounds R (default 3), --json.
 */
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDesign } from '../src/compiler/compile';
import { runOnKafka } from '../src/engine/kafka';
import { parseDesign } from '../src/model/load';
import { brokerAvailable, startBroker } from '../test/kafka/broker';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const N = arg('--records', 50_000);
const ROUNDS = arg('--rounds', 3);
if (!brokerAvailable) {
  console.log('bench:kafka: the mock broker is not built (bash test/setup/kafka-broker.sh)');
  process.exit(0);
}
const r = parseDesign(readFileSync(join(import.meta.dirname, '..', 'public', 'examples', 'word-count.json'), 'utf8'));
if (!r.ok) throw new Error('word-count example');
const doc = r.doc;
const modes = [
  { name: 'cache on', recordCache: 'on' as const },
  { name: 'cache off', recordCache: 'off' as const },
];
const topics: Record<string, number> = { 'text-lines': 3, 'word-counts': 3, 'raw-in': 3, 'raw-out': 3 };
for (let round = 0; round < ROUNDS; round++) {
  for (const m of modes) {
    const app = `wc-${m.recordCache}-${round}`;
    topics[`${app}-by-word-repartition`] = 3;
    topics[`${app}-counts-store-changelog`] = 3;
  }
}
const broker = await startBroker(topics);
const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const producer = kafka.producer();
await producer.connect();
const words = ['kafka', 'streams', 'hello', 'world', 'records'];
const messages = Array.from({ length: N }, (_, i) => ({ key: JSON.stringify(`l${i}`), value: JSON.stringify(words[i % 5]), timestamp: String(1_700_000_000_000 + i) }));
for (let i = 0; i < N; i += 1000) {
  await producer.send({ topic: 'text-lines', messages: messages.slice(i, i + 1000) });
  await producer.send({ topic: 'raw-in', messages: messages.slice(i, i + 1000) });
}
await producer.disconnect();

async function waitFor(count: () => number, target: number) {
  while (count() < target) await new Promise((res) => setTimeout(res, 20));
}

/**
 * Records/s by the clock, and records per CPU-second of this process (the broker runs in its own
 * process). Other work on the machine moves the first a lot; the second less.
 */
type Run = { perSec: number; perCpuSec: number };
function measured(start: number, cpu: NodeJS.CpuUsage): Run {
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { perSec: Math.round(N / (ms / 1000)), perCpuSec: Math.round(N / ((used.user + used.system) / 1e6)) };
}

/** Raw pipe: consume each batch, produce it to raw-out, commit (the same at-least-once shape). */
async function runRaw(round: number): Promise<Run> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const consumer = kafka.consumer({ groupId: `raw-pipe-${round}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  const rawProducer = kafka.producer();
  await consumer.connect();
  await rawProducer.connect();
  await consumer.subscribe({ topics: ['raw-in'], fromBeginning: true });
  let raw = 0;
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      await rawProducer.send({ topic: 'raw-out', messages: batch.messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp })) });
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) }]);
      raw += batch.messages.length;
    },
  });
  await waitFor(() => raw, N);
  const run = measured(start, cpu);
  await consumer.disconnect();
  await rawProducer.disconnect();
  return run;
}

/** The word-count app from the start (connect, restore) until it processed every line and its repartitioned word. */
async function runApp(applicationId: string, recordCache: 'on' | 'off'): Promise<Run> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  // Commits every 100 ms (Kafka Streams' default at-least-once interval is 30 s), so the app
  // commits about as often as the raw pipe, which commits after every batch.
  const app = await runOnKafka(compileDesign(doc).topology, { applicationId, brokers: [broker.bootstrap], commitIntervalMs: 100, recordCache, logIntervalMs: 0, log: () => undefined });
  // Each line passes the source task and then the repartition task: 2 inputs per line.
  await waitFor(() => app.stats().recordsIn, 2 * N);
  const run = measured(start, cpu);
  await app.stop();
  return run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds: { raw: Run; apps: Record<string, Run> }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const raw = await runRaw(round);
  const apps: Record<string, Run> = {};
  for (const m of modes) apps[m.name] = await runApp(`wc-${m.recordCache}-${round}`, m.recordCache);
  rounds.push({ raw, apps });
}
broker.stop();

const ratio = (x: (typeof rounds)[number], mode: string, k: keyof Run) => x.apps[mode][k] / x.raw[k];
const result = {
  records: N,
  rounds,
  medianRatio: Object.fromEntries(modes.map((m) => [m.name, Number(median(rounds.map((x) => ratio(x, m.name, 'perSec'))).toFixed(2))])),
  medianCpuRatio: Object.fromEntries(modes.map((m) => [m.name, Number(median(rounds.map((x) => ratio(x, m.name, 'perCpuSec'))).toFixed(2))])),
  target: 0.7,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`Kafka (mock broker), word count vs raw kafkajs pipe, ${N} records, ${ROUNDS} rounds (records/s; records per CPU-second):`);
  for (const [i, x] of rounds.entries()) {
    console.log(`  round ${i + 1}: raw ${x.raw.perSec}; ${x.raw.perCpuSec} | ${modes.map((m) => `${m.name} ${x.apps[m.name].perSec} (${ratio(x, m.name, 'perSec').toFixed(2)}x); ${x.apps[m.name].perCpuSec} (${ratio(x, m.name, 'perCpuSec').toFixed(2)}x)`).join(' | ')}`);
  }
  console.log(`  median ratio by the clock: ${modes.map((m) => `${m.name} ${result.medianRatio[m.name]}x`).join(', ')}; per CPU-second: ${modes.map((m) => `${m.name} ${result.medianCpuRatio[m.name]}x`).join(', ')} (target >= 0.7x with the default cache on)`);
}
process.exit(0);
