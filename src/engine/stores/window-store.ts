/**
 * An in-memory timestamped window store: per key, windows by start time. Windows whose start is at
 * or before (observed stream time - retention) are expired and no longer returned, as in Kafka's
 * in-memory window store.
 */
import { compareKeys, storeKey } from '../core/record';
import type { StateStore, StoreEntry } from './state-store';

export interface WindowEntry<K, V> {
  key: K;
  start: number;
  value: V;
  timestamp: number;
}

/** How the Kafka store behind this one is built: the emit-final store is time-first; caching on or off. */
export interface WindowStoreLayout {
  timeFirst?: boolean;
  cached?: boolean;
}

export class WindowStore<K = unknown, V = unknown> implements StateStore {
  /** key -> (window start -> entry); starts kept in insertion order, sorted on read. */
  private readonly byKey = new Map<unknown, Map<number, WindowEntry<K, V>>>();
  private observedTime = -Infinity;
  /** Stream time of the last sweep (see advance()). */
  private swept = -Infinity;
  onChange?: (key: K, start: number, value: V | null, timestamp: number) => void;

  constructor(
    readonly name: string,
    readonly retentionMs: number,
    /** Window size, to report window ends in all(); sliding windows use their time difference. */
    readonly windowSizeMs: number,
    private readonly layout: WindowStoreLayout = {},
  ) {}

  private live(start: number): boolean {
    return this.liveAt(start, this.observedTime);
  }

  /** Whether a window starting at `start` is still listed once the latest window start put is `observedTime`. */
  liveAt(start: number, observedTime: number): boolean {
    // Kafka's time-first (emit-final) store keeps the boundary window; the key-first one does not.
    return this.layout.timeFirst ? start >= observedTime - this.retentionMs : start > observedTime - this.retentionMs;
  }

  /**
   * An interactive query (TopologyTestDriver#getWindowStore().fetch). Behind a record cache, windows
   * that expired in the underlying store are still returned: the cache keeps them until eviction,
   * which TopologyTestDriver never reaches (TimeWindowedKStreamImplTest.shouldMaterializeCount).
   */
  query(key: K, start: number): WindowEntry<K, V> | null {
    const e = this.byKey.get(storeKey(key))?.get(start);
    return e && (this.layout.cached || this.live(start)) ? e : null;
  }

  /**
   * Moves observed time to `start` if later. Once per retention period, windows long past retention
   * (two periods behind the time observed before this record, so none an emit-final scan of this
   * record could still need) are deleted, as Kafka's segments roll: memory stays bounded by what is
   * live, whatever the number of keys. Behind a record cache expired windows stay queryable (see query()).
   */
  private advance(start: number): void {
    if (start <= this.observedTime) return;
    if (!this.layout.cached && start - this.swept > this.retentionMs) {
      this.swept = start;
      const before = this.observedTime - 2 * this.retentionMs;
      for (const [k, m] of this.byKey) {
        for (const s of m.keys()) if (s <= before) m.delete(s);
        if (m.size === 0) this.byKey.delete(k);
      }
    }
    this.observedTime = start;
  }

  put(key: K, start: number, value: V | null, timestamp: number): void {
    this.advance(start);
    const k = storeKey(key);
    let m = this.byKey.get(k);
    if (value === null || value === undefined) {
      m?.delete(start);
    } else {
      if (!m) this.byKey.set(k, (m = new Map()));
      m.set(start, { key, start, value, timestamp });
    }
    this.onChange?.(key, start, value ?? null, timestamp);
  }

  /**
   * The stored entry itself, not a copy (this runs for every record): read what you need from it
   * before the next put() or replace() of the same window, which may update it in place.
   */
  fetch(key: K, start: number): WindowEntry<K, V> | null {
    const e = this.byKey.get(storeKey(key))?.get(start);
    return e && this.live(start) ? e : null;
  }

  /**
   * put() of the window whose entry fetch() has just returned: updates that entry without looking
   * the key up again or making a new one (aggregations read, then write, a window for every record).
   */
  replace(entry: WindowEntry<K, V>, key: K, value: V | null, timestamp: number): void {
    if (value === null || value === undefined) {
      this.put(key, entry.start, value, timestamp);
      return;
    }
    this.advance(entry.start);
    entry.key = key;
    entry.value = value;
    entry.timestamp = timestamp;
    this.onChange?.(key, entry.start, value, timestamp);
  }

  /** Windows of one key with start in [from, to], ascending by start. */
  fetchRange(key: K, from: number, to: number): WindowEntry<K, V>[] {
    const m = this.byKey.get(storeKey(key));
    if (!m) return [];
    const out: WindowEntry<K, V>[] = [];
    for (const e of m.values()) if (e.start >= from && e.start <= to && this.live(e.start)) out.push(e);
    return out.sort((a, b) => a.start - b.start);
  }

  /**
   * All live windows with start in [from, to], ordered by start then key (Kafka's fetchAll order).
   * Final-result emission passes includeExpired: a window closing now must go out even though the
   * record that closed it also moved it past retention.
   */
  fetchAll(from: number, to: number, includeExpired = false): WindowEntry<K, V>[] {
    const out: WindowEntry<K, V>[] = [];
    for (const m of this.byKey.values()) for (const e of m.values()) if (e.start >= from && e.start <= to && (includeExpired || this.live(e.start))) out.push(e);
    return out.sort((a, b) => a.start - b.start || compareKeys(a.key, b.key));
  }

  all(): StoreEntry[] {
    return this.fetchAll(-Infinity, Infinity).map((e) => ({
      key: { key: e.key, start: e.start, end: e.start + this.windowSizeMs },
      value: e.value,
      timestamp: e.timestamp,
    }));
  }
}
