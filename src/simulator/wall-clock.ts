/**
 * How the preview moves the mock wall clock that WALL_CLOCK_TIME punctuators see (TopologyTestDriver's
 * clock never moves by itself): by a fixed step after each input record (a steady processing pace),
 * up to each record's timestamp (as if the records arrived live, when they happened), and once
 * after the samples. Punctuations then run where a running app would run them: after the record
 * that the thread processed before the clock passed their due time.
 */
import type { TopologyTestDriver } from '../engine';
import type { SimulationRequest } from './types';

export class PreviewWallClock {
  constructor(private readonly plan: NonNullable<SimulationRequest['wallClock']> = {}) {}

  /** Whether the clock moves while records are piped (not only after them). */
  get movesPerRecord(): boolean {
    return (this.plan.perRecordMs ?? 0) > 0 || this.plan.followEventTime === true;
  }

  afterRecord(driver: TopologyTestDriver, timestamp: number): void {
    const step = this.plan.perRecordMs ?? 0;
    if (step > 0) driver.advanceWallClockTime(step);
    if (this.plan.followEventTime && timestamp > driver.wallClockMs) driver.advanceWallClockTime(timestamp - driver.wallClockMs);
  }

  afterSamples(driver: TopologyTestDriver): void {
    const ms = this.plan.advanceMs ?? 0;
    if (ms > 0) driver.advanceWallClockTime(ms);
  }
}
