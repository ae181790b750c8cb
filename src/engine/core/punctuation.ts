/**
 * Punctuation schedules of one task (Kafka's PunctuationQueue), one queue per time type. A schedule
 * is due when the time reaches its due time; it then runs ONCE with the current time, and its next
 * due time is the smallest due + k * interval (k >= 1) strictly after that time: missed intervals
 * are skipped, never replayed. STREAM_TIME schedules start due at 0 (the first record punctuates);
 * WALL_CLOCK_TIME schedules at the clock when scheduled plus the interval.
 */
import type { Cancellable, PunctuationType } from '../processor-api';

export interface Punctuation {
  readonly processor: string;
  readonly owner: string;
  readonly type: PunctuationType;
  readonly intervalMs: number;
  /** Which of the processor's schedules this is (0-based, in the order it scheduled them). */
  readonly index: number;
  /** The callback's name, when it has one (`flushStore` in `const flushStore = (t) => ...`). */
  readonly callbackName: string;
  /** Runs the callback with the punctuation time (the owner wraps context and errors around it). */
  readonly run: (timestamp: number) => void;
  due: number;
  cancelled: boolean;
  /** Order of scheduling: ties of due time run in it. */
  readonly seq: number;
}

export class PunctuationQueue {
  private readonly schedules: Punctuation[] = [];
  private seq = 0;

  get size(): number {
    return this.schedules.length;
  }

  add(p: Omit<Punctuation, 'cancelled' | 'seq'>): Cancellable {
    const s: Punctuation = { ...p, cancelled: false, seq: this.seq++ };
    this.schedules.push(s);
    return {
      cancel: () => {
        s.cancelled = true;
        const i = this.schedules.indexOf(s);
        if (i >= 0) this.schedules.splice(i, 1);
      },
    };
  }

  /** Runs every schedule due at `time` (in due order); returns how many ran. */
  punctuate(time: number): number {
    let ran = 0;
    for (;;) {
      let next: Punctuation | null = null;
      for (const s of this.schedules) if (s.due <= time && (next === null || s.due < next.due || (s.due === next.due && s.seq < next.seq))) next = s;
      if (next === null) return ran;
      next.due = nextDue(next.due, next.intervalMs, time);
      ran++;
      next.run(time);
    }
  }
}

/** The smallest due + k * interval (k >= 1) strictly greater than `time`. */
export function nextDue(due: number, interval: number, time: number): number {
  const step = Math.max(1, interval);
  if (time < due + step) return due + step;
  return due + (Math.floor((time - due) / step) + 1) * step;
}
