import { windowedKeyJson } from './json-text';

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
  /**
   * false: an update of a versioned table older than the key's latest version (stored as history);
   * operators with versioned semantics (table aggregations, table-table and foreign-key joins) skip
   * it. Absent means latest (Kafka's Change#isLatest).
   */
  isLatest?: boolean;
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

/**
 * Kafka orders stores and buffers (time-ordered suppress buffer, outer-join store, emit-final scans)
 * by the serialized key bytes, compared unsigned. This models the serdes the Kafka tests use:
 * Integer/Long keys are big-endian two's complement, so non-negative numbers come first in
 * ascending order, then negative ones (-1 = 0xFF.. sorts last); Strings are UTF-8, i.e. code point
 * order; a windowed key serializes as its inner key followed by the window bounds, so it orders by
 * inner key first (WindowKeySchema.toBinary / SessionKeySchema.toBinary). Anything else falls back
 * to its JSON text.
 */
export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < 0 !== b < 0) return a < 0 ? 1 : -1;
    return a - b;
  }
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (isWindowed(a) && isWindowed(b)) return compareKeys(a.key, b.key) || a.start - b.start || a.end - b.end;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return compareCodePoints(sa, sb);
}

function isWindowed(k: unknown): k is { key: unknown; start: number; end: number } {
  return typeof k === 'object' && k !== null && windowedKeyJson(k as Record<string, unknown>) !== null;
}

/** UTF-8 byte order equals code point order (JS `<` compares UTF-16 units, which differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) !== surrogate(y)) return surrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
