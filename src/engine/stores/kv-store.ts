/** An in-memory timestamped key-value store (Kafka's TimestampedKeyValueStore). */
import { compareKeys, storeKey, type ValueAndTimestamp } from '../core/record';
import type { StateStore, StoreEntry } from './state-store';

export class KeyValueStore<K = unknown, V = unknown> implements StateStore {
  private readonly map = new Map<unknown, { key: K; value: V; timestamp: number }>();
  /** Called on every change (the Kafka driver writes it to the changelog topic). */
  onChange?: (key: K, value: V | null, timestamp: number) => void;

  constructor(readonly name: string) {}

  /**
   * The stored entry itself, not a copy (this runs for every record): read what you need from it
   * before the next put() of the same key, which updates it in place.
   */
  get(key: K): ValueAndTimestamp<V> | null {
    return this.map.get(storeKey(key)) ?? null;
  }

  put(key: K, value: V | null, timestamp: number): void {
    const k = storeKey(key);
    if (value === null || value === undefined) {
      this.map.delete(k);
    } else {
      const e = this.map.get(k);
      if (e) {
        e.key = key;
        e.value = value;
        e.timestamp = timestamp;
      } else {
        this.map.set(k, { key, value, timestamp });
      }
    }
    this.onChange?.(key, value ?? null, timestamp);
  }

  /**
   * put() of the key whose entry get() has just returned: updates that entry without looking the key
   * up again (aggregations read, then write, the same key for every record).
   */
  replace(entry: ValueAndTimestamp<V>, key: K, value: V | null, timestamp: number): void {
    if (value === null || value === undefined) {
      this.put(key, value, timestamp);
      return;
    }
    const e = entry as { key: K; value: V; timestamp: number };
    e.key = key;
    e.value = value;
    e.timestamp = timestamp;
    this.onChange?.(key, value, timestamp);
  }

  delete(key: K): ValueAndTimestamp<V> | null {
    const old = this.get(key);
    this.put(key, null, old?.timestamp ?? 0);
    return old;
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<{ key: K; value: V; timestamp: number }> {
    return this.map.values();
  }

  all(): StoreEntry[] {
    return [...this.map.values()]
      .map((e) => ({ key: e.key, value: e.value, timestamp: e.timestamp }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }
}
