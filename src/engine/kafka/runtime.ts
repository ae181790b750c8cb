/**
 * Runs a topology on Kafka with kafkajs, the way Kafka Streams does: a consumer group named by the
 * application id; one task (processors + stores) per input partition; key-changing operations go
 * through <app>-<name>-repartition topics; stores are restored from <app>-<store>-changelog before a
 * task processes; offsets are committed only after the outputs and changelog writes of the records
 * before them are acknowledged (at-least-once), or in a transaction (exactly_once_v2).
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { StreamRecord } from '../core/record';
import { Task } from '../core/task';
import type { NodeSpec } from '../core/topology-spec';
import { Serdes } from '../serdes';
import type { StateStore } from '../stores/state-store';
import type { Topology } from '../topology';
import { decoderFor } from './codec';
import { captureChanges, restore, SnapshotLogger, type ChangelogRecord } from './changelog';
import { readChangelogs, readCommitted } from './task-start-reads';
import { consumeGlobalTables } from './global-tables';
import { sinkWriters } from './sink-writers';
import { Committer, isRebalancing } from './committer';
import type { KafkaRuntimeConfig } from './config';
import { kafkaDefaultPartitioner } from './partitioner';
import { partitionNumberAssigner } from './assigner';
import { changelogTopic, ensureTopics, internalTopicName, loggedStores } from './topics';
import { planPartitions } from './partition-counts';
import { PartitionGroup } from './partition-group';

export interface KafkaApp {
  stop(): Promise<void>;
  /** Rejects when the app stopped on an error it cannot recover from (a produce request or commit failed). */
  readonly failed: Promise<never>;
  /** partitions: those with a task (records seen); assigned: those the group gave this instance last. */
  stats(): { recordsIn: number; recordsOut: number; rebalances: number; partitions: number[]; assigned: number[] };
}

export async function runOnKafka(topology: Topology, config: KafkaRuntimeConfig): Promise<KafkaApp> {
  const app = config.applicationId;
  const log = config.log ?? ((l: string) => console.log(`[${app}] ${l}`));
  const spec = topology.spec;
  const kafka = new Kafka({ clientId: app, brokers: config.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const json = Serdes.Json();
  const sources = [...spec.nodes.values()].filter((n) => n.type === 'source');
  const external = [...new Set(sources.flatMap((n) => n.topics).filter((t) => !spec.internalTopics.has(t) && !spec.globalTopics.has(t)))];
  const meta = await admin.fetchTopicMetadata({ topics: [...external, ...spec.globalTopics] }).catch((e) => {
    throw new Error(`source topics are missing (${e instanceof Error ? e.message : String(e)}): ${[...external, ...spec.globalTopics].join(', ')}`);
  });
  const partitions = new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
  const stores = loggedStores(topology);
  // Internal topics and changelogs are sized per sub-topology (and co-partitioning checked) as Kafka does.
  const plan = planPartitions(topology, partitions, stores, config.internalPartitions);
  const sinkPartitions = config.internalPartitions ?? Math.max(1, ...external.map((t) => partitions.get(t) ?? 1));
  await ensureTopics(admin, [
    ...[...plan.internal].map(([t, n]) => ({ topic: internalTopicName(app, t), numPartitions: n, internal: true })),
    ...stores.map((s) => ({ topic: changelogTopic(app, s), numPartitions: plan.changelog.get(s)!, compacted: true, internal: true })),
    ...spec.sinkTopics().map((t) => ({ topic: t, numPartitions: sinkPartitions })),
  ]);

  const eos = config.processingGuarantee === 'exactly_once_v2';
  const producer: Producer = kafka.producer(
    eos
      ? { idempotent: true, transactionalId: `${app}-${randomUUID()}`, maxInFlightRequests: 1, createPartitioner: kafkaDefaultPartitioner }
      : { allowAutoTopicCreation: false, createPartitioner: kafkaDefaultPartitioner },
  );
  await producer.connect();
  const sourceSerde = new Map<string, NodeSpec>();
  for (const n of sources) for (const t of n.topics) sourceSerde.set(t, n);
  const specTopicOf = new Map([...spec.internalTopics.keys()].map((t) => [internalTopicName(app, t), t]));

  // Global tables: one shared store set, fed by a task of its own that reads all their partitions.
  const shared = new Map<string, StateStore>();
  for (const s of spec.stores.values()) if (s.global) shared.set(s.name, s.factory());
  let recordsIn = 0;
  let recordsOut = 0;
  let rebalances = 0;
  let assignedNow: number[] = [];
  /** Records behind the end of each input partition, as of its last fetched batch. */
  const lag = new Map<string, number>();
  const writerFor = sinkWriters(app);
  const snapshotLoggers = new Map<number, SnapshotLogger>();
  const makeTask = (partition: number, changelog: ChangelogRecord[] | null, partitionTimes = new Map<string, number>()) => {
    const task = new Task(
      spec,
      {
        emit: (topic, record, internal, sink) => {
          recordsOut++;
          const w = writerFor(topic, internal, sink);
          committer.output({ topic: w.topic, key: w.key(record.key), value: w.value(record.value), timestamp: String(record.timestamp), partition: w.partitionOf?.(record) });
        },
      },
      shared,
    );
    task.partition = partition;
    for (const [topic, time] of partitionTimes) committer.restoreTime(topic, partition, time);
    const streamTimeOf = (node: string) => {
      const times = (inputsOfNode.get(node) ?? []).map((t) => partitionTimes.get(t)).filter((t) => t !== undefined);
      return times.length ? Math.max(...times) : undefined;
    };
    if (changelog) restore(task, changelog, streamTimeOf);
    if (partition >= 0) snapshotLoggers.set(partition, new SnapshotLogger(task, stores));
    // Only the latest change per store key matters at commit time, so a commit writes each key once.
    const changelogTopics = new Map(stores.map((st) => [st, changelogTopic(app, st)]));
    captureChanges(task, stores, (store, key, value) => committer.change(`${partition}\u0000${store}\u0000${key}`, { topic: changelogTopics.get(store)!, partition, key, value }));
    return task;
  };
  const globalTask = spec.globalTopics.size ? makeTask(-1, null) : null;
  const tasks = new Map<number, Task>();
  const groups = new Map<number, PartitionGroup>();
  // Inputs that must be interleaved by time: the source topics of each sub-topology (Kafka names).
  const inputsBySubtopology = topology
    .describe()
    .subtopologies.map((g) => [...new Set(g.filter((n) => n.type === 'source').flatMap((n) => n.topics).filter((t) => !spec.globalTopics.has(t)))].map((t) => (spec.internalTopics.has(t) ? internalTopicName(app, t) : t)));
  const inputGroups = inputsBySubtopology.filter((g) => g.length > 0);

  // Per processor, the Kafka input topics of its sub-topology (whose partition times make its stream time).
  const inputsOfNode = new Map<string, string[]>();
  topology.describe().subtopologies.forEach((g, i) => {
    for (const n of g) inputsOfNode.set(n.name, inputsBySubtopology[i]);
  });

  const taskCreation = new Map<number, Promise<Task>>();
  const reads = { kafka, admin, app, stores, inputTopics: inputGroups.flat(), internalTopics: new Set(specTopicOf.keys()) };

  const consumer: Consumer = kafka.consumer({ groupId: app, partitionAssigners: [partitionNumberAssigner], sessionTimeout: config.sessionTimeoutMs ?? 6000, heartbeatInterval: config.heartbeatIntervalMs ?? 300, maxWaitTimeInMs: 200 });
  // Record caches (KTable updates) are flushed at every commit, as in Kafka Streams, unless off.
  const caching = config.recordCache !== 'off';
  // At each commit, first the record caches go downstream, then the snapshot-logged stores
  // (which those records may have changed) write what changed since the last commit.
  const beforeCommit = () => {
    if (caching) tasks.forEach((t) => t.flush());
    for (const [partition, logger] of snapshotLoggers) {
      for (const c of logger.changes()) {
        committer.change(`${partition}\u0000${c.store}\u0000${c.key}`, { topic: changelogTopic(app, c.store), partition, key: c.key, value: () => c.value });
      }
    }
  };
  const committer = new Committer({ producer, consumer, groupId: app, eos, beforeCommit });
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    rebalances++;
    const assigned = new Set(Object.values(e.payload.memberAssignment).flat());
    assignedNow = [...assigned].sort((a, b) => a - b);
    for (const p of [...tasks.keys()]) {
      if (!assigned.has(p)) {
        tasks.delete(p);
        taskCreation.delete(p);
        groups.delete(p);
        snapshotLoggers.delete(p);
      }
    }
    // Another member owns the rest now: their uncommitted work is redone there, and their cached
    // changelog writes must not land after that member restored its stores.
    committer.drop((p) => assigned.has(p));
    log(`rebalance: assigned partitions ${[...assigned].sort().join(', ') || 'none'}`);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...external, ...[...spec.internalTopics.keys()].map((t) => internalTopicName(app, t))], fromBeginning: true });

  const globalConsumer = globalTask ? await consumeGlobalTables(kafka, app, [...spec.globalTopics], sourceSerde, globalTask) : null;

  // A fatal error (a produce request or a commit failed): stop without committing anything more;
  // the records since the last commit are processed again when the app is started again.
  let rejectFailed!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  let stopping = false;
  let active = 0;
  const fatal = (e: Error) => {
    if (stopping) return;
    log(`stopping on error: ${e.message}`);
    void shutdown(false).finally(() => rejectFailed(e));
  };

  // Commits every commit interval (Kafka Streams' commit.interval.ms: 30 s at-least-once, 100 ms
  // exactly-once), whether or not new batches arrive.
  const commitIntervalMs = config.commitIntervalMs ?? (eos ? 100 : 30_000);
  const commitTimer = setInterval(() => void committer.commit().catch(fatal), commitIntervalMs);

  /** Processes what the partition's input buffer lets through, and marks the offsets as processed. */
  const processReady = (partition: number, task: Task, group: PartitionGroup) => {
    // Per input topic of this partition: the last offset processed and the newest timestamp.
    const done = new Map<string, { offset: number; time: number }>();
    for (let next = group.next(); next; next = group.next()) {
      recordsIn++;
      task.process(next.specTopic, next.record, next.offset);
      if (!caching) task.flush();
      const d = done.get(next.topic);
      if (!d) done.set(next.topic, { offset: next.offset, time: next.record.timestamp });
      else {
        d.offset = next.offset;
        d.time = Math.max(d.time, next.record.timestamp);
      }
    }
    for (const [t, d] of done) committer.processed(t, partition, d.offset, d.time);
  };

  // Batches that hold only transaction markers (topics written with transactions end with one)
  // never reach eachBatch; kafkajs reports them as batch ends. They can make an input caught up,
  // which may let buffered records of the other inputs through.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.batchSize > 0 || stopping || committer.error) return;
    const group = groups.get(payload.partition);
    const task = tasks.get(payload.partition);
    if (!group || !task || !group.markCaughtUp(payload.topic, Number(payload.lastOffset) + 1 >= Number(payload.highWatermark))) return;
    processReady(payload.partition, task, group);
    void committer.afterBatch().catch(() => undefined);
  });

  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 4,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      if (stopping || committer.error) return;
      active++;
      try {
        // Batches of several topics share the partition's task; create (and restore) it once.
        let creating = taskCreation.get(batch.partition);
        if (!creating) {
          creating = Promise.all([readChangelogs(reads, batch.partition), readCommitted(reads, batch.partition)]).then(([log, committed]) => {
            const t = makeTask(batch.partition, log, committed.times);
            tasks.set(batch.partition, t);
            groups.set(batch.partition, new PartitionGroup(inputGroups, committed.caughtUp));
            return t;
          });
          taskCreation.set(batch.partition, creating);
        }
        const task = await creating;
        const group = groups.get(batch.partition)!;
        if (!batch.messages.length || !isRunning() || isStale() || stopping) return;
        const topic = specTopicOf.get(batch.topic) ?? batch.topic;
        const internal = spec.internalTopics.has(topic);
        const src = sourceSerde.get(topic);
        const decodeKey = decoderFor(src?.keySerde ?? json);
        const decodeValue = decoderFor(internal ? json : (src?.valueSerde ?? json));
        const buffered = batch.messages.map((m) => ({
          topic: batch.topic,
          specTopic: topic,
          offset: Number(m.offset),
          record: { key: decodeKey(m.key), value: decodeValue(m.value), timestamp: Number(m.timestamp) } as StreamRecord,
        }));
        group.add(batch.topic, buffered, Number(batch.lastOffset()) + 1 >= Number(batch.highWatermark));
        lag.set(`${batch.topic}:${batch.partition}`, Number(batch.offsetLag()));
        // The fetch position moves on; offsets are committed only for records actually processed.
        resolveOffset(batch.lastOffset());
        processReady(batch.partition, task, group);
        await committer.afterBatch();
      } catch (e) {
        if (committer.error) return fatal(committer.error);
        throw e;
      } finally {
        active--;
      }
      try {
        await heartbeat();
      } catch (e) {
        // A rebalance is starting: commit what was processed while this member still owns it.
        if (isRebalancing(e)) await committer.commit().catch(fatal);
        throw e;
      }
    },
  });

  const timer = config.logIntervalMs ? setInterval(() => log(`records in ${recordsIn}, out ${recordsOut}, lag ${[...lag.values()].reduce((a, b) => a + b, 0)}, tasks ${[...tasks.keys()].join(',') || '-'}, rebalances ${rebalances}`), config.logIntervalMs) : null;

  let stopped: Promise<void> | null = null;
  /** Stops processing, commits what was processed (unless stopping on an error), leaves the group. */
  function shutdown(commit: boolean): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      clearInterval(commitTimer);
      if (timer) clearInterval(timer);
      while (active > 0) await new Promise((r) => setTimeout(r, 5));
      if (commit) await committer.commit().catch((e: unknown) => log(`final commit failed: ${e instanceof Error ? e.message : String(e)}`));
      await consumer.disconnect();
      await globalConsumer?.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    })();
    return stopped;
  }
  return {
    failed,
    stats: () => ({ recordsIn, recordsOut, rebalances, partitions: [...tasks.keys()], assigned: assignedNow }),
    stop: () => shutdown(true),
  };
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
