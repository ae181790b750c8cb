/**
 * The poll loop of one instance, as Kafka Streams' StreamThread: a kafkajs consumer in the
 * application's group fetches batches; each batch is decoded, buffered in its partition's task and
 * processed as far as the task's PartitionGroup lets it; processed offsets go to the committer.
 * The consumer is replaceable: after a crash kafkajs does not recover from, the runtime starts a new
 * one (Kafka Streams' REPLACE_THREAD), and the commits go through whichever consumer is current.
 */
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { partitionNumberAssigner } from './assigner';
import { isRebalancing, NotAGroupMemberError, type Committer } from './committer';
import { ProductionError } from './error-handlers';
import type { InputDecoder } from './input-decoder';
import type { Buffered } from './partition-group';
import type { ActiveTask, TaskManager } from './task-manager';
import type { RecordTracing } from './tracing';

export interface StreamThreadOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  tasks: TaskManager;
  committer: Committer;
  decoder: InputDecoder;
  /** Flushes the record cache after every record (record cache off). */
  flushEachRecord: boolean;
  /** The group gave this instance a new assignment. */
  onAssigned: (partitions: Set<number>) => void;
  /** kafkajs reported a crash of the consumer; `restart`: kafkajs restarts it itself. */
  onCrash: (e: Error, restart: boolean) => void;
  /** An error after which the instance must stop. */
  fatal: (e: Error) => void;
  stopping: () => boolean;
  /** After an input batch was processed and its outputs queued (back-pressure looks at the produce queue). */
  afterBatch?: () => void;
  /** A new consumer or assignment (back-pressure pauses it again if it must). */
  onJoined?: () => void;
  /** Metrics on: the time each input record took through the topology (seconds). */
  processLatency?: (seconds: number) => void;
  /** Tracing on: a span per input record. */
  tracing?: RecordTracing;
}

export class StreamThread {
  private consumer!: Consumer;
  /** Batches being processed (shutdown waits for them). */
  active = 0;
  recordsIn = 0;
  /**
   * Lag per input partition (topic:partition): the end offset seen at its last fetch and the next
   * offset to process. Measured from processed records, not fetched ones: buffered records and a
   * stalled partition count as lag.
   */
  private readonly ends = new Map<string, { topic: string; partition: number; end: number; next: number }>();

  constructor(private readonly o: StreamThreadOptions) {}

  /** False from a crash of the consumer until its replacement runs. */
  private member = false;

  /** What the committer commits through: always the current consumer, and none while it is replaced. */
  readonly commitTarget = {
    commitOffsets: async (offsets: Parameters<Consumer['commitOffsets']>[0]) => {
      if (!this.member) throw new NotAGroupMemberError('the consumer crashed and is being replaced');
      await this.consumer.commitOffsets(offsets);
    },
  };

  totalLag(): number {
    let sum = 0;
    for (const l of this.ends.values()) sum += Math.max(0, l.end - l.next);
    return sum;
  }

  /** Lag per input partition (Kafka's records-lag). */
  lags(): { topic: string; partition: number; lag: number }[] {
    return [...this.ends.values()].map((l) => ({ topic: l.topic, partition: l.partition, lag: Math.max(0, l.end - l.next) }));
  }

  /** Back-pressure: stops fetching every input topic of this instance (kafkajs keeps heartbeating). */
  pauseFetch(): void {
    this.fetchControl('pause');
  }

  resumeFetch(): void {
    this.fetchControl('resume');
  }

  private fetchControl(what: 'pause' | 'resume'): void {
    try {
      this.consumer?.[what](this.o.topics.map((topic) => ({ topic })));
    } catch {
      // Not running (crashed, or between consumers): the next one is paused again when it joins.
    }
  }

  /** Forgets the lag of partitions this instance no longer owns. */
  private keepLag(owned: Set<number>): void {
    for (const [k, l] of this.ends) if (!owned.has(l.partition)) this.ends.delete(k);
  }

  /** Creates a consumer, joins the group and starts fetching. */
  async start(): Promise<void> {
    const c = this.o.kafka.consumer({ groupId: this.o.groupId, partitionAssigners: [partitionNumberAssigner], sessionTimeout: this.o.sessionTimeoutMs, heartbeatInterval: this.o.heartbeatIntervalMs, maxWaitTimeInMs: 200 });
    this.consumer = c;
    c.on(c.events.GROUP_JOIN, (e) => {
      const owned = new Set(Object.values(e.payload.memberAssignment).flat());
      this.member = true;
      this.keepLag(owned);
      this.o.onAssigned(owned);
      this.resumeKept(this.o.tasks.partitions());
      this.o.onJoined?.();
    });
    c.on(c.events.END_BATCH_PROCESS, ({ payload }) => this.onBatchEnd(payload));
    c.on(c.events.CRASH, ({ payload }) => {
      this.member = false;
      this.o.onCrash(payload.error, payload.restart);
    });
    this.ends.clear();
    await c.connect();
    await c.subscribe({ topics: this.o.topics, fromBeginning: true });
    await c.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 4, eachBatch: (p) => this.eachBatch(p) });
    this.member = true;
  }

  async stop(): Promise<void> {
    while (this.active > 0) await new Promise((r) => setTimeout(r, 5));
    await this.consumer.disconnect();
  }

  /**
   * After a rejoin kafkajs fetches every assigned partition from its committed offset. A partition
   * this instance keeps (its task keeps its state) continues from the records it processed instead:
   * its buffered records are dropped and fetching resumes after the last processed record, so
   * nothing is processed twice into the same state (a refused commit left the committed offset behind).
   */
  private resumeKept(kept: number[]): void {
    for (const p of kept) {
      this.o.tasks.get(p)?.group.clear();
      for (const l of this.ends.values()) {
        if (l.partition !== p) continue;
        try {
          this.consumer.seek({ topic: l.topic, partition: p, offset: String(l.next) });
        } catch {
          // Not running (crashed): its replacement starts from the committed offsets with new tasks.
        }
      }
    }
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { committer } = this.o;
    if (this.o.stopping() || committer.error) return;
    this.active++;
    try {
      const active = await this.o.tasks.taskFor(batch.partition);
      if (!batch.messages.length || !isRunning() || isStale() || this.o.stopping()) return;
      // The end offset first: a batch that fails to decode (log-and-fail) still counts as lag.
      const key = `${batch.topic}:${batch.partition}`;
      const l = this.ends.get(key);
      if (l) l.end = Number(batch.highWatermark);
      else this.ends.set(key, { topic: batch.topic, partition: batch.partition, end: Number(batch.highWatermark), next: Number(batch.firstOffset()) });
      // Writer schemas of the batch's schema ids are loaded first (the registry is asked outside the record path).
      await this.o.decoder.prepare(batch.topic, batch.messages);
      if (!isRunning() || isStale() || this.o.stopping()) return;
      active.group.add(batch.topic, this.o.decoder.decode(batch), Number(batch.lastOffset()) + 1 >= Number(batch.highWatermark));
      // The fetch position moves on; offsets are committed only for records actually processed.
      resolveOffset(batch.lastOffset());
      this.processReady(batch.partition, active);
      this.o.afterBatch?.();
      await committer.afterBatch();
    } catch (e) {
      if (committer.error) return this.o.fatal(committer.error);
      // kafkajs' own errors go back to kafkajs (it retries, rejoins or reports a crash).
      if (e instanceof Error && e.name.startsWith('KafkaJS')) throw e;
      // A record that failed to deserialize, process or produce, and the handler said fail (Kafka
      // Streams' default): what was sent so far (a dead-letter record) lands, then the instance stops.
      await committer.collector.flush().catch(() => undefined);
      return this.o.fatal(productionErrorIn(e) ?? (e instanceof Error ? e : new Error(String(e))));
    } finally {
      this.active--;
    }
    try {
      await heartbeat();
    } catch (e) {
      // A rebalance is starting: commit what was processed while this member still owns it.
      if (isRebalancing(e)) await committer.commit().catch(this.o.fatal);
      throw e;
    }
  }

  /** Processes what the partition's input buffer lets through, and marks the offsets as processed. */
  private processReady(partition: number, { task, group }: ActiveTask): void {
    // Per input topic of this partition: the last offset processed and the newest timestamp.
    const done = new Map<string, { offset: number; time: number }>();
    const observed = this.o.processLatency !== undefined || this.o.tracing !== undefined;
    for (let next = group.next(); next; next = group.next()) {
      // A record the deserialization handler dropped: its offset counts, its time does not.
      const time = next.skip ? -Infinity : next.record.timestamp;
      if (!next.skip) {
        this.recordsIn++;
        if (observed) this.processObserved(partition, task, next);
        else this.processOne(task, next);
      }
      const d = done.get(next.topic);
      if (!d) done.set(next.topic, { offset: next.offset, time });
      else {
        d.offset = next.offset;
        d.time = Math.max(d.time, time);
      }
    }
    for (const [t, d] of done) {
      this.o.committer.processed(t, partition, d.offset, d.time);
      const l = this.ends.get(`${t}:${partition}`);
      if (l) l.next = d.offset + 1;
    }
  }

  private processOne(task: ActiveTask['task'], next: Buffered): void {
    task.time.setRecord(next.topic, next.offset);
    task.time.advanceStreamTime(next.record.timestamp);
    task.process(next.specTopic, next.record, next.offset);
    // Kafka punctuates on stream time after each processed record, before the commit's flush.
    task.time.punctuateStreamTime();
    if (this.o.flushEachRecord) task.flush();
  }

  /** processOne inside the record's span (tracing) and timed (metrics). */
  private processObserved(partition: number, task: ActiveTask['task'], next: Buffered): void {
    const { tracing, processLatency } = this.o;
    const started = processLatency ? performance.now() : 0;
    tracing?.begin({ topic: next.topic, partition, offset: next.offset, traceparent: next.traceparent, tracestate: next.tracestate });
    try {
      this.processOne(task, next);
    } finally {
      tracing?.end();
    }
    if (processLatency) processLatency((performance.now() - started) / 1000);
  }

  /**
   * Batches that hold only transaction markers (topics written with transactions end with one)
   * never reach eachBatch; kafkajs reports them as batch ends. They can make an input caught up,
   * which may let buffered records of the other inputs through.
   */
  private onBatchEnd(payload: { topic: string; partition: number; batchSize: number; lastOffset: string; highWatermark: string }): void {
    const { committer } = this.o;
    if (payload.batchSize > 0 || this.o.stopping() || committer.error) return;
    const active = this.o.tasks.get(payload.partition);
    if (!active || !active.group.markCaughtUp(payload.topic, Number(payload.lastOffset) + 1 >= Number(payload.highWatermark))) return;
    this.processReady(payload.partition, active);
    void committer.afterBatch().catch(() => undefined);
  }
}

/** A sink's production error inside the processing error that wraps it. */
function productionErrorIn(e: unknown): ProductionError | null {
  for (let x = e, depth = 0; x instanceof Error && depth < 5; x = x.cause, depth++) if (x instanceof ProductionError) return x;
  return null;
}
