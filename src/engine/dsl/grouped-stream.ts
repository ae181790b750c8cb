/** KGroupedStream: count / reduce / aggregate per key, or windowedBy(...) first. */
import type { KGroupedStreamApi } from '../api';
import { aggregateAggregation, countAggregation, reduceAggregation, type StreamAggregation } from '../processors/aggregators';
import type { KStreamImpl } from './kstream';
import { KTableImpl } from './ktable';
import { plainParts, type AggregationParts } from './aggregation-parts';
import { aggregationTarget, CogroupedKStreamImpl, type CogroupInput } from './cogrouped-stream';
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
   * time-windowed and session-windowed aggregations (which pass their own parts).
   */
  addAggregation<VA>(prefix: string, args: unknown[], aggregation: StreamAggregation, parts: AggregationParts): KTableImpl<K, VA> {
    const t = aggregationTarget(this.stream.spec, prefix, args, parts);
    this.input(t.name).addProcessor(t.name, t.name, () => parts.processor(aggregation, t.storeName, t.caching, t.node.oldValues), [t.storeName]);
    return new KTableImpl<K, VA>(this.stream.builder, t.name, t.name, t.queryable, t.node, undefined, undefined, parts.windowed?.info ?? null);
  }

  private aggregation<VA>(prefix: string, aggregation: StreamAggregation, args: unknown[]): KTableImpl<K, VA> {
    return this.addAggregation<VA>(prefix, args, aggregation, plainParts(this.stream.spec));
  }

  /** Kafka's KGroupedStream#cogroup: the first input of a cogroup, with its aggregator. */
  // VA defaults to any: Java takes the aggregate type from the aggregator; untyped TypeScript lambdas cannot say it.
  cogroup<VA = any>(aggregator: (k: K, v: V, a: VA) => VA): CogroupedKStreamImpl<K, VA> {
    return new CogroupedKStreamImpl<K, VA>([{ grouped: this, aggregator: aggregator as F as CogroupInput['aggregator'] }]);
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
