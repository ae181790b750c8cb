/**
 * State stores of user processors: `Stores` builds their specs (as Kafka's Stores factory does) and
 * the views below are what ctx.getStateStore returns. The views sit on the engine's own stores, so
 * changelogs, restore, the driver's store queries and the preview treat them like any other store.
 */
import type { StoreSpec } from '../core/topology-spec';
import { VersionedStoreSupplier } from '../dsl/config';
import type { ProcessorKeyValueStore, ProcessorSessionStore, ProcessorStateStore, ProcessorWindowStore, SessionKey } from '../processor-api';
import { KeyValueStore } from './kv-store';
import { SessionStore } from './session-store';
import type { StateStore } from './state-store';
import { WindowStore } from './window-store';

/** A store a processor declares: what Stores.*StoreBuilder returns and builder.addStateStore takes. */
export interface StoreBuilder {
  readonly __storeBuilder: true;
  readonly name: string;
  readonly kind: 'keyValue' | 'window' | 'session';
  readonly retentionMs?: number;
  readonly windowSizeMs?: number;
  readonly logging: boolean;
  withLoggingDisabled(): StoreBuilder;
}

interface StoreSupplier {
  name: string;
  kind: StoreBuilder['kind'];
  retentionMs?: number;
  windowSizeMs?: number;
}

function builderOf(s: StoreSupplier, logging = true): StoreBuilder {
  return { __storeBuilder: true, ...s, logging, withLoggingDisabled: () => builderOf(s, false) };
}

/** Kafka's Stores: in-memory suppliers wrapped in builders (no caching, logged unless disabled). */
export const Stores = {
  inMemoryKeyValueStore: (name: string): StoreSupplier => ({ name, kind: 'keyValue' }),
  inMemoryWindowStore: (name: string, retentionMs: number, windowSizeMs: number): StoreSupplier => ({ name, kind: 'window', retentionMs, windowSizeMs }),
  inMemorySessionStore: (name: string, retentionMs: number): StoreSupplier => ({ name, kind: 'session', retentionMs }),
  keyValueStoreBuilder: (supplier: StoreSupplier): StoreBuilder => builderOf(supplier),
  windowStoreBuilder: (supplier: StoreSupplier): StoreBuilder => builderOf(supplier),
  sessionStoreBuilder: (supplier: StoreSupplier): StoreBuilder => builderOf(supplier),
  /** For Materialized.as: a versioned table store (KIP-889), history kept for historyRetentionMs. */
  persistentVersionedKeyValueStore: (name: string, historyRetentionMs: number): VersionedStoreSupplier => new VersionedStoreSupplier(name, historyRetentionMs),
};

export function isStoreBuilder(x: unknown): x is StoreBuilder {
  return typeof x === 'object' && x !== null && (x as StoreBuilder).__storeBuilder === true;
}

/** The topology's spec of a declared store. */
export function storeSpecOf(b: StoreBuilder): StoreSpec {
  const { name } = b;
  const factory =
    b.kind === 'window'
      ? () => new WindowStore(name, b.retentionMs ?? Infinity, b.windowSizeMs ?? 0)
      : b.kind === 'session'
        ? () => new SessionStore(name, b.retentionMs ?? Infinity)
        : () => new KeyValueStore(name);
  return { name, kind: b.kind, factory, logging: b.logging };
}

/**
 * User store keys order as the Processor API documents them: numbers numerically, strings by code
 * unit, anything else by its JSON text (after numbers and strings).
 */
export function compareUserKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const rank = (x: unknown) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The timestamp a store write carries: the record being processed, or the punctuation's time. */
export type StoreClock = () => number;

function keyValueView(s: KeyValueStore, now: StoreClock): ProcessorKeyValueStore {
  const get = (key: unknown) => s.get(key)?.value ?? null;
  const entries = () => s.all().map((e) => ({ key: e.key, value: e.value })).sort((x, y) => compareUserKeys(x.key, y.key));
  return {
    name: s.name,
    get,
    put: (key, value) => s.put(key, value ?? null, now()),
    putIfAbsent: (key, value) => {
      const old = get(key);
      if (old === null) s.put(key, value ?? null, now());
      return old;
    },
    delete: (key) => {
      const old = get(key);
      if (old !== null) s.put(key, null, now());
      return old;
    },
    all: entries,
    range: (from, to) => entries().filter((e) => compareUserKeys(from, e.key) <= 0 && compareUserKeys(e.key, to) <= 0),
    approximateNumEntries: () => s.size,
  };
}

function windowView(s: WindowStore, now: StoreClock): ProcessorWindowStore {
  return {
    name: s.name,
    put: (key, value, start) => s.put(key, start, value ?? null, now()),
    fetch: (key, start) => s.fetch(key, start)?.value ?? null,
    fetchRange: (key, from, to) => s.fetchRange(key, from, to).map((e) => ({ start: e.start, value: e.value })),
  };
}

function sessionView(s: SessionStore): ProcessorSessionStore {
  return {
    name: s.name,
    put: (k: SessionKey, value) => s.put(k.key, k.start, k.end, value ?? null),
    remove: (k: SessionKey) => s.remove(k.key, k.start, k.end),
    findSessions: (key, earliestEnd, latestStart) => s.findSessions(key, earliestEnd, latestStart).map((e) => ({ key: { key: e.key, start: e.start, end: e.end }, value: e.value })),
  };
}

/** What ctx.getStateStore returns for an engine store. */
export function processorStoreView(s: StateStore, now: StoreClock): ProcessorStateStore {
  if (s instanceof KeyValueStore) return keyValueView(s, now);
  if (s instanceof WindowStore) return windowView(s, now);
  if (s instanceof SessionStore) return sessionView(s);
  throw new Error(`state store "${s.name}" cannot be used from a processor`);
}
