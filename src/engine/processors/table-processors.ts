/** KTable processors for sources, filter, mapValues, groupBy and the source of a toTable (toStream is a step: steps.ts). */
import type { ProcessorContext } from '../core/context';
import type { Change, StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValueStore } from '../stores/kv-store';
import { VersionedKeyValueStore } from '../stores/versioned-store';
import { TableEmitter, type OldValues } from './table-emitter';

type TableStore = KeyValueStore | VersionedKeyValueStore;

/**
 * Writes a table operator's value into its own store and says whether the forwarded Change is the
 * latest: a versioned store decides (null: not stored, forward nothing), any other store stores the
 * latest (Kafka's KeyValueStoreWrapper put codes); without a store the incoming mark passes on.
 */
function putResult(store: TableStore | null, key: unknown, value: unknown, timestamp: number, incoming: Change | null): boolean | null {
  if (!store) return !incoming || incoming.isLatest !== false;
  if (store instanceof VersionedKeyValueStore) {
    const r = store.put(key, value, timestamp);
    return r === 'notPut' ? null : r === 'latest';
  }
  store.put(key, value, timestamp);
  return true;
}

/**
 * The record cache of a materialized filter/mapValues: only a plain (non-versioned) store caches
 * (versioned stores never do), and only when the Materialized asks for it.
 */
function cachedEmitter(ctx: ProcessorContext, store: TableStore | null, caching: boolean, oldValues: OldValues): TableEmitter | null {
  if (!caching || !store || store instanceof VersionedKeyValueStore) return null;
  return new TableEmitter(ctx, true, () => oldValues.enabled);
}

/**
 * Through the cache (Kafka's TimestampedCacheFlushListener) the old value is what the store held,
 * and at the flush a tombstone for a key the store never held is dropped (round-2 rule 33).
 */
function cachedPut(cache: TableEmitter, store: KeyValueStore, r: StreamRecord, newValue: unknown): void {
  // Read before the put: the store updates its entry object in place.
  const prev = store.get(r.key);
  const oldValue = prev ? prev.value : null;
  store.put(r.key, newValue, r.timestamp);
  cache.emit(r.key, newValue, oldValue, r.timestamp);
}

/** A Change, marked when it is not the latest. */
export function changeOf(newValue: unknown, oldValue: unknown, latest: boolean): Change {
  return latest ? { newValue, oldValue } : { newValue, oldValue, isLatest: false };
}

/**
 * A table source (builder.table / toTable): upserts by key; null value = delete. Null keys are
 * dropped. With a store it reads the previous value so old values can be sent.
 */
export class TableSourceProcessor implements Processor {
  private store: KeyValueStore | null = null;
  private versioned: VersionedKeyValueStore | null = null;
  private emitter!: TableEmitter;
  private ctx!: ProcessorContext;

  constructor(
    private readonly storeName: () => string | null,
    private readonly caching: boolean,
    private readonly oldValues: OldValues,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    const name = this.storeName();
    const store = name ? ctx.getStateStore<TableStore>(name) : null;
    if (store instanceof VersionedKeyValueStore) this.versioned = store;
    else this.store = store;
    this.emitter = new TableEmitter(ctx, this.caching && this.store !== null, () => this.oldValues.enabled);
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) {
      this.ctx.recordDropped({ code: 'null-key' });
      return;
    }
    const value = r.value === undefined ? null : r.value;
    if (this.versioned) return this.putVersion(r.key, value, r.timestamp);
    if (this.store) {
      const old = this.store.get(r.key);
      const oldValue = old ? old.value : null;
      this.store.put(r.key, value, r.timestamp);
      this.emitter.emit(r.key, value, oldValue, r.timestamp);
    } else {
      this.emitter.emit(r.key, value, null, r.timestamp);
    }
  }

  /** Versioned store (never cached): an update too old to store is not forwarded; one older than the latest goes out marked. */
  private putVersion(key: unknown, value: unknown, timestamp: number) {
    const store = this.versioned!;
    const old = store.get(key);
    const oldValue = this.oldValues.enabled && old ? old.value : null;
    const latest = putResult(store, key, value, timestamp, null);
    if (latest === null) return;
    this.ctx.forward({ key, value: changeOf(value, oldValue, latest), timestamp });
  }
}

/**
 * KTable#filter / filterNot. A rejected record becomes a tombstone (the filter cannot know whether the
 * key passed before). With old values on, both sides are filtered and (null, null) is not forwarded.
 * Predicates are never called with null values.
 */
export class TableFilterProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store: TableStore | null = null;
  private cache: TableEmitter | null = null;
  constructor(
    private readonly predicate: (k: unknown, v: unknown) => boolean,
    private readonly negate: boolean,
    private readonly oldValues: OldValues,
    private readonly storeName: string | null,
    /** The input is versioned: (null, null) changes are forwarded even with old values (Kafka's KTableFilter, KIP-914). */
    private readonly inputVersioned = false,
    /** Materialized with caching on (Kafka's default): results go out at the flush, through the record cache. */
    private readonly caching = false,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = this.storeName ? ctx.getStateStore<TableStore>(this.storeName) : null;
    this.cache = cachedEmitter(ctx, this.store, this.caching, this.oldValues);
  }
  private apply(k: unknown, v: unknown): unknown {
    if (v === null || v === undefined) return null;
    return Boolean(this.predicate(k, v)) !== this.negate ? v : null;
  }
  process(r: StreamRecord) {
    const c = r.value as Change;
    const newValue = this.apply(r.key, c.newValue);
    // A materialized filter reads its old value from its own store (Kafka's KTableFilter).
    let oldValue: unknown = null;
    if (this.oldValues.enabled) oldValue = this.store ? (this.store.get(r.key)?.value ?? null) : this.apply(r.key, c.oldValue);
    // Only with old values can the filter tell that nothing changed; without them every rejected
    // record is forwarded as (null, null), materialized or not (KTableFilterTest).
    if (this.oldValues.enabled && newValue === null && oldValue === null && !this.inputVersioned) return;
    if (this.cache) return cachedPut(this.cache, this.store as KeyValueStore, r, newValue);
    const latest = putResult(this.store, r.key, newValue, r.timestamp, c);
    if (latest === null) return;
    this.ctx.forward({ key: r.key, value: changeOf(newValue, oldValue, latest), timestamp: r.timestamp });
  }
}

/** KTable#mapValues: maps new and (when enabled) old values; never calls the mapper with null. */
export class TableMapValuesProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store: TableStore | null = null;
  private cache: TableEmitter | null = null;
  constructor(
    private readonly mapper: (v: unknown, k: unknown) => unknown,
    private readonly oldValues: OldValues,
    private readonly storeName: string | null,
    /** Materialized with caching on (Kafka's default): results go out at the flush, through the record cache. */
    private readonly caching = false,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = this.storeName ? ctx.getStateStore<TableStore>(this.storeName) : null;
    this.cache = cachedEmitter(ctx, this.store, this.caching, this.oldValues);
  }
  process(r: StreamRecord) {
    const c = r.value as Change;
    const newValue = c.newValue === null || c.newValue === undefined ? null : this.mapper(c.newValue, r.key);
    let oldValue = this.oldValues.enabled && c.oldValue !== null && c.oldValue !== undefined ? this.mapper(c.oldValue, r.key) : null;
    if (this.cache) return cachedPut(this.cache, this.store as KeyValueStore, r, newValue);
    if (this.store && this.oldValues.enabled) {
      const prev = this.store.get(r.key);
      oldValue = prev ? prev.value : null;
    }
    const latest = putResult(this.store, r.key, newValue, r.timestamp, c);
    if (latest === null) return;
    this.ctx.forward({ key: r.key, value: changeOf(newValue, oldValue, latest), timestamp: r.timestamp });
  }
}

/**
 * KTable#groupBy (Kafka's KTableRepartitionMap): maps the new and old value to (group key, value).
 * Same group key -> one record carrying both (the aggregation subtracts then adds and emits once);
 * different keys -> the subtraction (old) first, then the addition (new).
 */
export class TableRepartitionMapProcessor implements Processor {
  private ctx!: ProcessorContext;
  constructor(
    private readonly selector: (k: unknown, v: unknown) => [unknown, unknown] | null,
    /** The table is versioned: an update that is not the latest is not aggregated (KIP-914). */
    private readonly versioned = false,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
  }
  private select(k: unknown, v: unknown): [unknown, unknown] | null {
    if (v === null || v === undefined) return null;
    const kv = this.selector(k, v);
    if (kv == null) return null;
    if (!Array.isArray(kv) || kv.length !== 2) throw new Error(`groupBy mapper must return a [key, value] pair, got ${JSON.stringify(kv)}`);
    return kv;
  }
  process(r: StreamRecord) {
    const c = r.value as Change;
    if (this.versioned && c.isLatest === false) return;
    // Kafka's KTableRepartitionMap skips a selected pair whose key OR value is null (silently, not
    // counted as dropped); only two usable pairs with the same key travel as one record.
    const nw = usable(this.select(r.key, c.newValue));
    const od = usable(this.select(r.key, c.oldValue));
    const ts = r.timestamp;
    if (nw && od && sameKey(nw[0], od[0])) {
      this.ctx.forward({ key: nw[0], value: { newValue: nw[1], oldValue: od[1] }, timestamp: ts });
      return;
    }
    if (od) this.ctx.forward({ key: od[0], value: { newValue: null, oldValue: od[1] }, timestamp: ts });
    if (nw) this.ctx.forward({ key: nw[0], value: { newValue: nw[1], oldValue: null }, timestamp: ts });
  }
}

function usable(kv: [unknown, unknown] | null): [unknown, unknown] | null {
  return kv && kv[0] !== null && kv[0] !== undefined && kv[1] !== null && kv[1] !== undefined ? kv : null;
}

function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
