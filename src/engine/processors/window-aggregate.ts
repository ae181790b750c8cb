/**
 * Tumbling/hopping window aggregation (Kafka's KStreamWindowAggregate). Stream time is this
 * processor's own (max record timestamp seen). A window accepts a record while
 * windowEnd > streamTime - grace; otherwise the update is dropped and counted. Updates go out in
 * ascending window start order; with onWindowClose only final results, once per window.
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { WindowStore } from '../stores/window-store';
import type { TimeWindows } from '../windows';
import type { EmitMode } from '../dsl/config';
import { initial, type StreamAggregation } from './aggregators';
import { TableEmitter, type OldValues } from './table-emitter';

export class WindowAggregateProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store!: WindowStore;
  private emitter!: TableEmitter;
  private streamTime = -Infinity;
  private lastEmitCloseTime = -Infinity;

  constructor(
    private readonly windows: TimeWindows,
    private readonly aggregation: StreamAggregation,
    private readonly storeName: string,
    private readonly caching: boolean,
    private readonly emitMode: EmitMode,
    private readonly oldValues: OldValues,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<WindowStore>(this.storeName);
    this.emitter = new TableEmitter(ctx, this.caching && this.emitMode === 'onWindowUpdate', () => this.oldValues.enabled);
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined || r.value === null || r.value === undefined) {
      this.ctx.recordDropped();
      return;
    }
    const t = r.timestamp;
    this.streamTime = Math.max(this.streamTime, t);
    const closeTime = this.streamTime - this.windows.graceMs;
    const size = this.windows.sizeMs;
    for (const start of this.windows.windowStartsFor(t)) {
      const end = start + size;
      if (end <= closeTime) {
        this.ctx.recordDropped();
        continue;
      }
      const old = this.store.fetch(r.key, start);
      const oldAgg = old ? old.value : initial(this.aggregation);
      const newAgg = this.aggregation.add(r.key, r.value, oldAgg);
      const ts = old ? Math.max(old.timestamp, t) : t;
      this.store.put(r.key, start, newAgg, ts);
      if (this.emitMode === 'onWindowUpdate') this.emitter.emit({ key: r.key, start, end }, newAgg, old ? old.value : null, ts);
    }
    if (this.emitMode === 'onWindowClose') this.emitFinal(closeTime);
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
