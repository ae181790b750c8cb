/** TimeWindowedKStream (tumbling, hopping, sliding) and SessionWindowedKStream aggregations. */
import type { SessionWindowedKStreamApi, TimeWindowedKStreamApi, Windowed } from '../api';
import { WindowStore } from '../stores/window-store';
import { SessionStore } from '../stores/session-store';
import { WindowAggregateProcessor } from '../processors/window-aggregate';
import { SlidingAggregateProcessor } from '../processors/sliding-aggregate';
import { SessionAggregateProcessor } from '../processors/session-aggregate';
import { aggregateAggregation, countAggregation, reduceAggregation, type StreamAggregation } from '../processors/aggregators';
import { EmitStrategy, Materialized, pick, type EmitMode } from './config';
import type { KGroupedStreamImpl } from './grouped-stream';
import type { KTableImpl } from './ktable';
import type { ValueGetterSupplier } from './table-getter';
import { SessionWindows, SlidingWindows, TimeWindows } from '../windows';

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
    const w = this.windows;
    const spec = this.grouped.builder.spec;
    const mat = pick(args, Materialized);
    const sliding = w instanceof SlidingWindows;
    const size = sliding ? w.timeDifferenceMs : (w as TimeWindows).sizeMs;
    // Kafka's default retention: size + grace (sliding: 2 * difference + grace); Materialized may extend it.
    const retention = Math.max(mat?.retentionMs ?? 0, sliding ? 2 * size + w.graceMs : size + w.graceMs);
    const mode = this.mode;
    // Kafka caches an emit-final store for time windows, never for sliding windows (Window/SlidingWindowStoreMaterializer).
    const layout = { timeFirst: mode === 'onWindowClose', cached: (mat ? mat.caching : true) && (!sliding || mode === 'onWindowUpdate') };
    const table = this.grouped.addAggregation<VA>(
      prefix,
      args,
      (name, logging) => {
        spec.addStore({ name, kind: 'window', factory: () => new WindowStore(name, retention, size, layout), logging });
        return name;
      },
      (store, caching, old) =>
        sliding
          ? new SlidingAggregateProcessor(w, { aggregation, storeName: store, caching, emitMode: mode, oldValues: old })
          : new WindowAggregateProcessor(w as TimeWindows, { aggregation, storeName: store, caching, emitMode: mode, oldValues: old }),
      { view: windowStoreView, info: { type: sliding ? 'sliding' : 'time', graceMs: w.graceMs, gapMs: 0 } },
    );
    return table as unknown as KTableImpl<Windowed<K>, VA>;
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

  private build<VA>(prefix: string, aggregation: StreamAggregation, merger: ((k: unknown, a: unknown, b: unknown) => unknown) | null, args: unknown[]): KTableImpl<Windowed<K>, VA> {
    const spec = this.grouped.builder.spec;
    const mode = this.mode;
    const w = this.windows;
    const mat = pick(args, Materialized);
    const retention = Math.max(mat?.retentionMs ?? 0, w.gapMs + w.graceMs);
    const layout = { timeFirst: mode === 'onWindowClose', cached: mode === 'onWindowUpdate' && (mat ? mat.caching : true) };
    const table = this.grouped.addAggregation<VA>(
      prefix,
      args,
      (name, logging) => {
        spec.addStore({ name, kind: 'session', factory: () => new SessionStore(name, retention, layout), logging });
        return name;
      },
      (store, caching, old) => new SessionAggregateProcessor(w, merger, { aggregation, storeName: store, caching, emitMode: mode, oldValues: old }),
      { view: sessionStoreView, info: { type: 'session', graceMs: w.graceMs, gapMs: w.gapMs } },
    );
    return table as unknown as KTableImpl<Windowed<K>, VA>;
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

/** Reads a window store by windowed key, like Kafka's value getter: through the record cache when there is one. */
function windowStoreView(windowStore: string): ValueGetterSupplier {
  return {
    storeNames: [windowStore],
    create: (ctx) => {
      const s = ctx.getStateStore(windowStore) as WindowStore;
      return (key) => {
        const wk = key as Windowed<unknown>;
        const e = s.query(wk.key, wk.start);
        return e ? { value: e.value, timestamp: e.timestamp } : null;
      };
    },
  };
}

/** Reads a session store by windowed key (the session's end is its timestamp). */
function sessionStoreView(sessionStore: string): ValueGetterSupplier {
  return {
    storeNames: [sessionStore],
    create: (ctx) => {
      const s = ctx.getStateStore(sessionStore) as SessionStore;
      return (key) => {
        const wk = key as Windowed<unknown>;
        const e = s.query(wk.key, wk.start, wk.end);
        return e ? { value: e.value, timestamp: e.end } : null;
      };
    },
  };
}
