/**
 * KGroupedTable count/reduce/aggregate (Kafka's KTableAggregate / KTableReduce): each Change first
 * subtracts the old value (if any), then adds the new one, and emits ONE update per record.
 */
import type { ProcessorContext } from '../core/context';
import type { Change, StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValueStore } from '../stores/kv-store';
import { initial, type TableAggregation } from './aggregators';
import { TableEmitter, type OldValues } from './table-emitter';

export class TableAggregateProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store!: KeyValueStore;
  private emitter!: TableEmitter;

  constructor(
    private readonly aggregation: TableAggregation,
    private readonly storeName: string,
    private readonly caching: boolean,
    private readonly oldValues: OldValues,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<KeyValueStore>(this.storeName);
    this.emitter = new TableEmitter(ctx, this.caching, () => this.oldValues.enabled);
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) {
      this.ctx.recordDropped({ code: 'null-key' });
      return;
    }
    const c = r.value as Change;
    const old = this.store.get(r.key);
    const oldValue = old ? old.value : null;
    let agg: unknown = oldValue;
    let ts = old ? Math.max(old.timestamp, r.timestamp) : r.timestamp;
    if (c.oldValue !== null && c.oldValue !== undefined && old) {
      agg = this.aggregation.subtract(r.key, c.oldValue, agg);
    }
    if (c.newValue !== null && c.newValue !== undefined) {
      if (agg === null || agg === undefined) agg = initial(this.aggregation);
      agg = this.aggregation.add(r.key, c.newValue, agg);
    }
    // A subtraction with no aggregate to subtract from (e.g. the subtractor returned null before)
    // still writes and forwards the (null) aggregate, as Kafka's KTableAggregate / KTableReduce do.
    if (!old) ts = r.timestamp;
    this.store.put(r.key, agg ?? null, ts);
    this.emitter.emit(r.key, agg ?? null, oldValue, ts);
  }
}
