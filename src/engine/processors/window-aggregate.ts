/**
 * Tumbling/hopping window aggregation (Kafka's KStreamWindowAggregate). Stream time is this
 * processor's own (max record timestamp seen). A window accepts a record while
 * windowEnd > streamTime - grace; otherwise the update is dropped and counted. Updates go out in
 * ascending window start order; with onWindowClose only final results, once per window.
 */
import type { StreamRecord } from '../core/record';
import type { WindowStore } from '../stores/window-store';
import type { TimeWindows } from '../windows';
import { initial } from './aggregators';
import { WindowedAggregateBase, type WindowedConfig } from './windowed-base';

export class WindowAggregateProcessor extends WindowedAggregateBase<WindowStore> {
  constructor(
    private readonly windows: TimeWindows,
    config: WindowedConfig,
  ) {
    super(config);
  }

  protected aggregate(r: StreamRecord) {
    const t = r.timestamp;
    const closeTime = this.streamTime - this.windows.graceMs;
    const size = this.windows.sizeMs;
    const advance = this.windows.advanceMs;
    // The starts of windowStartsFor(t), walked without building its array for every record.
    for (let start = this.windows.firstStartFor(t); start <= t; start += advance) {
      const end = start + size;
      if (end <= t) continue;
      if (end <= closeTime) {
        this.ctx.recordDropped({ code: 'expired-window', window: { start, end }, lateByMs: closeTime - end });
        continue;
      }
      const old = this.store.fetch(r.key, start);
      // Read before the store updates the entry in place.
      const oldValue = old ? old.value : null;
      const newAgg = this.config.aggregation.add(r.key, r.value, old ? oldValue : initial(this.config.aggregation));
      const ts = old ? Math.max(old.timestamp, t) : t;
      if (old) this.store.replace(old, r.key, newAgg, ts);
      else this.store.put(r.key, start, newAgg, ts);
      if (this.emitOnUpdate) this.emitter.emit({ key: r.key, start, end }, newAgg, oldValue, ts);
    }
    if (!this.emitOnUpdate) this.emitFinal(closeTime);
  }

  /** Emit every window that closed since the last emission (end <= streamTime - grace). */
  private emitFinal(closeTime: number) {
    if (closeTime <= this.lastEmitCloseTime) return;
    const size = this.windows.sizeMs;
    const from = this.lastEmitCloseTime === -Infinity ? -Infinity : this.lastEmitCloseTime - size + 1;
    for (const w of this.store.fetchAll(from, closeTime - size, true)) {
      this.ctx.forward({ key: { key: w.key, start: w.start, end: w.start + size }, value: { newValue: w.value, oldValue: null }, timestamp: w.timestamp });
    }
    this.lastEmitCloseTime = closeTime;
  }
}
