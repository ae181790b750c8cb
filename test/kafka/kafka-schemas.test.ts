/**
 * Topics with Avro schemas on a Kafka-protocol broker (librdkafka's mock cluster) and a Schema
 * Registry TEST DOUBLE (schema-registry-double.ts): the test produces orders in the Confluent wire
 * format with @kafkajs/confluent-schema-registry (schema registered under orders-value, its id in
 * every record), the exported project runs as its own process with SCHEMA_REGISTRY_URL, and the two
 * Avro sinks are decoded with the same registry: per key they equal the preview's outputs. One record
 * that is not in the wire format is skipped by the deserialization handler (log-and-continue).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { simulate } from '../../src/simulator/simulate';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { avroOrdersDesign, ORDER_AVRO, orderSamples } from '../codegen/schema-designs';
import { startBroker } from './broker';
import { describeKafka } from './describe-kafka';
import { perKey, type Rec } from './helpers';
import { startRegistryDouble, type RegistryDouble } from './schema-registry-double';

const APP = 'avro-orders';
const SINKS = ['paid-orders', 'customer-totals'];

function startApp(dir: string, bootstrap: string, registryUrl: string): ChildProcess {
  return spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: {
      ...process.env, KAFKA_BROKERS: bootstrap, SCHEMA_REGISTRY_URL: registryUrl, LOG_INTERVAL_MS: '0', COMMIT_INTERVAL_MS: '300',
      SESSION_TIMEOUT_MS: '3000', HEARTBEAT_INTERVAL_MS: '300', RECORD_CACHE: 'off', DESERIALIZATION_EXCEPTION_HANDLER: 'log-and-continue',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Reads the sinks from the beginning, decoding values with the registry, until `done` holds or the timeout passes. */
async function readSinks(kafka: Kafka, registry: SchemaRegistry, done: (got: Record<string, Rec[]>) => boolean, timeoutMs: number) {
  const got: Record<string, Rec[]> = Object.fromEntries(SINKS.map((t) => [t, []]));
  const consumer = kafka.consumer({ groupId: `reader-${Math.random()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: SINKS, fromBeginning: true });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: async ({ topic, message }) => {
        // Plain objects: avsc decodes records as instances of a class per record type.
        const value = message.value ? (JSON.parse(JSON.stringify(await registry.decode(message.value))) as unknown) : null;
        got[topic].push({ key: message.key ? JSON.parse(message.key.toString()) : null, value, timestamp: Number(message.timestamp) });
        if (done(got)) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return got;
}

describeKafka('Avro topics through the Schema Registry on a real Kafka-protocol broker', () => {
  let broker: { bootstrap: string; stop: () => void };
  let registryDouble: RegistryDouble;
  let kafka: Kafka;

  beforeAll(async () => {
    // The mock does not create topics: the input, the sinks, the groupBy's repartition topic and the aggregate's changelog.
    // One input partition: the totals of a customer then see its orders in the preview's order (with
    // two, orders of one customer from both partitions interleave differently through the repartition).
    broker = await startBroker({ orders: 1, 'paid-orders': 2, 'customer-totals': 2, [`${APP}-by-customer-repartition`]: 1, [`${APP}-totals-store-changelog`]: 1 });
    registryDouble = await startRegistryDouble();
    kafka = new Kafka({ clientId: 'schemas-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  }, 30_000);
  afterAll(async () => {
    broker?.stop();
    await registryDouble?.close();
  });

  it('reads Avro orders by schema id and writes Avro results a consumer decodes with the same registry, per key as the preview', async () => {
    const doc = avroOrdersDesign(APP);
    const dir = writeProject(join(tempRoot('sw-avro-'), 'app'), generateProject(doc, nodeEngineSources()));
    buildProject(dir);
    const samples = orderSamples(40);
    const preview = simulate({ doc, samples: { orders: samples } });
    expect(preview.ok).toBe(true);
    const expected = Object.fromEntries(SINKS.map((t) => [t, perKey(preview.sinks[t])]));
    expect(expected['paid-orders']).not.toEqual({});

    const registry = new SchemaRegistry({ host: registryDouble.url });
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_AVRO) }, { subject: 'orders-value' });
    const producer = kafka.producer();
    await producer.connect();
    const messages = await Promise.all(samples.map(async (s) => ({ key: JSON.stringify(s.key), value: await registry.encode(id, s.value), timestamp: String(s.timestamp) })));
    // A record another producer wrote as plain JSON: not in the wire format, skipped by log-and-continue.
    messages.splice(7, 0, { key: JSON.stringify('poison'), value: Buffer.from(JSON.stringify(samples[0].value)), timestamp: String(samples[6].timestamp) });
    await producer.send({ topic: 'orders', messages });
    await producer.disconnect();

    const app = startApp(dir, broker.bootstrap, registryDouble.url);
    const sameKeys = (a: Record<string, unknown[]>, b: Record<string, unknown[]>) =>
      Object.keys(a).length === Object.keys(b).length && Object.keys(b).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
    const same = (got: Record<string, Rec[]>) => SINKS.every((t) => sameKeys(perKey(got[t]), expected[t]));
    let got: Record<string, Rec[]>;
    try {
      got = await readSinks(kafka, registry, same, 60_000);
    } finally {
      app.kill('SIGTERM');
      await new Promise((r) => app.once('exit', r));
    }
    for (const t of SINKS) expect(perKey(got[t]), t).toEqual(expected[t]);
    // The app registered its sink schemas (TopicNameStrategy, and the subject the design names) and read the orders' schema by id.
    expect(registryDouble.requests).toContain('POST /subjects/paid-orders-value/versions');
    expect(registryDouble.requests).toContain('POST /subjects/customer-totals-totals-value/versions');
    expect(registryDouble.requests).toContain(`GET /schemas/ids/${id}`);
  }, 150_000);
});
