/** A record as it flows between processors. Timestamps are epoch ms from the record, never the wall clock. */
export interface StreamRecord<K = unknown, V = unknown> {
  key: K;
  value: V;
  timestamp: number;
  headers?: Record<string, string>;
}

/**
 * What KTable processors forward: the new value and (when old values are enabled downstream) the
 * previous one. null means "absent" (a tombstone as newValue, no previous value as oldValue).
 */
export interface Change<V = unknown> {
  newValue: V | null;
  oldValue: V | null;
}

/** A value with the timestamp it was last updated at (Kafka's ValueAndTimestamp). */
export interface ValueAndTimestamp<V = unknown> {
  value: V;
  timestamp: number;
}

/**
 * Map keys for records: primitives map to themselves (1 and "1" stay distinct, as their JSON bytes
 * would), objects (windowed keys, composite keys) to a canonical JSON string.
 */
export function storeKey(key: unknown): unknown {
  return typeof key === 'object' && key !== null ? '\u0000' + JSON.stringify(key) : key;
}

/** Kafka compares serialized keys byte-wise; this ordering approximates it for the JSON serde. */
export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
