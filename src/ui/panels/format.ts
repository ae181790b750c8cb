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

/** Epoch milliseconds from 2000 on are shown as times; smaller numbers are test-style offsets. */
const EPOCH_2000 = 946684800000;

function clock(ts: number, withDate: boolean): string {
  const iso = new Date(ts).toISOString();
  const time = ts % 1000 === 0 ? iso.slice(11, 19) : iso.slice(11, 23);
  return withDate ? `${iso.slice(0, 10)} ${time}` : time;
}

/**
 * A window as readable UTC times, `[22:13:00 – 22:14:00)`, with the raw epoch milliseconds for the
 * hover. Session windows are closed, `[start – end]`, as Kafka defines them; time windows half-open.
 */
export function fmtWindow(w: { start: number; end: number }, kind: 'session' | 'time'): { text: string; title: string } {
  const close = kind === 'session' ? ']' : ')';
  const raw = `[${w.start}, ${w.end}${close}`;
  const what = kind === 'session' ? 'session window, both ends inclusive' : 'time window, end exclusive';
  if (w.start < EPOCH_2000) return { text: raw, title: what };
  const withDate = new Date(w.start).toISOString().slice(0, 10) !== new Date(w.end).toISOString().slice(0, 10) || w.end - w.start >= 86_400_000;
  return { text: `[${clock(w.start, withDate)} – ${clock(w.end, withDate)}${close}`, title: `${raw} epoch ms (UTC), ${what}` };
}

/**
 * A record timestamp: epoch milliseconds as a UTC date and time (`2023-11-14 22:13:20.002`), the raw
 * number for the hover; small numbers (test-style offsets) as they are.
 */
export function fmtTime(ts: number): { text: string; title?: string } {
  return ts > EPOCH_2000 ? { text: clock(ts, true), title: `${ts} epoch ms (UTC)` } : { text: String(ts) };
}

export function keyOnly(key: unknown): unknown {
  return key && typeof key === 'object' && 'start' in (key as object) && 'key' in (key as object) ? (key as { key: unknown }).key : key;
}

/** A timestamp as a short UTC time (epoch milliseconds) or as it is (test-style offsets). */
export function fmtClock(ts: number | null): string {
  if (ts === null) return '–';
  return ts > EPOCH_2000 ? clock(ts, false) : String(ts);
}
