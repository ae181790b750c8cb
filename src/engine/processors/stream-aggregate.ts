/** KGroupedStream count/reduce/aggregate (Kafka's KStreamAggregate / KStreamReduce). */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValueStore } from '../stores/kv-store';
import { initial, type StreamAggregation } from './aggregators';
import { storeEmitter, TableEmitter, type OldValues } from './table-emitter';

export class StreamAggregateProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store!: KeyValueStore;
  private emitter!: TableEmitter;

  constructor(
    private readonly aggregation: StreamAggregation,
    private readonly storeName: string,
    private readonly caching: boolean,
    private readonly oldValues: OldValues,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<KeyValueStore>(this.storeName);
    this.emitter = storeEmitter(this.store, () => new TableEmitter(ctx, this.caching, () => this.oldValues.enabled));
  }

  process(r: StreamRecord) {
    // Null keys cannot be grouped and null values are skipped, as in Kafka (both counted as dropped).
    if (r.key === null || r.key === undefined || r.value === null || r.value === undefined) {
      this.ctx.recordDropped({ code: r.key === null || r.key === undefined ? 'null-key' : 'null-value' });
      return;
    }
    const old = this.store.get(r.key);
    const oldValue = old ? old.value : null;
    const newAgg = this.aggregation.add(r.key, r.value, old ? oldValue : initial(this.aggregation));
    // Rule: the aggregate's timestamp is the max of the current aggregate's and the record's.
    const ts = old ? Math.max(old.timestamp, r.timestamp) : r.timestamp;
    if (old) this.store.replace(old, r.key, newAgg, ts);
    else this.store.put(r.key, newAgg, ts);
    this.emitter.emit(r.key, newAgg, oldValue, ts);
  }
}
