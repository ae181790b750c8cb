/**
 * What an aggregation is made of besides its inputs: its store, the processor that folds one input
 * into it, and (windowed) how its store is read by key. Plain, time-windowed (tumbling, hopping,
 * sliding) and session-windowed aggregations of one grouped stream and of a cogroup share these, so
 * a cogroup runs the very processors a single-stream aggregation runs, one per input.
 */
import type { Windowed } from '../api';
import type { Processor, TopologySpec } from '../core/topology-spec';
import { KeyValueStore } from '../stores/kv-store';
import { WindowStore } from '../stores/window-store';
import { SessionStore } from '../stores/session-store';
import { StreamAggregateProcessor } from '../processors/stream-aggregate';
import { WindowAggregateProcessor } from '../processors/window-aggregate';
import { SlidingAggregateProcessor } from '../processors/sliding-aggregate';
import { SessionAggregateProcessor } from '../processors/session-aggregate';
import type { StreamAggregation } from '../processors/aggregators';
import type { OldValues } from '../processors/table-emitter';
import type { EmitMode, Materialized } from './config';
import type { WindowInfo } from './ktable';
import type { ValueGetterSupplier } from './table-getter';
import { SessionWindows, SlidingWindows, type TimeWindows } from '../windows';

export type Merger = (k: unknown, a: unknown, b: unknown) => unknown;

export interface AggregationParts {
  /** Adds the store (named `name`) to the topology; returns its name. */
  store: (name: string, logging: boolean) => string;
  /** The processor folding one input's records into the store with `aggregation`. */
  processor: (aggregation: StreamAggregation, storeName: string, caching: boolean, oldValues: OldValues) => Processor;
  /** Windowed: how the store is read by windowed key, and the window facts downstream needs. */
  windowed?: { view: (storeName: string) => ValueGetterSupplier; info: WindowInfo };
}

export function plainParts(spec: TopologySpec): AggregationParts {
  return {
    store: (name, logging) => {
      spec.addStore({ name, kind: 'keyValue', factory: () => new KeyValueStore(name), logging });
      return name;
    },
    processor: (aggregation, store, caching, old) => new StreamAggregateProcessor(aggregation, store, caching, old),
  };
}

/** Tumbling, hopping and sliding windows. */
export function timeWindowParts(spec: TopologySpec, w: TimeWindows | SlidingWindows, mode: EmitMode, mat: Materialized | undefined): AggregationParts {
  const sliding = w instanceof SlidingWindows;
  const size = sliding ? w.timeDifferenceMs : (w as TimeWindows).sizeMs;
  // Kafka's default retention: size + grace (sliding: 2 * difference + grace); Materialized may extend it.
  const retention = Math.max(mat?.retentionMs ?? 0, sliding ? 2 * size + w.graceMs : size + w.graceMs);
  // Kafka caches an emit-final store for time windows, never for sliding windows (Window/SlidingWindowStoreMaterializer).
  const layout = { timeFirst: mode === 'onWindowClose', cached: (mat ? mat.caching : true) && (!sliding || mode === 'onWindowUpdate') };
  return {
    store: (name, logging) => {
      spec.addStore({ name, kind: 'window', factory: () => new WindowStore(name, retention, size, layout), logging });
      return name;
    },
    processor: (aggregation, storeName, caching, oldValues) =>
      sliding
        ? new SlidingAggregateProcessor(w, { aggregation, storeName, caching, emitMode: mode, oldValues })
        : new WindowAggregateProcessor(w as TimeWindows, { aggregation, storeName, caching, emitMode: mode, oldValues }),
    windowed: { view: windowStoreView, info: { type: sliding ? 'sliding' : 'time', graceMs: w.graceMs, gapMs: 0 } },
  };
}

export function sessionWindowParts(spec: TopologySpec, w: SessionWindows, mode: EmitMode, mat: Materialized | undefined, merger: Merger | null): AggregationParts {
  const retention = Math.max(mat?.retentionMs ?? 0, w.gapMs + w.graceMs);
  const layout = { timeFirst: mode === 'onWindowClose', cached: mode === 'onWindowUpdate' && (mat ? mat.caching : true) };
  return {
    store: (name, logging) => {
      spec.addStore({ name, kind: 'session', factory: () => new SessionStore(name, retention, layout), logging });
      return name;
    },
    processor: (aggregation, storeName, caching, oldValues) => new SessionAggregateProcessor(w, merger, { aggregation, storeName, caching, emitMode: mode, oldValues }),
    windowed: { view: sessionStoreView, info: { type: 'session', graceMs: w.graceMs, gapMs: w.gapMs } },
  };
}

/** The parts for any window type (windowedBy takes TimeWindows, SlidingWindows or SessionWindows). */
export function windowParts(spec: TopologySpec, w: TimeWindows | SlidingWindows | SessionWindows, mode: EmitMode, mat: Materialized | undefined, merger: Merger | null): AggregationParts {
  return w instanceof SessionWindows ? sessionWindowParts(spec, w, mode, mat, merger) : timeWindowParts(spec, w, mode, mat);
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
