/**
 * The producing side of the Kafka runtime, shaped like Kafka Streams' RecordCollector: sink,
 * repartition and changelog records are sent as they come, without waiting for acknowledgements
 * between input batches. One produce request at a time carries everything queued so far (up to a
 * size), while processing goes on; one at a time because concurrent kafkajs sends can reach the
 * broker out of order, and records of a partition must keep their order. The committer asks it to
 * flush (wait for the acknowledgement of everything produced before a point) before committing.
 * With exactly_once_v2 the sends go into the open transaction, and records produced while a
 * transaction commits wait behind a fence for the next one.
 */
import type { Message, Producer, Transaction } from 'kafkajs';

export interface OutRecord {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  partition?: number;
  headers?: Record<string, string>;
}

export interface RecordCollectorOptions {
  producer: Producer;
  eos: boolean;
  /** Records per produce request (kafkajs groups a request's messages with a cost that grows quadratically). */
  sendBatchSize?: number;
  /**
   * Unacknowledged records (or bytes) past which processing waits, so a slow broker slows processing
   * instead of memory growing. The last resort: back-pressure (back-pressure.ts) pauses fetching first.
   */
  maxQueued?: number;
  maxQueuedBytes?: number;
  /** After every produce request that completed (back-pressure resumes fetching here). */
  onAcked?: () => void;
  /** kafkajs CompressionTypes value for produce requests (default none). */
  compression?: number;
  /**
   * A produce request failed (after kafkajs' retries). Returns null when the records were dealt with
   * (the production exception handler said continue), else the error the collector fails with for good.
   */
  onSendError?: (e: Error, records: OutRecord[]) => Error | null;
}

export class RecordCollector {
  /** Records waiting for the send loop, in production order. */
  private queue: OutRecord[] = [];
  private queueHead = 0;
  /** Records queued and records acknowledged since the start (sends are in order, so a count suffices). */
  private enqueued = 0;
  private acked = 0;
  /** Bytes (keys, values, headers) of the records queued and not yet acknowledged. */
  private pendingBytes = 0;
  /** The most unacknowledged records at any time (a metric; the back-pressure bench reports it). */
  maxUnacknowledged = 0;
  private sending = false;
  /** exactly_once_v2: records from this count on wait for the next transaction. */
  private fence = Infinity;
  private waiters: { upTo: number; resolve: () => void }[] = [];
  private tx: Promise<Transaction> | null = null;
  private failure: Error | null = null;
  private readonly sendBatchSize: number;
  private readonly maxQueued: number;
  private readonly maxQueuedBytes: number;

  constructor(private readonly o: RecordCollectorOptions) {
    this.sendBatchSize = o.sendBatchSize ?? 1000;
    this.maxQueued = o.maxQueued ?? 20_000;
    this.maxQueuedBytes = o.maxQueuedBytes ?? Infinity;
  }

  /** The first error of a produce request; once set, nothing is sent or committed any more. */
  get error(): Error | null {
    return this.failure;
  }

  /** Records produced so far (a position to flush up to). */
  get produced(): number {
    return this.enqueued;
  }

  get unacknowledged(): number {
    return this.enqueued - this.acked;
  }

  get unacknowledgedBytes(): number {
    return this.pendingBytes;
  }

  send(r: OutRecord): void {
    this.queue.push(r);
    this.enqueued++;
    this.pendingBytes += recordBytes(r);
    if (this.enqueued - this.acked > this.maxUnacknowledged) this.maxUnacknowledged = this.enqueued - this.acked;
  }

  /** Starts sending what was queued; waits only when too much is queued (records, or bytes: then until all is acknowledged). */
  async drain(): Promise<void> {
    this.kick();
    if (this.enqueued - this.acked > this.maxQueued) await this.flush(this.enqueued - this.maxQueued);
    else if (this.pendingBytes > this.maxQueuedBytes) await this.flush();
  }

  /** Sends and resolves once the first `upTo` records are acknowledged, or a send failed. */
  flush(upTo = this.enqueued): Promise<void> {
    this.kick();
    if (this.acked >= upTo || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  /** exactly_once_v2: records from `at` on are held back until release() (they belong to the next transaction). */
  fenceAt(at: number): void {
    this.fence = at;
  }

  release(): void {
    this.fence = Infinity;
    this.kick();
  }

  /** exactly_once_v2: the open transaction (begun at the first send or here), handed over to be committed. */
  async takeTransaction(): Promise<Transaction> {
    const tx = await (this.tx ?? this.o.producer.transaction());
    this.tx = null;
    return tx;
  }

  fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
    this.wake();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Starts the send loop if it is idle: one produce request at a time, in queue order. */
  private kick(): void {
    if (this.sending || this.failure) return;
    this.sending = true;
    void this.sendLoop().finally(() => {
      this.sending = false;
      if (this.queued() > 0 && this.acked < this.fence && !this.failure) this.kick();
    });
  }

  private queued(): number {
    return this.queue.length - this.queueHead;
  }

  private take(n: number): OutRecord[] {
    const taken = this.queue.slice(this.queueHead, this.queueHead + n);
    this.queueHead += n;
    if (this.queueHead === this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
    }
    return taken;
  }

  private async sendLoop(): Promise<void> {
    while (this.queued() > 0 && !this.failure) {
      const n = Math.min(this.queued(), this.sendBatchSize, this.fence - this.acked);
      if (n <= 0) return;
      const records = this.take(n);
      let bytes = 0;
      for (const r of records) bytes += recordBytes(r);
      const byTopic = new Map<string, Message[]>();
      for (const r of records) {
        let list = byTopic.get(r.topic);
        if (!list) byTopic.set(r.topic, (list = []));
        // An OutRecord is a kafkajs message (kafkajs reads only the message fields).
        list.push(r);
      }
      const batch = { topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })), acks: -1, compression: this.o.compression };
      try {
        if (this.o.eos) {
          this.tx ??= this.o.producer.transaction();
          await (await this.tx).sendBatch(batch);
        } else await this.o.producer.sendBatch(batch);
        this.acked += n;
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const fatal = this.o.eos || !this.o.onSendError ? err : this.o.onSendError(err, records);
        if (fatal) this.fail(fatal);
        else this.acked += n;
      }
      this.pendingBytes -= bytes;
      this.wake();
      this.o.onAcked?.();
    }
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (this.acked >= w.upTo || this.failure) w.resolve();
      else this.waiters.push(w);
    }
  }
}

/** What a record holds in memory, roughly: key, value and header bytes (the produce queue's byte measure). */
function recordBytes(r: OutRecord): number {
  let n = (r.key?.length ?? 0) + (r.value?.length ?? 0);
  if (r.headers) for (const k in r.headers) n += k.length + r.headers[k].length;
  return n;
}
