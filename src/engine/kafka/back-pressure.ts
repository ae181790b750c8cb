/**
 * Back-pressure: when outputs cannot keep up (a slow broker or a throttled produce path), the app
 * stops fetching instead of buffering. Once the produce queue (records produced and not yet
 * acknowledged) passes its high-water mark in records or bytes, the fetch of the instance's input
 * partitions is paused (kafkajs consumer.pause); when it drains below the low-water mark in both,
 * they resume. The consumer keeps heartbeating while paused, so the group does not rebalance, which
 * a processing loop waiting for acknowledgements would risk past the session timeout.
 *
 * Every input partition of the instance is affected: the queue is one per instance and is sent in
 * order (as Kafka Streams' producer buffer is one per thread, and a full one blocks the whole thread),
 * so nothing another partition produces could leave before the queue drains anyway.
 */

export interface BackPressureLimits {
  /** Pause above this many unacknowledged records (PRODUCE_QUEUE_MAX_RECORDS). */
  maxRecords: number;
  /** Pause above this many unacknowledged bytes (PRODUCE_QUEUE_MAX_BYTES). */
  maxBytes: number;
  /** Resume once both are at or below this fraction of their limit (PRODUCE_QUEUE_RESUME_RATIO). */
  resumeRatio: number;
}

export const DEFAULT_BACK_PRESSURE: BackPressureLimits = { maxRecords: 10_000, maxBytes: 16 * 1024 * 1024, resumeRatio: 0.5 };

/** What the controller watches: the record collector's unacknowledged records and bytes. */
export interface ProduceQueue {
  readonly unacknowledged: number;
  readonly unacknowledgedBytes: number;
}

/** What it pauses: the consumer's fetching of the instance's input partitions. */
export interface FetchControl {
  pause(): void;
  resume(): void;
}

export class BackPressure {
  paused = false;
  /** Times fetching was paused (a metric). */
  pauses = 0;

  constructor(
    private readonly limits: BackPressureLimits,
    private readonly queue: ProduceQueue,
    private readonly fetch: FetchControl,
  ) {}

  /** After records were produced (an input batch) and after acknowledgements: pauses or resumes as the queue says. */
  check(): void {
    const { unacknowledged: records, unacknowledgedBytes: bytes } = this.queue;
    const { maxRecords, maxBytes, resumeRatio } = this.limits;
    if (!this.paused && (records > maxRecords || bytes > maxBytes)) {
      this.paused = true;
      this.pauses++;
      this.fetch.pause();
    } else if (this.paused && records <= maxRecords * resumeRatio && bytes <= maxBytes * resumeRatio) {
      this.paused = false;
      this.fetch.resume();
    }
  }

  /** A new consumer or assignment: fetching starts unpaused there, so pause it again if the queue is still full. */
  reapply(): void {
    if (this.paused) this.fetch.pause();
  }
}

/** The limits from the environment (unset: the defaults). */
export function backPressureFromEnv(env: Record<string, string | undefined>): BackPressureLimits {
  const num = (name: string, fallback: number, ok: (n: number) => boolean, what: string) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!ok(n)) throw new Error(`${name} must be ${what}, got "${text}"`);
    return n;
  };
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  return {
    maxRecords: num('PRODUCE_QUEUE_MAX_RECORDS', DEFAULT_BACK_PRESSURE.maxRecords, positive, 'a positive number'),
    maxBytes: num('PRODUCE_QUEUE_MAX_BYTES', DEFAULT_BACK_PRESSURE.maxBytes, positive, 'a positive number'),
    resumeRatio: num('PRODUCE_QUEUE_RESUME_RATIO', DEFAULT_BACK_PRESSURE.resumeRatio, (n) => n >= 0 && n < 1, 'at least 0 and below 1'),
  };
}
