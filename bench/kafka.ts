/**
 * `npm run bench:kafka`: records/s of the word-count topology on the mock Kafka broker vs a raw
 * kafkajs consume -> produce pipe over the same topics and records, in one run. Needs the broker
 * built by test/setup/kafka-broker.sh. Reported, not asserted.
 */
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDesign } from '../src/compiler/compile';
import { runOnKafka } from '../src/engine/kafka';
import { parseDesign } from '../src/model/load';
import { brokerAvailable, startBroker } from '../test/kafka/broker';

const N = Number(process.argv[process.argv.indexOf('--records') + 1]) || 20_000;
if (!brokerAvailable) {
  console.log('bench:kafka: the mock broker is not built (bash test/setup/kafka-broker.sh)');
  process.exit(0);
}
const r = parseDesign(readFileSync(join(import.meta.dirname, '..', 'public', 'examples', 'word-count.json'), 'utf8'));
if (!r.ok) throw new Error('word-count example');
const doc = r.doc;
const broker = await startBroker({ 'text-lines': 3, 'word-counts': 3, 'word-count-by-word-repartition': 3, 'word-count-counts-store-changelog': 3, 'raw-in': 3, 'raw-out': 3 });
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

// Raw pipe: consume each batch, produce it to raw-out, commit (the same at-least-once shape).
const rawStart = performance.now();
const rawConsumer = kafka.consumer({ groupId: 'raw-pipe', sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
const rawProducer = kafka.producer();
await rawConsumer.connect();
await rawProducer.connect();
await rawConsumer.subscribe({ topics: ['raw-in'], fromBeginning: true });
let raw = 0;
await rawConsumer.run({
  autoCommit: false,
  eachBatch: async ({ batch }) => {
    await rawProducer.send({ topic: 'raw-out', messages: batch.messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp })) });
    await rawConsumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) }]);
    raw += batch.messages.length;
  },
});
await waitFor(() => raw, N);
const rawMs = performance.now() - rawStart;
await rawConsumer.disconnect();
await rawProducer.disconnect();

const appStart = performance.now();
const app = await runOnKafka(compileDesign(doc).topology, { applicationId: 'word-count', brokers: [broker.bootstrap], logIntervalMs: 0, log: () => undefined });
// Each line passes the source task and then the repartition task: 2 inputs per line.
await waitFor(() => app.stats().recordsIn, 2 * N);
const appMs = performance.now() - appStart;
await app.stop();
broker.stop();

const rawRate = N / (rawMs / 1000);
const appRate = N / (appMs / 1000);
const result = { records: N, rawPipeRecordsPerSec: Math.round(rawRate), wordCountRecordsPerSec: Math.round(appRate), ratio: appRate / rawRate, target: 0.7 };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else console.log(`Kafka (mock broker), ${N} records: raw kafkajs pipe ${result.rawPipeRecordsPerSec} rec/s, word-count app ${result.wordCountRecordsPerSec} rec/s, ratio ${result.ratio.toFixed(2)}x (target >= 0.7x)`);
process.exit(0);
