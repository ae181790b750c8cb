/** Formatting of keys, values and timestamps in the preview tables. */
import { shownAsText } from '../../simulator/plain-data';

/**
 * JSON, except that values that were not data show as their text ("[function toUpperCase]") and
 * BigInts as `12n` (JSON.stringify cannot write either).
 */
export function fmt(v: unknown): string {
  if (v === undefined) return '';
  const text = shownAsText(v);
  if (text !== null) return text;
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 'null' : fmt(x))).join(',')}]`;
  if (typeof v === 'object' && v !== null && !('toJSON' in v)) {
    const fields = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
    return `{${fields.map(([k, x]) => `${JSON.stringify(k)}:${fmt(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? String(v);
}

export function fmtTime(ts: number): string {
  // Large values are epoch milliseconds: show them as UTC times; small ones are test-style offsets.
  return ts > 946684800000 ? `${new Date(ts).toISOString().replace('T', ' ').replace('Z', '')} (${ts})` : String(ts);
}

export function keyOnly(key: unknown): unknown {
  return key && typeof key === 'object' && 'start' in (key as object) && 'key' in (key as object) ? (key as { key: unknown }).key : key;
}
