/** Window definitions (Kafka's TimeWindows, SlidingWindows, SessionWindows, JoinWindows). Durations in ms. */
function checkMs(what: string, ms: number, allowZero = true): number {
  if (!Number.isFinite(ms) || ms < 0 || (!allowZero && ms === 0)) throw new Error(`${what} must be ${allowZero ? 'zero or positive' : 'positive'} milliseconds, got ${ms}`);
  return ms;
}

/** Tumbling (advance = size) and hopping windows: [start, start + size). */
export class TimeWindows {
  private constructor(
    readonly sizeMs: number,
    readonly advanceMs: number,
    readonly graceMs: number,
  ) {}
  static ofSizeWithNoGrace(sizeMs: number): TimeWindows {
    return new TimeWindows(checkMs('window size', sizeMs, false), sizeMs, 0);
  }
  static ofSizeAndGrace(sizeMs: number, graceMs: number): TimeWindows {
    return new TimeWindows(checkMs('window size', sizeMs, false), sizeMs, checkMs('grace', graceMs));
  }
  advanceBy(advanceMs: number): TimeWindows {
    checkMs('advance', advanceMs, false);
    if (advanceMs > this.sizeMs) throw new Error(`window advance (${advanceMs} ms) must not exceed the window size (${this.sizeMs} ms)`);
    return new TimeWindows(this.sizeMs, advanceMs, this.graceMs);
  }
  /** Starts of every window containing t, ascending; never negative. */
  windowStartsFor(t: number): number[] {
    const out: number[] = [];
    for (let start = this.firstStartFor(t); start <= t; start += this.advanceMs) if (start + this.sizeMs > t) out.push(start);
    return out;
  }

  /**
   * Where windowStartsFor(t) starts looking: from here by advanceMs while start <= t, the starts with
   * start + sizeMs > t are the windows (the window aggregation walks them without building the list).
   */
  firstStartFor(t: number): number {
    const start = Math.max(0, t - this.sizeMs + this.advanceMs);
    return start - (start % this.advanceMs);
  }
}

/** Sliding windows: [start, start + timeDifference], both bounds inclusive. */
export class SlidingWindows {
  private constructor(
    readonly timeDifferenceMs: number,
    readonly graceMs: number,
  ) {}
  static ofTimeDifferenceWithNoGrace(d: number): SlidingWindows {
    return new SlidingWindows(checkMs('time difference', d, false), 0);
  }
  static ofTimeDifferenceAndGrace(d: number, graceMs: number): SlidingWindows {
    return new SlidingWindows(checkMs('time difference', d, false), checkMs('grace', graceMs));
  }
}

/** Session windows: a session closes after an inactivity gap. */
export class SessionWindows {
  private constructor(
    readonly gapMs: number,
    readonly graceMs: number,
  ) {}
  static ofInactivityGapWithNoGrace(gapMs: number): SessionWindows {
    return new SessionWindows(checkMs('inactivity gap', gapMs, false), 0);
  }
  static ofInactivityGapAndGrace(gapMs: number, graceMs: number): SessionWindows {
    return new SessionWindows(checkMs('inactivity gap', gapMs, false), checkMs('grace', graceMs));
  }
}

/** Stream-stream join windows: the other record's time within [t - before, t + after], inclusive. */
export class JoinWindows {
  private constructor(
    readonly beforeMs: number,
    readonly afterMs: number,
    readonly graceMs: number,
  ) {}
  static ofTimeDifferenceWithNoGrace(d: number): JoinWindows {
    return new JoinWindows(checkMs('time difference', d), d, 0);
  }
  static ofTimeDifferenceAndGrace(d: number, graceMs: number): JoinWindows {
    return new JoinWindows(checkMs('time difference', d), d, checkMs('grace', graceMs));
  }
  before(ms: number): JoinWindows {
    return new JoinWindows(checkMs('before', ms), this.afterMs, this.graceMs);
  }
  after(ms: number): JoinWindows {
    return new JoinWindows(this.beforeMs, checkMs('after', ms), this.graceMs);
  }
  get sizeMs(): number {
    return this.beforeMs + this.afterMs;
  }
}
