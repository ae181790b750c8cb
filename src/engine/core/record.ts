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
  if (typeof key !== 'object' || key === null) return key;
  return '\u0000' + (windowedKeyJson(key as Record<string, unknown>) ?? JSON.stringify(key));
}

const WINDOWED_KEY_PROPS = ['key', 'start', 'end'];

/**
 * JSON.stringify of a windowed key { key, start, end } (string or number key, finite bounds) built
 * by hand: caching windowed aggregations look keys up for every record, and the generic serializer
 * dominated that. Any other shape returns null (the caller uses JSON.stringify).
 */
function windowedKeyJson(k: Record<string, unknown>): string | null {
  if (Object.getPrototypeOf(k) !== Object.prototype) return null;
  let i = 0;
  for (const p in k) if (p !== WINDOWED_KEY_PROPS[i++]) return null;
  const { key, start, end } = k;
  if (i !== 3 || typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) return null;
  if (typeof key === 'string') return `{"key":${JSON.stringify(key)},"start":${start},"end":${end}}`;
  if (typeof key === 'number' && Number.isFinite(key)) return `{"key":${key},"start":${start},"end":${end}}`;
  return null;
}

/** Kafka compares serialized keys byte-wise; this ordering approximates it for the JSON serde. */
export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
