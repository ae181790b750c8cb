/**
 * Output and commit handling of the Kafka runtime, shaped like Kafka Streams' RecordCollector and
 * commit loop:
 * - sink and repartition records are handed to the producer as they come, in batches, without
 *   waiting for acknowledgements between input batches (the producer pipelines them);
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
  /** Produce requests in flight before processing waits for the oldest one. */
  maxInFlight?: number;
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
  private outputs: OutRecord[] = [];
  private readonly changes = new Map<string, PendingChange>();
  private readonly positions = new Map<string, Position>();
  /** Partition times of every partition seen, so a commit carries them even without new records. */
  private readonly times = new Map<string, number>();
  private inFlight: Promise<void>[] = [];
  private tx: Promise<Transaction> | null = null;
  /** Resolved while no transaction is being committed (exactly_once_v2). */
  private txGate: Promise<void> = Promise.resolve();
  private commitChain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private readonly sendBatchSize: number;
  private readonly maxInFlight: number;
  private readonly maxCachedChanges: number;

  constructor(private readonly o: CommitterOptions) {
    this.sendBatchSize = o.sendBatchSize ?? 500;
    this.maxInFlight = o.maxInFlight ?? 8;
    this.maxCachedChanges = o.maxCachedChanges ?? 10_000;
  }

  /** The first error of a produce request or commit; once set, nothing is committed any more. */
  get error(): Error | null {
    return this.failure;
  }

  output(r: OutRecord): void {
    this.outputs.push(r);
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

  /**
   * After an input batch: hands the buffered outputs to the producer. Waits only when too many
   * produce requests are in flight, so a slow broker slows processing down instead of memory growing.
   */
  async afterBatch(): Promise<void> {
    this.throwIfFailed();
    if (this.outputs.length) this.send(this.outputs.splice(0));
    if (this.changes.size >= this.maxCachedChanges) this.send(this.takeChanges());
    while (this.inFlight.length > this.maxInFlight) await this.inFlight[0];
    this.throwIfFailed();
  }

  /** Commits what was processed so far; commits run one after another. */
  commit(): Promise<void> {
    this.commitChain = this.commitChain.then(() => this.commitNow());
    return this.commitChain;
  }

  private async commitNow(): Promise<void> {
    this.throwIfFailed();
    this.o.beforeCommit?.();
    const positions = [...this.positions.values()];
    this.positions.clear();
    const records = [...this.outputs.splice(0), ...this.takeChanges()];
    if (!positions.length && !records.length) return;
    if (records.length) this.send(records);
    const offsets = positions.map((p) => ({ topic: p.topic, partition: p.partition, offset: String(p.offset), metadata: encodePartitionTime(p.time) }));
    // Everything produced before this point is in `inFlight`: wait for it (not for later records).
    const before = [...this.inFlight];
    if (this.o.eos) return this.commitTransaction(before, offsets);
    await Promise.all(before);
    this.throwIfFailed();
    if (!offsets.length) return;
    try {
      await this.o.consumer.commitOffsets(offsets);
    } catch (e) {
      // The partitions moved to another member: their records will be processed again there
      // (at-least-once); nothing is lost, so this is not fatal.
      if (!isRebalancing(e)) this.fail(e);
    }
  }

  /** exactly_once_v2: the open transaction gets the offsets and commits; records produced meanwhile wait for the next one. */
  private async commitTransaction(before: Promise<void>[], offsets: { topic: string; partition: number; offset: string; metadata: string }[]): Promise<void> {
    const current = this.tx ?? this.o.producer.transaction();
    this.tx = null;
    let open!: () => void;
    this.txGate = new Promise<void>((r) => (open = r));
    try {
      await Promise.all(before);
      this.throwIfFailed();
      const tx = await current;
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
    } finally {
      open();
    }
  }

  private takeChanges(): OutRecord[] {
    const timestamp = String(Date.now());
    const out: OutRecord[] = [];
    for (const c of this.changes.values()) {
      const value = c.value();
      out.push({ topic: c.topic, partition: c.partition, key: Buffer.from(c.key), value: value === null ? null : Buffer.from(value), timestamp });
    }
    this.changes.clear();
    return out;
  }

  private send(records: OutRecord[]): void {
    for (let i = 0; i < records.length; i += this.sendBatchSize) {
      const end = Math.min(records.length, i + this.sendBatchSize);
      const byTopic = new Map<string, Message[]>();
      for (let j = i; j < end; j++) {
        const r = records[j];
        let list = byTopic.get(r.topic);
        if (!list) byTopic.set(r.topic, (list = []));
        // An OutRecord is a kafkajs message (kafkajs reads only the message fields).
        list.push(r);
      }
      const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
      const sent = this.o.eos
        ? this.transaction().then((tx) => tx.sendBatch({ topicMessages, acks: -1 }))
        : this.o.producer.sendBatch({ topicMessages, acks: -1 });
      const done: Promise<void> = sent.then(
        () => {
          this.inFlight.splice(this.inFlight.indexOf(done), 1);
        },
        (e: unknown) => {
          this.inFlight.splice(this.inFlight.indexOf(done), 1);
          this.fail(e);
        },
      );
      this.inFlight.push(done);
    }
  }

  /** The open transaction (exactly_once_v2), begun once the previous one is committed. */
  private transaction(): Promise<Transaction> {
    this.tx ??= this.txGate.then(() => this.o.producer.transaction());
    return this.tx;
  }

  private fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
