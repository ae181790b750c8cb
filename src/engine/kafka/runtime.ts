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
import { Serdes, type Serde } from '../serdes';
import type { StateStore } from '../stores/state-store';
import type { Topology } from '../topology';
import { captureChanges, restore, type ChangelogRecord } from './changelog';
import type { KafkaRuntimeConfig } from './config';
import { changelogTopic, checkCoPartitioning, ensureTopics, internalTopicName, loggedStores } from './topics';
import { PartitionGroup } from './partition-group';

type Out = { topic: string; key: Buffer | null; value: Buffer | null; timestamp: string; partition?: number };

export interface KafkaApp {
  stop(): Promise<void>;
  stats(): { recordsIn: number; recordsOut: number; rebalances: number; partitions: number[] };
}

const enc = (s: Serde, v: unknown) => {
  const b = s.serialize(v);
  return b === null ? null : Buffer.from(b);
};

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
  checkCoPartitioning(topology, partitions);
  const internalPartitions = config.internalPartitions ?? Math.max(1, ...external.map((t) => partitions.get(t) ?? 1));
  const stores = loggedStores(topology);
  await ensureTopics(admin, [
    ...[...spec.internalTopics.keys()].map((t) => ({ topic: internalTopicName(app, t), numPartitions: internalPartitions })),
    ...stores.map((s) => ({ topic: changelogTopic(app, s), numPartitions: internalPartitions, compacted: true })),
    ...spec.sinkTopics().map((t) => ({ topic: t, numPartitions: internalPartitions })),
  ]);

  const eos = config.processingGuarantee === 'exactly_once_v2';
  const producer: Producer = kafka.producer(eos ? { idempotent: true, transactionalId: `${app}-${randomUUID()}`, maxInFlightRequests: 1 } : { allowAutoTopicCreation: false });
  await producer.connect();
  const sourceSerde = new Map<string, NodeSpec>();
  for (const n of sources) for (const t of n.topics) sourceSerde.set(t, n);
  const specTopicOf = new Map([...spec.internalTopics.keys()].map((t) => [internalTopicName(app, t), t]));

  // Global tables: one shared store set, fed by a task of its own that reads all their partitions.
  const shared = new Map<string, StateStore>();
  for (const s of spec.stores.values()) if (s.global) shared.set(s.name, s.factory());
  const pending: Out[] = [];
  const pendingChangelog = new Map<string, Out>();
  let recordsIn = 0;
  let recordsOut = 0;
  let rebalances = 0;
  /** Records behind the end of each input partition, as of its last fetched batch. */
  const lag = new Map<string, number>();
  const makeTask = (partition: number, changelog: ChangelogRecord[] | null) => {
    const task = new Task(
      spec,
      {
        emit: (topic, record, internal, sink) => {
          recordsOut++;
          const ks = sink.keySerde ?? json;
          const vs = sink.valueSerde ?? json;
          pending.push({ topic: internal ? internalTopicName(app, topic) : topic, key: enc(internal ? json : ks, record.key), value: enc(internal ? json : vs, record.value), timestamp: String(record.timestamp) });
        },
      },
      shared,
    );
    if (changelog) restore(task, changelog);
    // Only the latest change per store key matters at commit time, so a batch writes each key once.
    captureChanges(task, stores, (c) => pendingChangelog.set(`${partition}\u0000${c.store}\u0000${c.key}`, { topic: changelogTopic(app, c.store), key: Buffer.from(c.key), value: c.value === null ? null : Buffer.from(c.value), timestamp: String(Date.now()), partition }));
    return task;
  };
  const globalTask = spec.globalTopics.size ? makeTask(-1, null) : null;
  const tasks = new Map<number, Task>();
  const groups = new Map<number, PartitionGroup>();
  // Inputs that must be interleaved by time: the source topics of each sub-topology (Kafka names).
  const inputGroups = topology
    .describe()
    .subtopologies.map((g) => [...new Set(g.filter((n) => n.type === 'source').flatMap((n) => n.topics).filter((t) => !spec.globalTopics.has(t)))].map((t) => (spec.internalTopics.has(t) ? internalTopicName(app, t) : t)))
    .filter((g) => g.length > 0);

  /** Which inputs of a partition have nothing left to fetch right now (committed offset >= end). */
  async function caughtUpAt(partition: number): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    const topics = inputGroups.flat().filter((t) => !specTopicOf.has(t));
    const committed = await admin.fetchOffsets({ groupId: app, topics });
    for (const t of topics) {
      const ends = await admin.fetchTopicOffsets(t);
      const end = Number(ends.find((o) => o.partition === partition)?.high ?? 0);
      const c = committed.find((x) => x.topic === t)?.partitions.find((x) => x.partition === partition);
      const at = c && Number(c.offset) >= 0 ? Number(c.offset) : 0;
      out.set(t, at >= end);
    }
    return out;
  }
  const taskCreation = new Map<number, Promise<Task>>();

  async function restoreFor(partition: number): Promise<ChangelogRecord[]> {
    const topics = stores.map((s) => changelogTopic(app, s));
    const ends = new Map<string, number>();
    for (const t of topics) {
      const offs = await admin.fetchTopicOffsets(t);
      const p = offs.find((o) => o.partition === partition);
      if (p && Number(p.high) > Number(p.low)) ends.set(t, Number(p.high));
    }
    if (!ends.size) return [];
    const out: ChangelogRecord[] = [];
    const reader = kafka.consumer({ groupId: `${app}-restore-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topics: [...ends.keys()], fromBeginning: true });
    const remaining = new Set(ends.keys());
    await new Promise<void>((resolve, reject) => {
      reader
        .run({
          eachBatch: async ({ batch }) => {
            if (batch.partition !== partition || !ends.has(batch.topic)) return;
            const store = stores.find((s) => changelogTopic(app, s) === batch.topic)!;
            for (const m of batch.messages) {
              if (Number(m.offset) >= ends.get(batch.topic)!) break;
              out.push({ store, key: m.key!.toString(), value: m.value === null ? null : m.value.toString() });
              if (Number(m.offset) + 1 >= ends.get(batch.topic)!) remaining.delete(batch.topic);
            }
            if (!remaining.size) resolve();
          },
        })
        .catch(reject);
    });
    await reader.disconnect();
    return out;
  }

  const consumer: Consumer = kafka.consumer({ groupId: app, sessionTimeout: config.sessionTimeoutMs ?? 6000, heartbeatInterval: config.heartbeatIntervalMs ?? 300, maxWaitTimeInMs: 200 });
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    rebalances++;
    const assigned = new Set(Object.values(e.payload.memberAssignment).flat());
    for (const p of [...tasks.keys()]) {
      if (!assigned.has(p)) {
        tasks.delete(p);
        taskCreation.delete(p);
        groups.delete(p);
      }
    }
    log(`rebalance: assigned partitions ${[...assigned].sort().join(', ') || 'none'}`);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...external, ...[...spec.internalTopics.keys()].map((t) => internalTopicName(app, t))], fromBeginning: true });

  let globalConsumer: Consumer | null = null;
  if (globalTask) {
    globalConsumer = kafka.consumer({ groupId: `${app}-global-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 200 });
    await globalConsumer.connect();
    await globalConsumer.subscribe({ topics: [...spec.globalTopics], fromBeginning: true });
    await globalConsumer.run({
      eachMessage: async ({ topic, message }) => {
        const src = sourceSerde.get(topic);
        globalTask.process(topic, { key: decode(src?.keySerde ?? json, message.key), value: decode(src?.valueSerde ?? json, message.value), timestamp: Number(message.timestamp) }, -1);
      },
    });
  }

  const flush = async (offsets: { topic: string; partition: number; offset: string }[]) => {
    const batch = [...pending.splice(0), ...pendingChangelog.values()];
    pendingChangelog.clear();
    const byTopic = new Map<string, { key: Buffer | null; value: Buffer | null; timestamp: string; partition?: number }[]>();
    for (const m of batch) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), { key: m.key, value: m.value, timestamp: m.timestamp, ...(m.partition !== undefined ? { partition: m.partition } : {}) }]);
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    if (eos) {
      const tx = await producer.transaction();
      try {
        if (topicMessages.length) await tx.sendBatch({ topicMessages, acks: -1 });
        await tx.sendOffsets({ consumerGroupId: app, topics: offsets.map((o) => ({ topic: o.topic, partitions: [{ partition: o.partition, offset: o.offset }] })) });
        await tx.commit();
      } catch (e) {
        await tx.abort();
        throw e;
      }
      return;
    }
    if (topicMessages.length) await producer.sendBatch({ topicMessages, acks: -1 });
    await consumer.commitOffsets(offsets);
  };

  // Batches of different partitions run concurrently (processing itself is synchronous per batch);
  // flushes are chained so a batch's offsets are committed only after every output produced before
  // them, its own and other partitions', has been acknowledged.
  let flushChain: Promise<void> = Promise.resolve();
  const flushInOrder = (offsets: { topic: string; partition: number; offset: string }[]) => (flushChain = flushChain.then(() => flush(offsets)));

  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 4,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      // Batches of several topics share the partition's task; create (and restore) it once.
      let creating = taskCreation.get(batch.partition);
      if (!creating || !tasks.has(batch.partition)) {
        if (!creating) {
          creating = Promise.all([restoreFor(batch.partition), caughtUpAt(batch.partition)]).then(([log, caught]) => {
            const t = makeTask(batch.partition, log);
            tasks.set(batch.partition, t);
            groups.set(batch.partition, new PartitionGroup(inputGroups, caught));
            return t;
          });
          taskCreation.set(batch.partition, creating);
        }
      }
      const task = await creating;
      const group = groups.get(batch.partition)!;
      const buffered = batch.messages.map((m) => {
        const topic = specTopicOf.get(batch.topic) ?? batch.topic;
        const src = sourceSerde.get(topic);
        const internal = spec.internalTopics.has(topic);
        const record: StreamRecord = {
          key: decode(internal ? json : (src?.keySerde ?? json), m.key),
          value: decode(internal ? json : (src?.valueSerde ?? json), m.value),
          timestamp: Number(m.timestamp),
        };
        return { topic: batch.topic, offset: m.offset, record };
      });
      if (!buffered.length || !isRunning() || isStale()) return;
      group.add(batch.topic, buffered, Number(batch.lastOffset()) + 1 >= Number(batch.highWatermark));
      lag.set(`${batch.topic}:${batch.partition}`, Number(batch.offsetLag()));
      // The fetch position moves on; offsets are committed only for records actually processed.
      resolveOffset(batch.lastOffset());
      const processed = new Map<string, string>();
      for (let next = group.next(); next; next = group.next()) {
        recordsIn++;
        task.process(specTopicOf.get(next.topic) ?? next.topic, next.record, Number(next.offset));
        task.flush();
        processed.set(next.topic, next.offset);
      }
      if (processed.size) await flushInOrder([...processed].map(([topic, offset]) => ({ topic, partition: batch.partition, offset: String(Number(offset) + 1) })));
      await heartbeat();
    },
  });

  const timer = config.logIntervalMs ? setInterval(() => log(`records in ${recordsIn}, out ${recordsOut}, lag ${[...lag.values()].reduce((a, b) => a + b, 0)}, tasks ${[...tasks.keys()].join(',') || '-'}, rebalances ${rebalances}`), config.logIntervalMs) : null;
  return {
    stats: () => ({ recordsIn, recordsOut, rebalances, partitions: [...tasks.keys()] }),
    async stop() {
      if (timer) clearInterval(timer);
      await consumer.disconnect();
      await globalConsumer?.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

function decode(serde: Serde, b: Buffer | null): unknown {
  return serde.deserialize(b === null ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

/** For a generated app's main: run until SIGTERM/SIGINT, then leave the group cleanly. */
export async function runUntilSignal(topology: Topology, config: KafkaRuntimeConfig): Promise<void> {
  const app = await runOnKafka(topology, config);
  await new Promise<void>((resolve) => {
    const stop = () => void app.stop().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
