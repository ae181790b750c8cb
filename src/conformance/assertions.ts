/** The assertion shapes of the conformance format, each returning the first difference or null. */
type Rec = { key: unknown; value: unknown; timestamp: number };
type Obj = Record<string, unknown>;

export function show(v: unknown): string {
  return JSON.stringify(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as Obj).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b as Obj).filter((k) => (b as Obj)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** Expected records may omit key or timestamp: those fields are then not asserted. */
function recordMatches(actual: Rec, expected: Obj): boolean {
  if ('key' in expected && !deepEqual(actual.key, expected.key)) return false;
  if ('value' in expected && !deepEqual(actual.value, expected.value)) return false;
  if ('timestamp' in expected && actual.timestamp !== expected.timestamp) return false;
  return true;
}

function compareLists(actual: Rec[], expected: Obj[]): string | null {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (i >= actual.length) return `missing record #${i + 1}: expected ${show(expected[i])}, got only ${actual.length} record(s)`;
    if (i >= expected.length) return `unexpected extra record #${i + 1}: ${show(actual[i])} (expected ${expected.length})`;
    if (!recordMatches(actual[i], expected[i])) return `record #${i + 1}: expected ${show(expected[i])}, got ${show(actual[i])}`;
  }
  return null;
}

function field(r: Rec, f: string): unknown {
  const k = r.key as Obj;
  switch (f) {
    case 'key.key':
      return k?.key;
    case 'key.start':
      return k?.start;
    case 'timestamp':
      return r.timestamp;
    case 'keyString':
      return `[${String(k?.key)}@${String(k?.start)}/${String(k?.end)}]`;
    default:
      return (r as unknown as Obj)[f];
  }
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * How many of the records since the last check an assertion reads: all of them, except a `prefix`
 * assertion, which reads only its own records and leaves later ones for the next check.
 */
export function recordsRead(assertion: unknown, recent: number): number {
  const a = assertion as Obj | null;
  if (a && !Array.isArray(a) && a.mode === 'prefix') return Math.min(recent, ((a.records as unknown[]) ?? []).length);
  return recent;
}

type Check = (a: Obj, recent: Rec[], all: Rec[]) => string | null;

/** The assertion shapes (besides a plain list) by their `mode`. */
const CHECKS: Record<string, Check> = {
  sorted: (a, recent) => compareLists(sortedBy(recent, (a.sortBy as string[]) ?? []), a.records as Obj[]),
  prefix: (a, recent) => {
    const records = (a.records as Obj[]) ?? [];
    return compareLists(recent.length < records.length ? recent : recent.slice(0, records.length), records);
  },
  lastValuePerKey: (a, _recent, all) => {
    for (const exp of a.records as Obj[]) {
      const last = [...all].reverse().find((r) => deepEqual(r.key, exp.key));
      if (!last) return `no record for key ${show(exp.key)}`;
      if (!recordMatches(last, exp)) return `last record for key ${show(exp.key)}: expected ${show(exp)}, got ${show(last)}`;
    }
    return null;
  },
  byWindowStart: (a, recent) => checkByWindowStart(a.windows as Record<string, Obj[]>, recent),
  map: (a, recent) => checkMap((a.entries as Obj[]) ?? [], recent),
};

/** Checks one topic's assertion against records since the last check (`recent`) and all so far (`all`). */
export function checkAssertion(assertion: unknown, recent: Rec[], all: Rec[]): string | null {
  if (Array.isArray(assertion)) return compareLists(recent, assertion as Obj[]);
  const a = assertion as Obj;
  const mode = String(a?.mode);
  return Object.hasOwn(CHECKS, mode) ? CHECKS[mode](a, recent, all) : `unknown assertion shape ${show(assertion).slice(0, 80)}`;
}

/** Stable sort by the given fields (ties keep their order). */
function sortedBy(recent: Rec[], by: string[]): Rec[] {
  return recent
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      for (const f of by) {
        const c = cmp(field(x.r, f), field(y.r, f));
        if (c !== 0) return c;
      }
      return x.i - y.i;
    })
    .map((x) => x.r);
}

/** Per window start, the same set of (value, timestamp) pairs, and no other window starts. */
function checkByWindowStart(windows: Record<string, Obj[]>, recent: Rec[]): string | null {
  const groups = new Map<string, Rec[]>();
  for (const r of recent) {
    const s = String((r.key as Obj)?.start);
    groups.set(s, [...(groups.get(s) ?? []), r]);
  }
  for (const s of groups.keys()) if (!(s in windows)) return `unexpected window start ${s}: ${show(groups.get(s))}`;
  for (const [s, exp] of Object.entries(windows)) {
    const asSet = (xs: { value: unknown; timestamp: unknown }[]) => new Set(xs.map((x) => show([x.value, x.timestamp])));
    const g = asSet(groups.get(s) ?? []);
    const e = asSet(exp as { value: unknown; timestamp: unknown }[]);
    if (g.size !== e.size || [...e].some((x) => !g.has(x))) return `window start ${s}: expected ${[...e].join(' ')}, got ${[...g].join(' ')}`;
  }
  return null;
}

/** The last value per key equals the expected entries, and no other key is there. */
function checkMap(entries: Obj[], recent: Rec[]): string | null {
  const m = new Map<string, { key: unknown; value: unknown }>();
  for (const r of recent) m.set(show(r.key), { key: r.key, value: r.value });
  if (m.size !== entries.length) return `expected ${entries.length} key(s), got ${m.size}: ${show([...m.values()])}`;
  for (const e of entries) {
    const got = m.get(show(e.key));
    if (!got || !deepEqual(got.value, e.value)) return `key ${show(e.key)}: expected ${show(e.value)}, got ${got ? show(got.value) : 'nothing'}`;
  }
  return null;
}
