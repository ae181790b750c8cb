/** KGroupedStream: count / reduce / aggregate per key, or windowedBy(...) first. */
import type { KGroupedStreamApi } from '../api';
import { KeyValueStore } from '../stores/kv-store';
import { StreamAggregateProcessor } from '../processors/stream-aggregate';
import { aggregateAggregation, countAggregation, reduceAggregation, type StreamAggregation } from '../processors/aggregators';
import type { OldValues } from '../processors/table-emitter';
import type { Processor } from '../core/topology-spec';
import { Materialized, pick } from './config';
import type { KStreamImpl } from './kstream';
import { KTableImpl, type WindowInfo } from './ktable';
import { StoredTableNode } from './table-nodes';
import type { ValueGetterSupplier } from './table-getter';
import { nameFrom, storeNameFrom } from './names';
import { SessionWindowedKStreamImpl, TimeWindowedKStreamImpl } from './windowed-stream';
import { SessionWindows, SlidingWindows, TimeWindows } from '../windows';

type F = (...a: never[]) => unknown;

export class KGroupedStreamImpl<K, V> implements KGroupedStreamApi<K, V> {
  private repartitioned: KStreamImpl<K, V> | null = null;

  constructor(
    private readonly stream: KStreamImpl<K, V>,
    readonly groupName: string | null,
  ) {}

  /** The stream the aggregation reads: repartitioned (once) when the key was changed upstream. */
  input(aggName: string): KStreamImpl<K, V> {
    if (!this.repartitioned) this.repartitioned = this.stream.repartitionedIfRequired(this.groupName ?? aggName, this.groupName ?? aggName);
    return this.repartitioned;
  }

  get builder() {
    return this.stream.builder;
  }

  /**
   * Adds an aggregation processor with its store and returns the resulting table. Shared by plain,
   * time-windowed and session-windowed aggregations (which pass their own store and processor, and
   * how their store is read by key).
   */
  addAggregation<VA>(
    prefix: string,
    args: unknown[],
    store: (name: string, logging: boolean) => string,
    processor: (storeName: string, caching: boolean, oldValues: OldValues) => Processor,
    windowed?: { view: (storeName: string) => ValueGetterSupplier; info: WindowInfo },
  ): KTableImpl<K, VA> {
    const spec = this.stream.spec;
    const name = nameFrom(spec, args, prefix);
    const mat = pick(args, Materialized);
    const storeName = store(storeNameFrom(spec, args, name), mat?.logging ?? true);
    const node = new StoredTableNode(storeName, windowed?.view(storeName));
    const caching = mat ? mat.caching : true;
    this.input(name).addProcessor(name, name, () => processor(storeName, caching, node.oldValues), [storeName]);
    return new KTableImpl<K, VA>(this.stream.builder, name, name, mat?.storeName ?? null, node, undefined, undefined, windowed?.info ?? null);
  }

  private aggregation<VA>(prefix: string, aggregation: StreamAggregation, args: unknown[]): KTableImpl<K, VA> {
    const spec = this.stream.spec;
    return this.addAggregation<VA>(
      prefix,
      args,
      (name, logging) => {
        spec.addStore({ name, kind: 'keyValue', factory: () => new KeyValueStore(name), logging });
        return name;
      },
      (store, caching, old) => new StreamAggregateProcessor(aggregation, store, caching, old),
    );
  }

  count(...args: unknown[]): KTableImpl<K, number> {
    return this.aggregation('KSTREAM-AGGREGATE', countAggregation, args);
  }
  reduce(reducer: (a: V, v: V) => V, ...args: unknown[]): KTableImpl<K, V> {
    return this.aggregation('KSTREAM-REDUCE', reduceAggregation(reducer as F as never), args);
  }
  aggregate<VA>(initializer: () => VA, aggregator: (k: K, v: V, a: VA) => VA, ...args: unknown[]): KTableImpl<K, VA> {
    return this.aggregation('KSTREAM-AGGREGATE', aggregateAggregation(initializer, aggregator as F as never), args);
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStreamImpl<K, V>;
  windowedBy(windows: SessionWindows): SessionWindowedKStreamImpl<K, V>;
  windowedBy(windows: unknown): TimeWindowedKStreamImpl<K, V> | SessionWindowedKStreamImpl<K, V> {
    if (windows instanceof SessionWindows) return new SessionWindowedKStreamImpl<K, V>(this, windows);
    if (windows instanceof TimeWindows || windows instanceof SlidingWindows) return new TimeWindowedKStreamImpl<K, V>(this, windows);
    throw new Error('windowedBy expects TimeWindows, SlidingWindows or SessionWindows');
  }
}
