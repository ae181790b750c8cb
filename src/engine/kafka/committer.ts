/**
 * Output and commit handling of the Kafka runtime, shaped like Kafka Streams' RecordCollector and
 * commit loop:
 * - sink and repartition records are sent as they come, without waiting for acknowledgements
 *   between input batches: one produce request at a time carries everything queued so far (up to
 *   a size), while processing goes on. One at a time because concurrent kafkajs sends can reach
 *   the broker out of order, and records of a partition must keep their order;
 * - changelog writes are kept per store key until the next commit (like the record cache in front
 *   of a logged store), so a key updated many times between commits is written once;
 * - every commit.interval.ms the processed offsets are committed, and only after every record
 *   produced before them (outputs and changelog writes) is acknowledged: at-least-once. With
 *   exactly_once_v2 the same records and the offsets go into one transaction instead.
 * The committed offset metadata carries the partition time (the highest timestamp processed from
 * the partition), as Kafka Streams does, so stream time survives a restart.
 */
import type { Consumer, Message, Producer, Transaction } from 'kafkajs';

export interface OutRecord {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  partition?: number;
}

export interface CommitterOptions {
  producer: Producer;
  consumer: Consumer;
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

const REBALANCING = new Set(['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

/** Errors by which the group tells a member it no longer owns its partitions (kafkajs' isRebalancing). */
export function isRebalancing(e: unknown): boolean {
  return typeof e === 'object' && e !== null && REBALANCING.has((e as { type?: string }).type ?? '');
}

export class Committer {
  /** Records waiting for the send loop, in production order. */
  private queue: OutRecord[] = [];
  private queueHead = 0;
  /** Records queued and records acknowledged since the start (sends are in order, so a count suffices). */
  private enqueued = 0;
  private acked = 0;
  private sending = false;
  /** exactly_once_v2: records from this count on wait for the next transaction. */
  private fence = Infinity;
  private waiters: { upTo: number; resolve: () => void }[] = [];
  private readonly changes = new Map<string, PendingChange>();
  private readonly positions = new Map<string, Position>();
  /** Partition times of every partition seen, so a commit carries them even without new records. */
  private readonly times = new Map<string, number>();
  private tx: Promise<Transaction> | null = null;
  private commitChain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private readonly sendBatchSize: number;
  private readonly maxQueued: number;
  private readonly maxCachedChanges: number;

  constructor(private readonly o: CommitterOptions) {
    this.sendBatchSize = o.sendBatchSize ?? 1000;
    this.maxQueued = o.maxQueued ?? 20_000;
    this.maxCachedChanges = o.maxCachedChanges ?? 10_000;
  }

  /** The first error of a produce request or commit; once set, nothing is committed any more. */
  get error(): Error | null {
    return this.failure;
  }

  output(r: OutRecord): void {
    this.queue.push(r);
    this.enqueued++;
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
    this.throwIfFailed();
    if (this.changes.size >= this.maxCachedChanges) this.queueChanges();
    this.send();
    if (this.enqueued - this.acked > this.maxQueued) await this.ackedUpTo(this.enqueued - this.maxQueued);
    this.throwIfFailed();
  }

  /** Commits what was processed so far; commits run one after another. */
  commit(): Promise<void> {
    this.commitChain = this.commitChain.then(() => this.commitNow());
    return this.commitChain;
  }

  private async commitNow(): Promise<void> {
    this.throwIfFailed();
    // Nothing processed since the last commit: caches and stores are as they were then.
    if (!this.positions.size && !this.changes.size && this.enqueued === this.acked) return;
    this.o.beforeCommit?.();
    const positions = [...this.positions.values()];
    this.positions.clear();
    this.queueChanges();
    const upTo = this.enqueued;
    if (!positions.length && upTo === this.acked) return;
    const offsets = positions.map((p) => ({ topic: p.topic, partition: p.partition, offset: String(p.offset), metadata: encodePartitionTime(p.time) }));
    // Everything produced before this point must be acknowledged first (not what comes later).
    if (this.o.eos) this.fence = upTo;
    this.send();
    try {
      await this.ackedUpTo(upTo);
      this.throwIfFailed();
      if (this.o.eos) await this.commitTransaction(offsets);
      else if (offsets.length) await this.commitOffsets(offsets);
    } finally {
      if (this.o.eos) {
        this.fence = Infinity;
        this.send();
      }
    }
  }

  private async commitOffsets(offsets: { topic: string; partition: number; offset: string; metadata: string }[]): Promise<void> {
    try {
      await this.o.consumer.commitOffsets(offsets);
    } catch (e) {
      // The partitions moved to another member: their records will be processed again there
      // (at-least-once); nothing is lost, so this is not fatal.
      if (!isRebalancing(e)) this.fail(e);
    }
  }

  /** exactly_once_v2: the open transaction (holding every record up to the fence) gets the offsets and commits. */
  private async commitTransaction(offsets: { topic: string; partition: number; offset: string; metadata: string }[]): Promise<void> {
    const tx = await (this.tx ?? this.o.producer.transaction());
    this.tx = null;
    try {
      if (offsets.length) {
        await tx.sendOffsets({
          consumerGroupId: this.o.groupId,
          topics: offsets.map((o) => ({ topic: o.topic, partitions: [{ partition: o.partition, offset: o.offset, metadata: o.metadata }] })),
        });
      }
      await tx.commit();
    } catch (e) {
      await tx.abort().catch(() => undefined);
      this.fail(e);
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

  /** Starts the send loop if it is idle: one produce request at a time, in queue order. */
  private send(): void {
    if (this.sending || this.failure) return;
    this.sending = true;
    void this.sendLoop().finally(() => {
      this.sending = false;
      if (this.queued() > 0 && this.acked < this.fence && !this.failure) this.send();
    });
  }

  private queued(): number {
    return this.queue.length - this.queueHead;
  }

  private async sendLoop(): Promise<void> {
    while (this.queued() > 0 && !this.failure) {
      const n = Math.min(this.queued(), this.sendBatchSize, this.fence - this.acked);
      if (n <= 0) return;
      const byTopic = new Map<string, Message[]>();
      for (let i = this.queueHead; i < this.queueHead + n; i++) {
        const r = this.queue[i];
        let list = byTopic.get(r.topic);
        if (!list) byTopic.set(r.topic, (list = []));
        // An OutRecord is a kafkajs message (kafkajs reads only the message fields).
        list.push(r);
      }
      this.queueHead += n;
      if (this.queueHead === this.queue.length) {
        this.queue = [];
        this.queueHead = 0;
      }
      const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
      try {
        if (this.o.eos) {
          this.tx ??= this.o.producer.transaction();
          await (await this.tx).sendBatch({ topicMessages, acks: -1 });
        } else await this.o.producer.sendBatch({ topicMessages, acks: -1 });
        this.acked += n;
      } catch (e) {
        this.fail(e);
      }
      this.wake();
    }
  }

  /** Resolves once the first `upTo` records are acknowledged, or a send failed. */
  private ackedUpTo(upTo: number): Promise<void> {
    if (this.acked >= upTo || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (this.acked >= w.upTo || this.failure) w.resolve();
      else this.waiters.push(w);
    }
  }

  private fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
    this.wake();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
