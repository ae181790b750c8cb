/**
 * Runs a topology on Kafka with kafkajs, the way Kafka Streams does: a consumer group named by the
 * application id; one task (processors + stores) per input partition; key-changing operations go
 * through <app>-<name>-repartition topics; stores are restored from <app>-<store>-changelog before a
 * task processes; offsets are committed only after the outputs and changelog writes of the records
 * before them are acknowledged (at-least-once), or in a transaction (exactly_once_v2).
 * The parts, named as in Kafka Streams: app-topics (start), RecordCollector (produce, flush,
 * errors), Committer, TaskManager (assignment, tasks, restore), StreamThread (the poll loop) and
 * Lifecycle (states, rebalances, crashes, shutdown). This file only puts them together.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Topology } from '../topology';
import { setUpTopics } from './app-topics';
import { Committer } from './committer';
import { compressionType, registerCodecs } from './compression';
import type { KafkaRuntimeConfig } from './config';
import { InputDecoder } from './input-decoder';
import { Lifecycle, type AppState } from './lifecycle';
import { kafkaDefaultPartitioner } from './partitioner';
import { RecordCollector } from './record-collector';
import { SchemaSerdes } from './schema-serdes';
import { SinkEmitter } from './sink-writers';
import { StreamThread } from './stream-thread';
import { TaskManager } from './task-manager';
import { consumeGlobalTables } from './global-tables';
import { BackPressure, DEFAULT_BACK_PRESSURE, type BackPressureLimits } from './back-pressure';
import { startServer, startTracing, type RuntimeParts } from './observability';
import { RestoreProgress } from './restore-progress';

export interface KafkaApp {
  stop(): Promise<void>;
  /** Rejects when the app stopped on an error it cannot recover from (a produce request or commit failed). */
  readonly failed: Promise<never>;
  /** partitions: those with a task (records seen); assigned: those the group gave this instance last. */
  stats(): KafkaAppStats;
  /** The port of the /metrics and /healthz server, or null when metricsPort is not set. */
  readonly metricsPort: number | null;
}

export interface KafkaAppStats {
  state: AppState;
  recordsIn: number;
  recordsOut: number;
  /** Records skipped by the deserialization or production exception handler. */
  dropped: number;
  lag: number;
  rebalances: number;
  consumerCrashes: number;
  taskMigrations: number;
  lastError: string | null;
  partitions: number[];
  assigned: number[];
}

export async function runOnKafka(topology: Topology, config: KafkaRuntimeConfig): Promise<KafkaApp> {
  const app = config.applicationId;
  const log = config.log ?? ((l: string) => console.log(`[${app}] ${l}`));
  const spec = topology.spec;
  const eos = config.processingGuarantee === 'exactly_once_v2';
  const flushEachRecord = config.recordCache === 'off';
  const parts: RuntimeParts = { drops: { deserialization: 0, production: 0 }, restore: new RestoreProgress() };
  const drops = parts.drops;
  // Up before the clients connect: /healthz says "starting" meanwhile.
  const server = await startServer(config.metricsPort, config.metricsHost, parts);
  const tracing = await startTracing(config.tracing, app);
  const { kafka, admin, producer, stores, subscription, schemas } = await connectClients(topology, config, eos);
  const limits = config.backPressure ?? DEFAULT_BACK_PRESSURE;
  const { sinks, collector } = recordCollector(config, { producer, eos, log, limits, tracing, schemas, onProductionDrop: (n) => (drops.production += n), onAcked: () => backPressure.check() });
  parts.collector = collector;
  // The parts call each other (committer -> thread -> lifecycle -> committer): each reaches the others once all are built.
  const backPressure = (parts.backPressure = new BackPressure(limits, collector, { pause: () => thread.pauseFetch(), resume: () => thread.resumeFetch() }));
  const committer = (parts.committer = new Committer({
    producer, consumer: { commitOffsets: (o) => thread.commitTarget.commitOffsets(o) }, groupId: app, eos, collector, beforeCommit: () => tasks.beforeCommit(), onTaskMigrated: (e) => lifecycle.onTaskMigrated(e),
    commitLatency: server?.metrics.histogram('kafka_streams_thread_commit_latency_seconds'),
  }));
  const reads = { kafka, admin, app, stores, internalTopics: new Set([...spec.internalTopics.keys()].map((t) => `${app}-${t}`)), restoreListener: parts.restore };
  const tasks = (parts.tasks = new TaskManager({ topology, app, stores, committer, emit: sinks.emit, reads, caching: !flushEachRecord, trace: tracing?.onForward }));
  const decoder = new InputDecoder({ spec, app, schemas, handling: config.deserializationExceptionHandler ?? 'log-and-fail', deadLetterTopic: config.deadLetterTopic, collector, log, onDropped: () => drops.deserialization++, readTraceContext: tracing !== undefined });
  const thread: StreamThread = (parts.thread = new StreamThread({
    kafka, groupId: app, topics: subscription, sessionTimeoutMs: config.sessionTimeoutMs ?? 6000, heartbeatIntervalMs: config.heartbeatIntervalMs ?? 300, tasks, committer, decoder, flushEachRecord,
    onAssigned: (p) => lifecycle.onAssigned(p), onCrash: (e, r) => lifecycle.onCrash(e, r), fatal: (e) => lifecycle.fatal(e), stopping: () => lifecycle.stopping,
    afterBatch: () => backPressure.check(), onJoined: () => backPressure.reapply(),
    processLatency: server?.metrics.histogram('kafka_streams_thread_process_latency_seconds'), tracing,
  }));
  // Global tables: one shared store set, fed by a task of its own that reads all their partitions.
  const globalConsumer = spec.globalTopics.size ? await consumeGlobalTables(kafka, app, [...spec.globalTopics], decoder, tasks.globalTask()) : null;
  const lifecycle: Lifecycle = (parts.lifecycle = new Lifecycle({
    thread, tasks, committer, log,
    commitIntervalMs: config.commitIntervalMs ?? (eos ? 100 : 30_000), logIntervalMs: config.logIntervalMs ?? 0,
    maxConsumerRestarts: config.maxConsumerRestarts ?? 5, consumerRestartBackoffMs: config.consumerRestartBackoffMs ?? 1000,
    wallClockCheckMs: config.wallClockPunctuationCheckMs ?? 100,
    punctuateWallClock: () => {
      if (tasks.punctuateWallClock(flushEachRecord)) void committer.afterBatch().catch(() => undefined);
    },
    closeClients: () => disconnectAll([globalConsumer, producer, admin]),
    progress: () => progressLine(stats()),
  }));
  const stats = (): KafkaAppStats => statsOf(lifecycle, thread, tasks, sinks.recordsOut, drops.deserialization + drops.production);
  await lifecycle.start();
  return {
    failed: lifecycle.failed,
    metricsPort: server?.port ?? null,
    stats,
    stop: async () => {
      await lifecycle.shutdown(true);
      await server?.close();
    },
  };
}

/** The admin (topics created or checked, stores' changelogs found) and the producer, connected; sink schemas registered. */
async function connectClients(topology: Topology, config: KafkaRuntimeConfig, eos: boolean) {
  const app = config.applicationId;
  registerCodecs();
  const kafka = new Kafka({ clientId: app, brokers: config.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const { stores, subscription } = await setUpTopics(admin, topology, config);
  const producer = kafka.producer(
    eos
      ? { idempotent: true, transactionalId: `${app}-${randomUUID()}`, maxInFlightRequests: 1, createPartitioner: kafkaDefaultPartitioner }
      : { allowAutoTopicCreation: false, createPartitioner: kafkaDefaultPartitioner },
  );
  await producer.connect();
  // Sink schemas are registered (or looked up) before anything is produced.
  const writtenTopics = [...topology.spec.nodes.values()].filter((n) => n.type === 'sink' && !n.internal).flatMap((n) => n.topics);
  const schemas = config.schemaRegistry ? await SchemaSerdes.start(config.schemaRegistry, new Set(writtenTopics)) : undefined;
  return { kafka, admin, producer, stores, subscription, schemas };
}

/** The sink writers and the record collector they produce through (errors, dead letters, acknowledgements). */
function recordCollector(
  config: KafkaRuntimeConfig,
  o: { producer: Producer; eos: boolean; log: (l: string) => void; limits: BackPressureLimits; tracing: SinkEmitter['tracing']; schemas: SchemaSerdes | undefined; onProductionDrop: (n: number) => void; onAcked: () => void },
): { sinks: SinkEmitter; collector: RecordCollector } {
  const sinks = new SinkEmitter(config.applicationId, { handling: config.productionExceptionHandler ?? 'fail', deadLetterTopic: config.deadLetterTopic, log: o.log, onDropped: o.onProductionDrop }, o.schemas);
  sinks.tracing = o.tracing;
  // Back-pressure pauses fetching at the limits; processing itself waits only at twice them (the last resort).
  const collector = new RecordCollector({
    producer: o.producer, eos: o.eos, compression: compressionType(config.compression), onSendError: sinks.onSendError,
    maxQueued: 2 * o.limits.maxRecords, maxQueuedBytes: 2 * o.limits.maxBytes, onAcked: o.onAcked,
  });
  sinks.collector = collector;
  return { sinks, collector };
}

/** One after the other, in order (the global consumer first, the admin last). */
async function disconnectAll(clients: ({ disconnect(): Promise<void> } | null)[]): Promise<void> {
  for (const c of clients) await c?.disconnect();
}

function statsOf(l: Lifecycle, thread: StreamThread, tasks: TaskManager, recordsOut: number, dropped: number): KafkaAppStats {
  return { state: l.state, recordsIn: thread.recordsIn, recordsOut, dropped, lag: thread.totalLag(), rebalances: l.rebalances, consumerCrashes: l.consumerCrashes, taskMigrations: l.taskMigrations, lastError: l.lastError, partitions: tasks.partitions(), assigned: l.assigned };
}

/** The periodic log line. */
function progressLine(s: KafkaAppStats): string {
  return `records in ${s.recordsIn}, out ${s.recordsOut}, dropped ${s.dropped}, lag ${s.lag}, tasks ${s.partitions.join(',') || '-'}, rebalances ${s.rebalances}, consumer crashes ${s.consumerCrashes}, task migrations ${s.taskMigrations}`;
}

/** For a generated app's main: run until SIGTERM/SIGINT, then leave the group cleanly. */
export async function runUntilSignal(topology: Topology, config: KafkaRuntimeConfig): Promise<void> {
  const app = await runOnKafka(topology, config);
  const signalled = new Promise<void>((resolve) => {
    const stop = () => void app.stop().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await Promise.race([signalled, app.failed]);
}
