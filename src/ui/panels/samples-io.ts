/**
 * Parsing sample records from the editor or an imported file (JSON array, JSONL, CSV), with the line
 * of the first problem. Pure: nothing is applied unless the whole input is valid.
 */
import { EXAMPLE_SAMPLE } from '../../model/commands';
import { parseJsonWithPosition } from '../../model/load';
import { sampleRecordSchema } from '../../model/schema';
import type { SampleRecord } from '../../model/types';

/** A failure may say the input is a list of plain values (`plainValues`: how many), which wrapValues turns into records. */
export type ParsedSamples = { ok: true; records: SampleRecord[] } | { ok: false; message: string; line: number; column?: number; plainValues?: number };

/** An object with a record's own fields: anything else in a list of samples is a plain value. */
function looksLikeRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('value' in v || 'timestamp' in v);
}

/** Plain values as record values: no key, a second apart from the example record's time. */
export function wrapValues(values: unknown[], start = EXAMPLE_SAMPLE.timestamp): SampleRecord[] {
  return values.map((value, i) => ({ key: null, value: value ?? null, timestamp: start + i * 1000 }));
}

/** The plain values of a JSON array (none of them a record), or null. */
export function plainValuesOf(text: string): unknown[] | null {
  const j = parseJsonWithPosition(text);
  return j.ok && Array.isArray(j.value) && j.value.length > 0 && !j.value.some(looksLikeRecord) ? j.value : null;
}

function check(value: unknown, line: number, what: string): { ok: true; record: SampleRecord } | { ok: false; message: string; line: number } {
  const r = sampleRecordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data as SampleRecord };
  const i = r.error.issues[0];
  return { ok: false, message: `${what}: ${i.path.join('.') || 'record'}: ${i.message}`, line };
}

/** Line where the n-th top-level array element starts (for schema errors in a JSON array). */
/** The line record `index` starts at, in text of a format parseSamples read. */
export function lineOfRecord(text: string, format: 'json' | 'jsonl' | 'csv', index: number): number {
  if (format === 'json') return lineOfElement(text, index);
  const lines = text.split('\n');
  let seen = format === 'csv' ? -2 : -1;
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() && ++seen === index) return i + 1;
  return 1;
}

function lineOfElement(text: string, index: number): number {
  let depth = 0;
  let count = -1;
  let line = 1;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inStr) {
      if (ch === '\\') i++;
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) count++;
      if (depth === 1 && count === index) return line;
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
    else if (depth === 1 && !/[\s,]/.test(ch)) {
      count++;
      if (count === index) return line;
    }
  }
  return 1;
}

export function parseSamples(text: string, format: 'json' | 'jsonl' | 'csv'): ParsedSamples {
  if (format === 'jsonl') {
    const records: SampleRecord[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      const j = parseJsonWithPosition(lines[i]);
      if (!j.ok) return { ok: false, message: j.error.message, line: i + 1, column: j.error.column };
      const c = check(j.value, i + 1, `line ${i + 1}`);
      if (!c.ok) return c;
      records.push(c.record);
    }
    return { ok: true, records };
  }
  if (format === 'csv') return parseCsv(text);
  const j = parseJsonWithPosition(text);
  if (!j.ok) return { ok: false, message: j.error.message, line: j.error.line ?? 1, column: j.error.column };
  if (!Array.isArray(j.value)) return { ok: false, message: 'expected a JSON array of records [{ "key", "value", "timestamp" }]', line: 1 };
  if (j.value.length > 0 && !j.value.some(looksLikeRecord)) {
    return { ok: false, message: `expected records shaped { "key", "value", "timestamp" }, got ${j.value.length} plain value(s) (the first: ${JSON.stringify(j.value[0])?.slice(0, 40)})`, line: 1, plainValues: j.value.length };
  }
  const records: SampleRecord[] = [];
  for (let i = 0; i < j.value.length; i++) {
    // The line is only looked up for the failing record: a scan per record would be quadratic.
    const c = check(j.value[i], 0, `record ${i + 1}`);
    if (!c.ok) return { ...c, line: lineOfElement(text, i) };
    records.push(c.record);
  }
  return { ok: true, records };
}

/** CSV with a header row containing key, value and timestamp; cells that parse as JSON become JSON. */
function parseCsv(text: string): ParsedSamples {
  const rows = text.split(/\r?\n/).filter((l) => l.trim());
  if (!rows.length) return { ok: true, records: [] };
  const header = splitCsvLine(rows[0]).map((h) => h.trim().toLowerCase());
  for (const col of ['key', 'value', 'timestamp']) if (!header.includes(col)) return { ok: false, message: `CSV header needs a "${col}" column (got: ${header.join(', ')})`, line: 1 };
  const records: SampleRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = splitCsvLine(rows[i]);
    const get = (c: string) => cells[header.indexOf(c)] ?? '';
    const cell = (s: string): unknown => {
      const t = s.trim();
      if (t === '') return null;
      try {
        return JSON.parse(t);
      } catch {
        return t;
      }
    };
    const c = check({ key: cell(get('key')), value: cell(get('value')), timestamp: Number(get('timestamp')) }, i + 1, `line ${i + 1}`);
    if (!c.ok) return c;
    records.push(c.record);
  }
  return { ok: true, records };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatSamples(records: SampleRecord[]): string {
  return '[\n' + records.map((r) => '  ' + JSON.stringify(r)).join(',\n') + '\n]\n';
}

export interface GenerateOptions {
  count: number;
  keys: string[];
  startMs: number;
  endMs: number;
  /** JSON template for values; "$i" becomes the record index, "$key" the key, "$rand" a number 0-99. */
  valueTemplate: string;
  /** Fraction (0..1) of records swapped with a neighbour (out of order). */
  outOfOrder: number;
  /** Fraction (0..1) of records moved far back in time (late). */
  late: number;
  lateByMs: number;
  seed: number;
}

/** Deterministic generated samples (a seeded RNG), timestamps spread evenly over the range. */
export function generateSamples(o: GenerateOptions): SampleRecord[] {
  let s = o.seed >>> 0 || 1;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const step = o.count > 1 ? (o.endMs - o.startMs) / (o.count - 1) : 0;
  const out: SampleRecord[] = [];
  for (let i = 0; i < o.count; i++) {
    const key = o.keys.length ? o.keys[Math.floor(rand() * o.keys.length)] : null;
    const text = o.valueTemplate.replace(/\$i\b/g, String(i)).replace(/\$key\b/g, String(key)).replace(/\$rand\b/g, String(Math.floor(rand() * 100)));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    let ts = Math.round(o.startMs + i * step);
    if (rand() < o.late) ts = Math.max(0, ts - o.lateByMs);
    out.push({ key, value, timestamp: ts });
  }
  for (let i = 1; i < out.length; i++) if (rand() < o.outOfOrder) [out[i - 1], out[i]] = [out[i], out[i - 1]];
  return out;
}
