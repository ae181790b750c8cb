/**
 * Commits of the Kafka runtime, shaped like Kafka Streams' commit loop (the producing side is the
 * RecordCollector):
 * - changelog writes are kept per store key until the next commit (like the record cache in front
 *   of a logged store), so a key updated many times between commits is written once;
 * - every commit.interval.ms the processed offsets are committed, and only after every record
 *   produced before them (outputs and changelog writes) is acknowledged: at-least-once. With
 *   exactly_once_v2 the same records and the offsets go into one transaction instead.
 * The committed offset metadata carries the partition time (the highest timestamp processed from
 * the partition), as Kafka Streams does, so stream time survives a restart.
 * A commit refused because the group moved on (a rebalance: REBALANCE_IN_PROGRESS,
 * ILLEGAL_GENERATION, ...) is Kafka Streams' "task migrated": not fatal; its offsets stay pending
 * for the next commit, and the tasks of partitions that moved are closed dirty at the rejoin.
 */
import type { Consumer, Producer } from 'kafkajs';
import { RecordCollector, type OutRecord } from './record-collector';

export type { OutRecord } from './record-collector';

export interface CommitterOptions {
  producer: Producer;
  /** Only commitOffsets is used (the runtime may replace its consumer after a crash). */
  consumer: Pick<Consumer, 'commitOffsets'>;
  groupId: string;
  eos: boolean;
  /** Records per produce request (kafkajs groups a request's messages with a cost that grows quadratically). */
  sendBatchSize?: number;
  /** Records waiting to be sent before processing waits, so a slow broker slows processing instead of memory growing. */
  maxQueued?: number;
  /** Cached changelog writes before they are sent without waiting for the commit (like a full cache). */
  maxCachedChanges?: number;
  /** Runs first in every commit, before the snapshot: the runtime flushes record caches here. */
  beforeCommit?: () => void;
  /** A commit was refused because the group is rebalancing or moved the partitions (the error, the offsets it carried). */
  onTaskMigrated?: (e: Error, offsets: CommittedOffset[]) => void;
  /** The collector to produce through (default: one of its own over the producer). */
  collector?: RecordCollector;
  /** Metrics on: the time of each commit that committed something (seconds). */
  commitLatency?: (seconds: number) => void;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: string;
  metadata: string;
}
/** A store change waiting for the next commit; its value is serialized only if it is still the latest then. */
export interface PendingChange {
  topic: string;
  partition: number;
  key: string;
  value: () => string | null;
}

interface Position {
  topic: string;
  partition: number;
  /** Next offset to read (the committed offset). */
  offset: number;
  /** Highest record timestamp processed from this partition. */
  time: number;
}

/** Partition time in the committed offset metadata (a small JSON document, versioned). */
export function encodePartitionTime(time: number): string {
  return JSON.stringify({ v: 1, partitionTime: time });
}

export function decodePartitionTime(metadata: string | null | undefined): number | null {
  if (!metadata) return null;
  try {
    const m = JSON.parse(metadata) as { v?: number; partitionTime?: unknown };
    return m.v === 1 && typeof m.partitionTime === 'number' ? m.partitionTime : null;
  } catch {
    return null;
  }
}

/** A commit while this instance has no consumer in the group (it crashed and is being replaced): its partitions are not its own. */
export class NotAGroupMemberError extends Error {
  readonly type = 'UNKNOWN_MEMBER_ID';
}

const REBALANCING = new Set(['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

/**
 * Errors by which the group tells a member it no longer owns its partitions (kafkajs' isRebalancing),
 * also when kafkajs wrapped them (a KafkaJSNonRetriableError has no type; the original is its cause).
 */
export function isRebalancing(e: unknown): boolean {
  return rebalanceErrorType(e) !== null;
}

/** The Kafka error type (REBALANCE_IN_PROGRESS, ...) of a rebalance error, however deep kafkajs wrapped it; null for other errors. */
export function rebalanceErrorType(e: unknown): string | null {
  for (let x = e, depth = 0; typeof x === 'object' && x !== null && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const type = (x as { type?: string }).type ?? '';
    if (REBALANCING.has(type)) return type;
  }
  return null;
}

export class Committer {
  readonly collector: RecordCollector;
  private readonly changes = new Map<string, PendingChange>();
  private readonly positions = new Map<string, Position>();
  /** Partition times of every partition seen, so a commit carries them even without new records. */
  private readonly times = new Map<string, number>();
  private commitChain: Promise<void> = Promise.resolve();
  private readonly maxCachedChanges: number;
  /** Commits that committed offsets or a transaction (Kafka's commit-total). */
  commits = 0;

  constructor(private readonly o: CommitterOptions) {
    this.collector = o.collector ?? new RecordCollector({ producer: o.producer, eos: o.eos, sendBatchSize: o.sendBatchSize, maxQueued: o.maxQueued });
    this.maxCachedChanges = o.maxCachedChanges ?? 10_000;
  }

  /** The first error of a produce request or commit; once set, nothing is committed any more. */
  get error(): Error | null {
    return this.collector.error;
  }

  output(r: OutRecord): void {
    this.collector.send(r);
  }

  /** A store change; `id` identifies the store key within its partition (later changes replace earlier ones). */
  change(id: string, c: PendingChange): void {
    this.changes.set(id, c);
  }

  /** A record was processed: its offset is committed at the next commit (with the partition time). */
  processed(topic: string, partition: number, offset: number, timestamp: number): void {
    const id = `${topic}\u0000${partition}`;
    const time = Math.max(this.times.get(id) ?? -Infinity, timestamp);
    this.times.set(id, time);
    const p = this.positions.get(id);
    if (p) {
      p.offset = offset + 1;
      p.time = time;
    } else this.positions.set(id, { topic, partition, offset: offset + 1, time });
  }

  /** Partition time restored from the committed metadata, so later commits keep carrying it. */
  restoreTime(topic: string, partition: number, time: number): void {
    const id = `${topic}\u0000${partition}`;
    this.times.set(id, Math.max(this.times.get(id) ?? -Infinity, time));
  }

  /** Forgets uncommitted positions and cached changes of partitions this instance no longer owns. */
  drop(isOwned: (partition: number) => boolean): void {
    for (const [id, p] of this.positions) if (!isOwned(p.partition)) this.positions.delete(id);
    for (const [id, c] of this.changes) if (!isOwned(c.partition)) this.changes.delete(id);
    for (const id of this.times.keys()) if (!isOwned(Number(id.split('\u0000')[1]))) this.times.delete(id);
  }

  get uncommitted(): boolean {
    return this.positions.size > 0;
  }

  /** After an input batch: starts sending what was queued; waits only when too much is queued. */
  async afterBatch(): Promise<void> {
    this.collector.throwIfFailed();
    if (this.changes.size >= this.maxCachedChanges) this.queueChanges();
    await this.collector.drain();
    this.collector.throwIfFailed();
  }

  /** Commits what was processed so far; commits run one after another. */
  commit(): Promise<void> {
    this.commitChain = this.commitChain.then(() => this.commitNow());
    return this.commitChain;
  }

  private async commitNow(): Promise<void> {
    const c = this.collector;
    c.throwIfFailed();
    // Nothing processed since the last commit: caches and stores are as they were then.
    if (!this.positions.size && !this.changes.size && c.unacknowledged === 0) return;
    const started = performance.now();
    this.o.beforeCommit?.();
    const positions = [...this.positions.values()];
    this.positions.clear();
    this.queueChanges();
    const upTo = c.produced;
    if (!positions.length && c.unacknowledged === 0) return;
    const offsets = positions.map((p) => ({ topic: p.topic, partition: p.partition, offset: String(p.offset), metadata: encodePartitionTime(p.time) }));
    // Everything produced before this point must be acknowledged first (not what comes later).
    if (this.o.eos) c.fenceAt(upTo);
    let committed = false;
    try {
      await c.flush(upTo);
      c.throwIfFailed();
      if (this.o.eos) committed = await this.commitTransaction(offsets);
      else if (offsets.length) committed = await this.commitOffsets(offsets);
    } finally {
      if (this.o.eos) c.release();
    }
    if (!committed) return;
    this.commits++;
    this.o.commitLatency?.((performance.now() - started) / 1000);
  }

  /** True when the offsets were committed. */
  private async commitOffsets(offsets: CommittedOffset[]): Promise<boolean> {
    try {
      await this.o.consumer.commitOffsets(offsets);
      return true;
    } catch (e) {
      // The partitions moved to another member ("task migrated"): their records since the last
      // commit are processed again where they are now (at-least-once); nothing is lost.
      if (!isRebalancing(e)) this.collector.fail(e);
      else {
        this.requeue(offsets);
        this.o.onTaskMigrated?.(e instanceof Error ? e : new Error(String(e)), offsets);
      }
      return false;
    }
  }

  /**
   * Refused offsets stay pending: the next commit carries them if the partition is still this
   * instance's (a partition that moved is dropped at the new assignment).
   */
  private requeue(offsets: CommittedOffset[]): void {
    for (const o of offsets) {
      const id = `${o.topic}\u0000${o.partition}`;
      if (!this.positions.has(id)) this.positions.set(id, { topic: o.topic, partition: o.partition, offset: Number(o.offset), time: decodePartitionTime(o.metadata) ?? -Infinity });
    }
  }

  /** exactly_once_v2: the open transaction (holding every record up to the fence) gets the offsets and commits. */
  private async commitTransaction(offsets: CommittedOffset[]): Promise<boolean> {
    const tx = await this.collector.takeTransaction();
    try {
      if (offsets.length) {
        await tx.sendOffsets({
          consumerGroupId: this.o.groupId,
          topics: offsets.map((o) => ({ topic: o.topic, partitions: [{ partition: o.partition, offset: o.offset, metadata: o.metadata }] })),
        });
      }
      await tx.commit();
      return true;
    } catch (e) {
      await tx.abort().catch(() => undefined);
      this.collector.fail(e);
      return false;
    }
  }

  private queueChanges(): void {
    if (!this.changes.size) return;
    const timestamp = String(Date.now());
    for (const c of this.changes.values()) {
      const value = c.value();
      this.output({ topic: c.topic, partition: c.partition, key: Buffer.from(c.key), value: value === null ? null : Buffer.from(value), timestamp });
    }
    this.changes.clear();
  }
}
