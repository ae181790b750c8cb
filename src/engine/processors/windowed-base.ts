/**
 * What the windowed aggregations (time, sliding, session) share: their store, the emitter (cached
 * only when emitting on update), this processor's own stream time, and the null-key/value rules.
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { StateStore } from '../stores/state-store';
import type { EmitMode } from '../dsl/config';
import type { StreamAggregation } from './aggregators';
import { storeEmitter, TableEmitter, type OldValues } from './table-emitter';

export interface WindowedConfig {
  aggregation: StreamAggregation;
  storeName: string;
  caching: boolean;
  emitMode: EmitMode;
  oldValues: OldValues;
}

export abstract class WindowedAggregateBase<S extends StateStore> implements Processor {
  protected ctx!: ProcessorContext;
  protected store!: S;
  protected emitter!: TableEmitter;
  /** Max record timestamp this processor has seen (stream time is per processor). */
  protected streamTime = -Infinity;
  protected lastEmitCloseTime = -Infinity;

  constructor(protected readonly config: WindowedConfig) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<S>(this.config.storeName);
    this.emitter = storeEmitter(this.store, () => new TableEmitter(ctx, this.config.caching && this.config.emitMode === 'onWindowUpdate', () => this.config.oldValues.enabled, true));
  }

  /**
   * Whether a null value is skipped (and counted as dropped). Kafka's KStreamSlidingWindowAggregate
   * skips null keys and null values; KStreamWindowAggregate and KStreamSessionWindowAggregate only skip
   * null keys and hand a null value to the aggregator (count counts it, reduce keeps it as the new
   * aggregate).
   */
  protected readonly skipsNullValues: boolean = false;

  process(r: StreamRecord) {
    // Null keys cannot be windowed: skipped and counted as dropped.
    if (r.key === null || r.key === undefined || (this.skipsNullValues && (r.value === null || r.value === undefined))) {
      this.ctx.recordDropped({ code: r.key === null || r.key === undefined ? 'null-key' : 'null-value' });
      return;
    }
    this.streamTime = Math.max(this.streamTime, r.timestamp);
    this.aggregate(r);
  }

  protected abstract aggregate(r: StreamRecord): void;

  /**
   * After the store was restored from its changelog (Kafka runtime): resume stream time from the
   * newest restored window, so records that were late before a restart stay late after it.
   */
  afterRestore(): void {
    for (const e of this.store.all()) if (typeof e.timestamp === 'number') this.streamTime = Math.max(this.streamTime, e.timestamp);
  }

  protected get emitOnUpdate(): boolean {
    return this.config.emitMode === 'onWindowUpdate';
  }
}
