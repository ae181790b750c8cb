/**
 * What a task reads from Kafka before it processes its first record: the changelogs of its stores
 * (to restore them) and the group's committed offsets of its partition (which inputs are caught up,
 * and the partition time each input committed in its offset metadata).
 */
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { ChangelogRecord } from './changelog';
import { decodePartitionTime } from './committer';
import { changelogTopic } from './topics';

export interface StartReads {
  kafka: Kafka;
  admin: Admin;
  /** The application id: the consumer group and the prefix of internal topics. */
  app: string;
  /** The logged stores (one changelog topic each). */
  stores: string[];
  /** The Kafka input topics of the topology's sub-topologies (repartition topics included). */
  inputTopics: string[];
  /** The Kafka names of repartition topics: never "caught up" at start (the app writes them itself). */
  internalTopics: ReadonlySet<string>;
  /** Told how much each store of a partition has to restore, and of each batch restored (restore metrics). */
  restoreListener?: RestoreListener;
}

export interface RestoreListener {
  /** A store of a partition starts restoring `records` changelog records (by offsets: end - start). */
  begin(store: string, partition: number, records: number): void;
  restored(store: string, partition: number, records: number): void;
  /** The partition's stores are restored (or it stopped restoring). */
  end(partition: number): void;
}

/**
 * From the group's committed offsets of a partition: which inputs have nothing left to fetch right
 * now (committed offset >= end), and the partition time each input committed in its metadata.
 */
export async function readCommitted(r: StartReads, partition: number): Promise<{ caughtUp: Map<string, boolean>; times: Map<string, number> }> {
  const caughtUp = new Map<string, boolean>();
  const times = new Map<string, number>();
  const committed = await r.admin.fetchOffsets({ groupId: r.app, topics: r.inputTopics });
  for (const t of r.inputTopics) {
    const c = committed.find((x) => x.topic === t)?.partitions.find((x) => x.partition === partition);
    const time = decodePartitionTime(c?.metadata);
    if (time !== null) times.set(t, time);
    if (r.internalTopics.has(t)) continue;
    const ends = await r.admin.fetchTopicOffsets(t);
    const end = Number(ends.find((o) => o.partition === partition)?.high ?? 0);
    const at = c && Number(c.offset) >= 0 ? Number(c.offset) : 0;
    caughtUp.set(t, at >= end);
  }
  return { caughtUp, times };
}

/** Every record of the partition's changelogs up to their current end, in order, per store. */
export async function readChangelogs(r: StartReads, partition: number): Promise<ChangelogRecord[]> {
  const ends = new Map<string, number>();
  for (const s of r.stores) {
    const t = changelogTopic(r.app, s);
    const offs = await r.admin.fetchTopicOffsets(t);
    const p = offs.find((o) => o.partition === partition);
    if (p && Number(p.high) > Number(p.low)) {
      ends.set(t, Number(p.high));
      r.restoreListener?.begin(s, partition, Number(p.high) - Number(p.low));
    }
  }
  if (!ends.size) return [];
  const out: ChangelogRecord[] = [];
  const reader = r.kafka.consumer({ groupId: `${r.app}-restore-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topics: [...ends.keys()], fromBeginning: true });
  const remaining = new Set(ends.keys());
  await new Promise<void>((resolve, reject) => {
    // Done with a topic once the reader is past its end offset. Judged on batch-end events, which
    // kafkajs also emits for batches of transaction markers only (never given to eachBatch): with
    // exactly_once_v2 the last offset of a changelog is such a marker, not a record.
    reader.on(reader.events.END_BATCH_PROCESS, ({ payload }) => {
      if (payload.partition === partition && ends.has(payload.topic) && Number(payload.lastOffset) + 1 >= ends.get(payload.topic)!) remaining.delete(payload.topic);
      if (!remaining.size) resolve();
    });
    reader
      .run({
        // A restore reader never commits (its group is thrown away).
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (batch.partition !== partition || !ends.has(batch.topic)) return;
          const store = r.stores.find((s) => changelogTopic(r.app, s) === batch.topic)!;
          const before = out.length;
          for (const m of batch.messages) {
            if (Number(m.offset) >= ends.get(batch.topic)!) break;
            out.push({ store, key: m.key!.toString(), value: m.value === null ? null : m.value.toString() });
          }
          r.restoreListener?.restored(store, partition, out.length - before);
        },
      })
      .catch(reject);
  });
  await reader.disconnect();
  return out;
}
