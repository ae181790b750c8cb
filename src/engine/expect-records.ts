/**
 * Compares what a topology wrote to a sink topic with what a test case expects, in one of four
 * assertion modes, and says how they differ record by record. One rule for the designer, the CLI and
 * the exported project's tests (this file is vendored with the engine, so it imports nothing).
 *
 * - exact: the same records in the same order.
 * - ignoreOrder: the same records, in any order (as many times each).
 * - lastPerKey: the last value of every key is the same (a table's final state: a null value
 *   deletes the key, so a key last set to null counts as absent on either side).
 * - onlyKeys: the records of the keys the expectation names, in order; other keys are ignored.
 *
 * Keys and values compare as data (object member order does not matter); a timestamp is compared
 * only where the expected record gives one, so a hand-written expectation may leave it out.
 */

export type ExpectMode = 'exact' | 'ignoreOrder' | 'lastPerKey' | 'onlyKeys';
export const EXPECT_MODES: readonly ExpectMode[] = ['exact', 'ignoreOrder', 'lastPerKey', 'onlyKeys'];

export interface ExpectedRecord {
  key: unknown;
  value: unknown;
  timestamp?: number;
}

export interface ActualRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
}

/** One line of a diff: a record both sides agree on, one only expected, one only produced, or one key with another value. */
export type DiffRow =
  | { op: 'same'; actual: ActualRecord }
  | { op: 'missing'; expected: ExpectedRecord }
  | { op: 'unexpected'; actual: ActualRecord }
  | { op: 'changed'; expected: ExpectedRecord; actual: ActualRecord };

export interface SinkVerdict {
  topic: string;
  mode: ExpectMode;
  pass: boolean;
  /** How many records the sink got (before a mode filtered them). */
  actualCount: number;
  rows: DiffRow[];
}

/** JSON with object members sorted: equal data gives equal text. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

const keyText = (r: { key: unknown }) => canonicalJson(r.key);

function sameRecord(e: ExpectedRecord, a: ActualRecord): boolean {
  return keyText(e) === keyText(a) && canonicalJson(e.value) === canonicalJson(a.value) && (e.timestamp === undefined || e.timestamp === a.timestamp);
}

export function compareRecords(topic: string, mode: ExpectMode, expected: readonly ExpectedRecord[], actual: readonly ActualRecord[]): SinkVerdict {
  let rows: DiffRow[];
  if (mode === 'ignoreOrder') rows = unordered(expected, actual);
  else if (mode === 'lastPerKey') rows = lastPerKey(expected, actual);
  else if (mode === 'onlyKeys') {
    const keys = new Set(expected.map(keyText));
    rows = ordered(expected, actual.filter((a) => keys.has(keyText(a))));
  } else rows = ordered(expected, actual);
  return { topic, mode, pass: rows.every((r) => r.op === 'same'), actualCount: actual.length, rows };
}

/** Pairs a run of records only expected with a run only produced: same key -> changed. */
function pairByKey(missing: ExpectedRecord[], unexpected: ActualRecord[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const left = [...unexpected];
  for (const e of missing) {
    const i = left.findIndex((a) => keyText(a) === keyText(e));
    if (i < 0) rows.push({ op: 'missing', expected: e });
    else rows.push({ op: 'changed', expected: e, actual: left.splice(i, 1)[0] });
  }
  return [...rows, ...left.map((actual) => ({ op: 'unexpected' as const, actual }))];
}

/** Past this many cells the diff aligns by position instead of by longest common subsequence. */
const MAX_LCS_CELLS = 4_000_000;

/** In order: the longest common subsequence stays, the rest is missing, unexpected or changed. */
function ordered(expected: readonly ExpectedRecord[], actual: readonly ActualRecord[]): DiffRow[] {
  const n = expected.length;
  const m = actual.length;
  if (n * m > MAX_LCS_CELLS) return byPosition(expected, actual);
  // lcs[i][j]: length of the common subsequence of expected[i..] and actual[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = sameRecord(expected[i], actual[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows: DiffRow[] = [];
  let missing: ExpectedRecord[] = [];
  let unexpected: ActualRecord[] = [];
  const flush = () => {
    rows.push(...pairByKey(missing, unexpected));
    missing = [];
    unexpected = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameRecord(expected[i], actual[j])) {
      flush();
      rows.push({ op: 'same', actual: actual[j] });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) unexpected.push(actual[j++]);
    else missing.push(expected[i++]);
  }
  flush();
  return rows;
}

function byPosition(expected: readonly ExpectedRecord[], actual: readonly ActualRecord[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e && a && sameRecord(e, a)) rows.push({ op: 'same', actual: a });
    else rows.push(...pairByKey(e ? [e] : [], a ? [a] : []));
  }
  return rows;
}

/** As a multiset: each expected record takes one equal produced record. */
function unordered(expected: readonly ExpectedRecord[], actual: readonly ActualRecord[]): DiffRow[] {
  const left = [...actual];
  const rows: DiffRow[] = [];
  const missing: ExpectedRecord[] = [];
  for (const e of expected) {
    const i = left.findIndex((a) => sameRecord(e, a));
    if (i < 0) missing.push(e);
    else rows.push({ op: 'same', actual: left.splice(i, 1)[0] });
  }
  return [...rows, ...pairByKey(missing, left)];
}

/** The last record of every key whose last value is not null, in the order keys were first seen. */
function lastOf<R extends { key: unknown; value: unknown }>(records: readonly R[]): Map<string, R> {
  const last = new Map<string, R>();
  for (const r of records) last.set(keyText(r), r);
  for (const [k, r] of last) if (r.value === null || r.value === undefined) last.delete(k);
  return last;
}

function lastPerKey(expected: readonly ExpectedRecord[], actual: readonly ActualRecord[]): DiffRow[] {
  const want = lastOf(expected);
  const got = lastOf(actual);
  const rows: DiffRow[] = [];
  for (const [k, e] of want) {
    const a = got.get(k);
    if (!a) rows.push({ op: 'missing', expected: e });
    else rows.push(sameRecord(e, a) ? { op: 'same', actual: a } : { op: 'changed', expected: e, actual: a });
  }
  for (const [k, a] of got) if (!want.has(k)) rows.push({ op: 'unexpected', actual: a });
  return rows;
}

const MODE_TEXT: Record<ExpectMode, string> = { exact: 'exact order', ignoreOrder: 'any order', lastPerKey: 'last value per key', onlyKeys: 'only these keys' };

function recordText(r: ExpectedRecord): string {
  return `key ${canonicalJson(r.key)} value ${canonicalJson(r.value)}${r.timestamp === undefined ? '' : ` @${r.timestamp}`}`;
}

/** A failed sink as text: one line per record that differs (`-` expected, `+` produced, `~` changed). */
export function formatVerdict(v: SinkVerdict, indent = '  '): string {
  const lines = [`${indent}${v.topic} (${MODE_TEXT[v.mode]}): ${v.pass ? 'as expected' : `differs (${v.actualCount} record(s) produced)`}`];
  for (const r of v.rows) {
    if (r.op === 'missing') lines.push(`${indent}  - expected, not produced: ${recordText(r.expected)}`);
    else if (r.op === 'unexpected') lines.push(`${indent}  + produced, not expected: ${recordText(r.actual)}`);
    else if (r.op === 'changed') lines.push(`${indent}  ~ expected ${recordText(r.expected)}\n${indent}      but got ${recordText(r.actual)}`);
  }
  return lines.join('\n');
}

/** Every expectation of a test case against what the run produced, sinks in the order given. */
export function checkExpectations(expected: Record<string, { mode: ExpectMode; records: readonly ExpectedRecord[] }>, actual: Record<string, readonly ActualRecord[]>): SinkVerdict[] {
  return Object.keys(expected).map((topic) => {
    const got = Object.hasOwn(actual, topic) ? actual[topic] : [];
    return compareRecords(topic, expected[topic].mode, expected[topic].records, got.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })));
  });
}
