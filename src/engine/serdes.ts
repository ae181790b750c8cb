/**
 * Serdes: how keys and values become bytes on a topic. In memory we keep values as JS values but
 * pass them through the serde's rules at every topic boundary, so the preview shows what a real
 * topic would carry (JSON drops undefined and functions, a string serde refuses numbers, ...).
 */
export interface Serde {
  readonly name: 'json' | 'string' | 'number' | 'bytes';
  /** Returns the value as it reads back from a topic; throws a clear error if it cannot be written. */
  roundTrip(value: unknown): unknown;
  serialize(value: unknown): Uint8Array | null;
  deserialize(bytes: Uint8Array | null): unknown;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function describe(v: unknown): string {
  return typeof v === 'object' ? (v === null ? 'null' : Array.isArray(v) ? 'an array' : 'an object') : `a ${typeof v}`;
}

/** True when JSON.stringify -> JSON.parse would give back an equal value (no undefined, NaN, Dates, ...). */
function isPlainJson(v: unknown, depth: number): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (depth > 64) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!isPlainJson(v[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      const o = v as Record<string, unknown>;
      // Primitive members checked here: the keys windowed aggregations write ({ key, start, end })
      // pass through every sink, and a call per member cost as much as the aggregation's lookup.
      for (const k in o) {
        const x = o[k];
        const t = typeof x;
        if (t === 'string' || t === 'boolean' || x === null) continue;
        if (t === 'number') {
          if (!Number.isFinite(x)) return false;
        } else if (!isPlainJson(x, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

const json: Serde = {
  name: 'json',
  roundTrip(v) {
    if (v === null || v === undefined) return null;
    const t = typeof v;
    if (t === 'string' || t === 'boolean') return v;
    if (t === 'number') {
      if (!Number.isFinite(v as number)) throw new Error(`JSON serde cannot write ${String(v)}`);
      return v;
    }
    if (t === 'function' || t === 'symbol' || t === 'bigint') throw new Error(`JSON serde cannot write ${describe(v)}`);
    // Plain JSON data reads back identical: skip the (costly) round trip and keep the value.
    return isPlainJson(v, 0) ? v : JSON.parse(JSON.stringify(v));
  },
  serialize: (v) => (v === null || v === undefined ? null : enc.encode(JSON.stringify(v))),
  deserialize: (b) => (b === null ? null : JSON.parse(dec.decode(b))),
};

const string: Serde = {
  name: 'string',
  roundTrip(v) {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') throw new Error(`String serde cannot write ${describe(v)} (${JSON.stringify(v)}); use the JSON serde or convert it`);
    return v;
  },
  serialize: (v) => (v === null || v === undefined ? null : enc.encode(String(v))),
  deserialize: (b) => (b === null ? null : dec.decode(b)),
};

const number: Serde = {
  name: 'number',
  roundTrip(v) {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Number serde cannot write ${describe(v)} (${String(v)})`);
    return v;
  },
  serialize(v) {
    if (v === null || v === undefined) return null;
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setFloat64(0, v as number);
    return buf;
  },
  deserialize: (b) => (b === null ? null : new DataView(b.buffer, b.byteOffset, b.byteLength).getFloat64(0)),
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const bytes: Serde = {
  name: 'bytes',
  roundTrip(v) {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string' || v.length % 4 !== 0 || !BASE64.test(v)) throw new Error(`Bytes serde expects a base64 string, got ${describe(v)}`);
    return v;
  },
  serialize(v) {
    if (v === null || v === undefined) return null;
    const bin = atob(v as string);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  },
  deserialize(b) {
    if (b === null) return null;
    let s = '';
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return btoa(s);
  },
};

export const Serdes = {
  Json: (): Serde => json,
  String: (): Serde => string,
  Number: (): Serde => number,
  Bytes: (): Serde => bytes,
  byName(name: string | undefined): Serde | undefined {
    switch (name) {
      case 'json':
        return json;
      case 'string':
        return string;
      case 'number':
        return number;
      case 'bytes':
        return bytes;
      default:
        return undefined;
    }
  },
};
