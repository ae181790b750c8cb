/**
 * Forwards KTable updates as Change records, through a record cache when caching is on. Like Kafka's
 * caching layer, the cache holds the latest update per key until the task flushes (after every input
 * record under TopologyTestDriver semantics); then one Change per dirty key goes out, in the order the
 * keys were first dirtied, with the old value as it was before the first cached update.
 */
import type { ProcessorContext } from '../core/context';
import { storeKey } from '../core/record';
import type { Windowed } from '../api';

/** A pending update. Kept after a flush and reused: flushing after every record made one per record. */
interface Dirty {
  key: unknown;
  newValue: unknown;
  oldValue: unknown;
  timestamp: number;
  /** What identifies the key: storeKey of the key, or of a windowed key's inner key (with start, end). */
  id: unknown;
  start: number;
  end: number;
}

/**
 * Pending updates at most this many are found by scanning them; more go into a Map. Flushed after
 * every record, the cache mostly holds one update (a hopping window: a few), and filling and
 * clearing Maps for it cost more than the aggregation.
 */
const SCAN_MAX = 8;

/** SameValueZero, the key equality of Map (NaN equals NaN). */
function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

export class TableEmitter {
  /** Pending updates (the first `count`) in the order their keys were first dirtied. */
  private readonly dirty: Dirty[] = [];
  private count = 0;
  /** Index of the pending updates once there are more than SCAN_MAX (by id; windowed: "start end" -> id). */
  private index: Map<unknown, Dirty> | null = null;

  constructor(
    private readonly ctx: ProcessorContext,
    private readonly caching: boolean,
    private readonly sendOldValues: () => boolean,
    /**
     * Keys are the { key, start, end } objects of a windowed aggregation: identified by start, end
     * and the inner key, the same identity as their JSON text without building it per record
     * (turning epoch timestamps into text cost more than the aggregation).
     */
    private readonly windowedKeys = false,
  ) {
    if (caching) ctx.onFlush(() => this.flush());
  }

  emit(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number): void {
    if (!this.caching) {
      this.forward(key, newValue, oldValue, timestamp);
      return;
    }
    let id: unknown;
    let start = 0;
    let end = 0;
    if (this.windowedKeys) {
      const w = key as Windowed<unknown>;
      id = storeKey(w.key);
      start = w.start;
      end = w.end;
    } else {
      id = storeKey(key);
    }
    const d = this.find(id, start, end);
    if (d) {
      d.newValue = newValue;
      d.timestamp = timestamp;
      return;
    }
    const n = this.count++;
    let fresh = this.dirty[n];
    if (fresh === undefined) this.dirty.push((fresh = { key, newValue, oldValue, timestamp, id, start, end }));
    else {
      fresh.key = key;
      fresh.newValue = newValue;
      fresh.oldValue = oldValue;
      fresh.timestamp = timestamp;
      fresh.id = id;
      fresh.start = start;
      fresh.end = end;
    }
    if (this.index !== null) this.index.set(this.indexKey(id, start, end), fresh);
    else if (this.count > SCAN_MAX) this.buildIndex();
  }

  private find(id: unknown, start: number, end: number): Dirty | undefined {
    if (this.index !== null) return this.index.get(this.indexKey(id, start, end));
    const dirty = this.dirty;
    for (let i = 0; i < this.count; i++) {
      const d = dirty[i];
      if (same(d.id, id) && same(d.start, start) && same(d.end, end)) return d;
    }
    return undefined;
  }

  /** A windowed key's index key: an inner Map per window would be built and dropped per flush. */
  private indexKey(id: unknown, start: number, end: number): unknown {
    // start and end are finite numbers for windowed keys; the inner id is text or a primitive.
    return this.windowedKeys ? `${start} ${end} ${typeof id === 'string' ? 's' : typeof id}${String(id)}` : id;
  }

  private buildIndex(): void {
    const index = (this.index = new Map());
    for (let i = 0; i < this.count; i++) index.set(this.indexKey(this.dirty[i].id, this.dirty[i].start, this.dirty[i].end), this.dirty[i]);
  }

  private forward(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number) {
    this.ctx.forwardChange(key, newValue ?? null, this.sendOldValues() ? (oldValue ?? null) : null, timestamp);
  }

  flush(): void {
    const n = this.count;
    if (n === 0) return;
    // Forwarding cannot reach this emitter again (topologies are acyclic), so iterate, then reset.
    const dirty = this.dirty;
    // Kafka's caching stores skip a tombstone for a key the underlying store does not hold either
    // (CachingKeyValueStore / CachingWindowStore putAndMaybeForward): nothing to delete downstream.
    for (let i = 0; i < n; i++) {
      const d = dirty[i];
      if ((d.newValue === null || d.newValue === undefined) && (d.oldValue === null || d.oldValue === undefined)) continue;
      this.forward(d.key, d.newValue, d.oldValue, d.timestamp);
    }
    this.count = 0;
    this.index = null;
  }
}

/** The record cache of each store: processors writing one store (a cogroup's) share it, and so its flush. */
const BY_STORE = new WeakMap<object, TableEmitter>();

/**
 * The emitter of a store: created by the first processor that asks (it forwards through that
 * processor's context), then shared. Kafka keeps ONE cache per store, so a cogroup's inputs updating
 * the same key within one commit interval forward that key once, with its latest aggregate; an
 * emitter per processor would flush each input's last update, the latest one not necessarily last.
 */
export function storeEmitter(store: object, create: () => TableEmitter): TableEmitter {
  let e = BY_STORE.get(store);
  if (!e) BY_STORE.set(store, (e = create()));
  return e;
}

/** A mutable switch shared by a KTable's processors: downstream operators turn on old values. */
export interface OldValues {
  enabled: boolean;
}
