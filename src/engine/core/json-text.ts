/**
 * JSON text of the values every output line and every windowed store key carries, built without
 * JSON.stringify where that is safe: the result is always exactly JSON.stringify(v) (tested against
 * it with generated values). Per record these were a large part of writing a line: an epoch
 * timestamp (a double, not a small integer) took ~190 ns to print, JSON.stringify of a short string
 * twice the scan below.
 */

/** Longest string scanned by hand; longer ones go to JSON.stringify, which is faster on long text. */
const SCAN_MAX = 32;

/** JSON.stringify(v) ?? 'null' (undefined, functions and symbols, which have no JSON, give 'null'). */
export function jsonText(v: unknown): string {
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return stringText(v);
  if (typeof v === 'object' && v !== null) return windowedKeyJson(v as Record<string, unknown>) ?? JSON.stringify(v);
  return JSON.stringify(v) ?? 'null';
}

/** The JSON text of a number: as JSON.stringify ('null' when not finite). */
export function numberText(v: number): string {
  // The same epoch number comes again and again (a line's words, a window's bounds): kept once.
  if (v === lastNumber) return lastNumberText;
  // Integers from 1e8 to 2^53 (epoch milliseconds) print as two small integers, the low one padded
  // to 8 digits: both parts take V8's fast small-integer path. The split is exact: every value
  // here is an integer below 2^53, and lo is corrected if the division rounded.
  if (v >= 1e8 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v) {
    let hi = Math.floor(v / 1e8);
    let lo = v - hi * 1e8;
    if (lo < 0) {
      hi -= 1;
      lo += 1e8;
    } else if (lo >= 1e8) {
      hi += 1;
      lo -= 1e8;
    }
    const low = '' + lo;
    lastNumber = v;
    return (lastNumberText = '' + hi + ZEROS[8 - low.length] + low);
  }
  return Number.isFinite(v) ? '' + v : 'null';
}

const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];
/** The last number printed by the two-part path and its text (NaN: none yet; NaN equals nothing). */
let lastNumber = NaN;
let lastNumberText = '';

/** The JSON text of a string: as JSON.stringify. */
export function stringText(s: string): string {
  return isPlainText(s) ? '"' + s + '"' : JSON.stringify(s);
}

/** A short string JSON writes as it is between quotes (nothing to escape). */
export function isPlainText(s: string): boolean {
  if (s.length > SCAN_MAX) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // What JSON.stringify escapes: ", \, control characters and lone surrogates (any surrogate here).
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

const WINDOWED_KEY_PROPS = ['key', 'start', 'end'];

/**
 * JSON.stringify of a windowed key { key, start, end } (string or number key, number bounds) built
 * by hand: windowed aggregations write and look up such a key for every record. Any other shape
 * returns null (the caller uses JSON.stringify).
 */
export function windowedKeyJson(k: Record<string, unknown>): string | null {
  if (Object.getPrototypeOf(k) !== Object.prototype) return null;
  let i = 0;
  for (const p in k) if (p !== WINDOWED_KEY_PROPS[i++]) return null;
  const { key, start, end } = k;
  if (i !== 3 || typeof start !== 'number' || typeof end !== 'number') return null;
  const keyText = typeof key === 'string' ? stringText(key) : typeof key === 'number' ? numberText(key) : null;
  return keyText === null ? null : '{"key":' + keyText + ',"start":' + numberText(start) + ',"end":' + numberText(end) + '}';
}
