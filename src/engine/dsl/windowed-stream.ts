/** TimeWindowedKStream (tumbling, hopping, sliding) and SessionWindowedKStream aggregations. */
import type { SessionWindowedKStreamApi, TimeWindowedKStreamApi, Windowed } from '../api';
import { aggregateAggregation, countAggregation, reduceAggregation, type StreamAggregation } from '../processors/aggregators';
import { EmitStrategy, Materialized, pick, type EmitMode } from './config';
import type { KGroupedStreamImpl } from './grouped-stream';
import type { KTableImpl } from './ktable';
import { sessionWindowParts, timeWindowParts, type Merger } from './aggregation-parts';
import type { SessionWindows, SlidingWindows, TimeWindows } from '../windows';

type F = (...a: never[]) => unknown;

export class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStreamApi<K, V> {
  private mode: EmitMode = 'onWindowUpdate';
  constructor(
    private readonly grouped: KGroupedStreamImpl<K, V>,
    private readonly windows: TimeWindows | SlidingWindows,
  ) {}

  emitStrategy(strategy: EmitStrategy): this {
    this.mode = strategy.mode;
    return this;
  }

  private build<VA>(prefix: string, aggregation: StreamAggregation, args: unknown[]): KTableImpl<Windowed<K>, VA> {
    const parts = timeWindowParts(this.grouped.builder.spec, this.windows, this.mode, pick(args, Materialized));
    return this.grouped.addAggregation<VA>(prefix, args, aggregation, parts) as unknown as KTableImpl<Windowed<K>, VA>;
  }

  count(...args: unknown[]): KTableImpl<Windowed<K>, number> {
    return this.build('KSTREAM-AGGREGATE', countAggregation, args);
  }
  reduce(reducer: (a: V, v: V) => V, ...args: unknown[]): KTableImpl<Windowed<K>, V> {
    return this.build('KSTREAM-REDUCE', reduceAggregation(reducer as F as never), args);
  }
  aggregate<VA>(initializer: () => VA, aggregator: (k: K, v: V, a: VA) => VA, ...args: unknown[]): KTableImpl<Windowed<K>, VA> {
    return this.build('KSTREAM-AGGREGATE', aggregateAggregation(initializer, aggregator as F as never), args);
  }
}

export class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStreamApi<K, V> {
  private mode: EmitMode = 'onWindowUpdate';
  constructor(
    private readonly grouped: KGroupedStreamImpl<K, V>,
    private readonly windows: SessionWindows,
  ) {}

  emitStrategy(strategy: EmitStrategy): this {
    this.mode = strategy.mode;
    return this;
  }

  private build<VA>(prefix: string, aggregation: StreamAggregation, merger: Merger | null, args: unknown[]): KTableImpl<Windowed<K>, VA> {
    const parts = sessionWindowParts(this.grouped.builder.spec, this.windows, this.mode, pick(args, Materialized), merger);
    return this.grouped.addAggregation<VA>(prefix, args, aggregation, parts) as unknown as KTableImpl<Windowed<K>, VA>;
  }

  count(...args: unknown[]): KTableImpl<Windowed<K>, number> {
    return this.build('KSTREAM-AGGREGATE', countAggregation, (_k, a, b) => (a as number) + (b as number), args);
  }
  reduce(reducer: (a: V, v: V) => V, ...args: unknown[]): KTableImpl<Windowed<K>, V> {
    return this.build('KSTREAM-REDUCE', reduceAggregation(reducer as F as never), null, args);
  }
  aggregate<VA>(initializer: () => VA, aggregator: (k: K, v: V, a: VA) => VA, merger: (k: K, a: VA, b: VA) => VA, ...args: unknown[]): KTableImpl<Windowed<K>, VA> {
    return this.build('KSTREAM-AGGREGATE', aggregateAggregation(initializer, aggregator as F as never), merger as F as never, args);
  }
}
