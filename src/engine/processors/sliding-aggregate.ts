/**
 * Sliding window aggregation (Kafka's KStreamSlidingWindowAggregate). Windows are [start, start + d],
 * both inclusive. Each record has a left window [t - d, t]; its right window [t + 1, t + 1 + d] exists
 * once a record in (t, t + d] has been seen. Records with t < d share the window [0, d]. A window update
 * is skipped when windowEnd < streamTime - grace. Existing windows are walked newest first, as Kafka's
 * reverse iterator does, which fixes the emission order.
 */
import type { StreamRecord } from '../core/record';
import type { WindowEntry, WindowStore } from '../stores/window-store';
import type { SlidingWindows } from '../windows';
import { initial } from './aggregators';
import { WindowedAggregateBase, type WindowedConfig } from './windowed-base';

type Agg = { value: unknown; timestamp: number };

export class SlidingAggregateProcessor extends WindowedAggregateBase<WindowStore> {
  private readonly d: number;
  /** KStreamSlidingWindowAggregate skips null values as well as null keys (both counted as dropped). */
  protected override readonly skipsNullValues = true;

  constructor(
    private readonly windows: SlidingWindows,
    config: WindowedConfig,
  ) {
    super(config);
    this.d = windows.timeDifferenceMs;
  }

  protected aggregate(r: StreamRecord) {
    const t = r.timestamp;
    const closeTime = this.streamTime - this.windows.graceMs;
    if (t + 1 + this.d <= closeTime) {
      this.ctx.recordDropped({ code: 'expired-window', window: { start: t + 1, end: t + 1 + this.d }, lateByMs: closeTime - (t + 1 + this.d) });
      return;
    }
    if (t < this.d) this.processEarly(r, closeTime);
    else this.processNormal(r, closeTime);
    if (!this.emitOnUpdate) this.emitFinal(closeTime);
  }

  private processNormal(r: StreamRecord, closeTime: number) {
    const t = r.timestamp;
    const d = this.d;
    const starts = new Set<number>();
    let leftAgg: Agg | null = null;
    let rightAgg: Agg | null = null;
    let leftExists = false;
    let rightExists = false;
    let prevTs: number | null = null;
    const existing = this.store.fetchRange(r.key, Math.max(0, t - 2 * d), t + 1).reverse();
    for (const w of existing) {
      starts.add(w.start);
      const end = w.start + d;
      if (w.start === t + 1) {
        rightExists = true;
      } else if (end > t) {
        if (!rightAgg) rightAgg = w;
        this.update(w.start, w, r, closeTime);
      } else if (end === t) {
        leftExists = true;
        this.update(w.start, w, r, closeTime);
        if (w.timestamp < t) prevTs = w.timestamp;
        else return; // a record at t already exists: its windows are all in place
      } else {
        leftAgg = w;
        prevTs = w.timestamp;
        break;
      }
    }
    // The previous record's right window, if it does not exist yet and this record falls into it.
    if (prevTs !== null && !starts.has(prevTs + 1) && prevTs + 1 + d >= t) {
      this.update(prevTs + 1, { value: initial(this.config.aggregation), timestamp: t, fresh: true }, r, closeTime);
    }
    if (!leftExists) {
      const leftNotEmpty = prevTs !== null && t - d <= prevTs;
      const base = leftNotEmpty && leftAgg ? { value: leftAgg.value, timestamp: t } : { value: initial(this.config.aggregation), timestamp: t, fresh: true };
      this.update(t - d, base, r, closeTime);
    }
    if (!rightExists && rightAgg && rightAgg.timestamp > t) this.createRight(r.key, t, rightAgg);
  }

  private processEarly(r: StreamRecord, closeTime: number) {
    const t = r.timestamp;
    let combined: WindowEntry<unknown, unknown> | null = null;
    let rightAgg: Agg | null = null;
    let rightExists = false;
    const starts = new Set<number>();
    let prevTs: number | null = null;
    for (const w of this.store.fetchRange(r.key, 0, t + 1)) {
      starts.add(w.start);
      if (w.start === 0) {
        combined = w;
        if (w.timestamp < t) prevTs = w.timestamp;
      } else if (w.start <= t) {
        rightAgg = w;
        this.update(w.start, w, r, closeTime);
      } else if (w.start === t + 1) {
        rightExists = true;
      }
    }
    if (!rightAgg && combined && combined.timestamp > t) rightAgg = combined;
    if (!rightExists && rightAgg && rightAgg.timestamp > t) this.createRight(r.key, t, rightAgg);
    if (prevTs !== null && !starts.has(prevTs + 1)) {
      this.update(prevTs + 1, { value: initial(this.config.aggregation), timestamp: t, fresh: true }, r, closeTime);
    }
    if (!combined) this.update(0, { value: initial(this.config.aggregation), timestamp: t, fresh: true }, r, closeTime);
    else this.update(0, combined, r, closeTime);
  }

  /** The current record's right window starts as a copy of the aggregate of the records after it. */
  private createRight(key: unknown, t: number, rightAgg: Agg) {
    const start = t + 1;
    this.store.put(key, start, rightAgg.value, rightAgg.timestamp);
    if (this.emitOnUpdate) this.emitter.emit({ key, start, end: start + this.d }, rightAgg.value, null, rightAgg.timestamp);
  }

  private update(start: number, current: Agg & { fresh?: boolean }, r: StreamRecord, closeTime: number) {
    const end = start + this.d;
    if (end < closeTime) {
      this.ctx.recordDropped({ code: 'expired-window', window: { start, end }, lateByMs: closeTime - end });
      return;
    }
    const oldAgg = current.fresh ? null : current.value;
    const newAgg = this.config.aggregation.add(r.key, r.value, current.value);
    const ts = current.fresh ? r.timestamp : Math.max(r.timestamp, current.timestamp);
    this.store.put(r.key, start, newAgg, ts);
    if (this.emitOnUpdate) this.emitter.emit({ key: r.key, start, end }, newAgg, oldAgg, ts);
  }

  /** onWindowClose: windows whose end is before streamTime - grace are final. */
  private emitFinal(closeTime: number) {
    if (closeTime <= this.lastEmitCloseTime) return;
    const d = this.d;
    const from = this.lastEmitCloseTime === -Infinity ? -Infinity : this.lastEmitCloseTime - d;
    for (const w of this.store.fetchAll(from, closeTime - d - 1, true)) {
      this.ctx.forward({ key: { key: w.key, start: w.start, end: w.start + d }, value: { newValue: w.value, oldValue: null }, timestamp: w.timestamp });
    }
    this.lastEmitCloseTime = closeTime;
  }
}
