/**
 * A task's times and punctuation (the Processor API's view of its task): task stream time, the wall
 * clock, the two punctuation queues, and the input record being processed (record metadata).
 */
import type { Cancellable, RecordMetadata } from '../processor-api';
import type { ScheduleRequest } from './context';
import { PunctuationQueue, type Punctuation } from './punctuation';
import type { StreamRecord } from './record';
import type { NodeRuntime } from './task';

/** A punctuation that ran (the preview lists them): which schedule, when, and what it forwarded. */
export interface PunctuationEvent {
  processor: string;
  owner: string;
  type: Punctuation['type'];
  index: number;
  callbackName: string;
  intervalMs: number;
  timestamp: number;
  forwarded: StreamRecord[];
}

export class TaskTime {
  /** Task stream time (punctuation only): the largest timestamp of the records given, -1 before. */
  streamTime = -1;
  readonly streamTimePunctuations = new PunctuationQueue();
  readonly wallClockPunctuations = new PunctuationQueue();
  /** >0 while a punctuator runs (record metadata is then null). */
  private punctuating = 0;
  /** Topic and offset of the input record being processed (null: none, e.g. when the wall clock moved). */
  recordTopic: string | null = null;
  recordOffset = -1;
  /** Told of every punctuation that ran, with the records its processor forwarded. */
  onPunctuation: ((e: PunctuationEvent) => void) | undefined = undefined;

  constructor(readonly wallClock: () => number) {}

  /** The record about to be processed (whoever feeds the task says which). */
  setRecord(topic: string | null, offset = -1): void {
    this.recordTopic = topic;
    this.recordOffset = offset;
  }

  /**
   * Before an input record is processed: stream time moves to its timestamp if later (Kafka's
   * PartitionGroup does so when it hands out the record, so ctx.currentStreamTimeMs() includes it).
   */
  advanceStreamTime(timestamp: number): void {
    if (timestamp > this.streamTime) this.streamTime = timestamp;
  }

  /** After an input record was processed: due STREAM_TIME punctuations run (before caches flush, as Kafka punctuates before committing). */
  punctuateStreamTime(): void {
    if (this.streamTimePunctuations.size > 0 && this.streamTime >= 0) this.streamTimePunctuations.punctuate(this.streamTime);
  }

  /** Runs the WALL_CLOCK_TIME punctuations due at the wall clock's current time; returns how many ran. */
  punctuateWallClock(): number {
    return this.wallClockPunctuations.size > 0 ? this.wallClockPunctuations.punctuate(this.wallClock()) : 0;
  }

  schedule(rt: NodeRuntime, r: ScheduleRequest): Cancellable {
    const stream = r.type === 'STREAM_TIME';
    const queue = stream ? this.streamTimePunctuations : this.wallClockPunctuations;
    const run = (timestamp: number) => this.run(rt, r, timestamp);
    return queue.add({ ...r, run, processor: rt.spec.name, owner: rt.spec.owner, due: stream ? 0 : this.wallClock() + r.intervalMs });
  }

  recordMetadata(partition: number): RecordMetadata | null {
    return this.punctuating > 0 || this.recordTopic === null ? null : { topic: this.recordTopic, partition, offset: this.recordOffset };
  }

  /** One punctuator call: no record metadata meanwhile; its forwards are told to onPunctuation. */
  private run(rt: NodeRuntime, r: ScheduleRequest, timestamp: number): void {
    const forwarded: StreamRecord[] = [];
    const listen = this.onPunctuation;
    const trace = rt.trace;
    if (listen) rt.trace = (e) => (forwarded.push(e.record), trace?.(e));
    this.punctuating++;
    try {
      r.run(timestamp);
    } catch (e) {
      throw rt.failure({ key: null, value: null, timestamp }, e);
    } finally {
      this.punctuating--;
      if (listen) rt.trace = trace;
    }
    listen?.({ processor: rt.spec.name, owner: rt.spec.owner, type: r.type, index: r.index, callbackName: r.callbackName, intervalMs: r.intervalMs, timestamp, forwarded });
  }
}
