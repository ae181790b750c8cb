/** Formatting of keys, values and timestamps in the preview tables. */
export function fmt(v: unknown): string {
  if (v === undefined) return '';
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s;
}

export function fmtTime(ts: number): string {
  // Large values are epoch milliseconds: show them as UTC times; small ones are test-style offsets.
  return ts > 946684800000 ? `${new Date(ts).toISOString().replace('T', ' ').replace('Z', '')} (${ts})` : String(ts);
}

export function keyOnly(key: unknown): unknown {
  return key && typeof key === 'object' && 'start' in (key as object) && 'key' in (key as object) ? (key as { key: unknown }).key : key;
}
