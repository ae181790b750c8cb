/** What a processor sees of its surroundings (Kafka's ProcessorContext), implemented by NodeRuntime. */
import type { StreamRecord } from './record';
import type { StateStore } from '../stores/state-store';
import type { Cancellable, PunctuationType, RecordMetadata } from '../processor-api';

/** A punctuation a processor schedules (see core/punctuation.ts). */
export interface ScheduleRequest {
  intervalMs: number;
  type: PunctuationType;
  index: number;
  callbackName: string;
  run: (timestamp: number) => void;
}

/**
 * Why a processor dropped a record (the rule, as data: the preview's timeline shows it). Windowed
 * drops carry the window and how far stream time was past its close (window end + grace).
 */
export interface DropReason {
  code: 'null-key' | 'null-value' | 'expired-window' | 'no-table-key' | 'no-foreign-key' | 'stale-response' | 'stale-version';
  window?: { start: number; end: number };
  /** Stream time minus grace minus the window end, at the drop (expired-window). */
  lateByMs?: number;
}

export interface ProcessorContext {
  readonly name: string;
  readonly owner: string;
  /**
   * The partition of the task (Kafka's recordMetadata().partition()): 0 in the in-memory driver, the
   * input partition on Kafka. A foreign-key join sends it with subscriptions so responses come back.
   */
  readonly partition: number;
  /** Forward to every child, or only to the named child (split branches). */
  forward(record: StreamRecord, childName?: string): void;
  /**
   * Forward a new record made of these parts to every child. Same as forward({ key, value, timestamp,
   * headers }), but when the only child starts a fused stateless run the parts go straight into it
   * and the record object is never built.
   */
  forwardNew(key: unknown, value: unknown, timestamp: number, headers?: Record<string, string>): void;
  /**
   * Forward a KTable update: the record's value is the Change { newValue, oldValue }. When the only
   * child is a fused run that starts with toStream (which keeps only newValue), newValue goes straight
   * into it and the Change object is never built.
   */
  forwardChange(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number): void;
  getStateStore<S extends StateStore = StateStore>(name: string): S;
  /** Counts a record dropped as late/expired or invalid (Kafka's dropped-records metric); `reason` says which rule dropped it. */
  recordDropped(reason?: DropReason): void;
  /** Register work to run when the task flushes its caches (after every input record, as TTD commits). */
  onFlush(flush: () => void): void;
  /** Schedules a punctuation on the task (STREAM_TIME or WALL_CLOCK_TIME). */
  schedule(request: ScheduleRequest): Cancellable;
  /** The input record being processed (null inside a punctuator). */
  recordMetadata(): RecordMetadata | null;
  /** The task's stream time: the largest timestamp of the records it was given (-1 before any). */
  currentStreamTimeMs(): number;
  /** The task's wall clock (the driver's mock clock; the real clock on Kafka). */
  currentSystemTimeMs(): number;
  /** Names of the children, in the order they were added. */
  readonly childNames: readonly string[];
}
