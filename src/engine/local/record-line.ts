/**
 * One input record from one line of JSONL: `{"key":…,"value":…,"timestamp":…,"headers":{…}}`
 * (key and value default to null; a "topic" field is allowed and returned). Problems are data
 * (the field and what is wrong), so the caller names the file and line. No allocation beyond the
 * parsed value on the good path: this runs for every line of files of any size.
 */
import type { InputRecord } from '../input-order';
import { jsonErrorOffset } from './json-error';

export interface LineProblem {
  field?: string;
  /** 1-based, where the JSON text went wrong. */
  column?: number;
  message: string;
}

export type ParsedLine = { record: InputRecord; topic: unknown } | { problem: LineProblem };

export function parseRecordLine(line: string): ParsedLine {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { problem: { message: `invalid JSON (${(e as Error).message})`, column: jsonErrorOffset(line) + 1 } };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { problem: { message: `expected an object {"key", "value", "timestamp"}, got ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}` } };
  const o = v as Record<string, unknown>;
  const problem = timestampProblem(o.timestamp) ?? headersProblem(o.headers);
  if (problem) return { problem };
  const record: InputRecord = { key: o.key ?? null, value: o.value ?? null, timestamp: o.timestamp as number };
  if (o.headers !== undefined) record.headers = o.headers as Record<string, string>;
  return { record, topic: o.topic };
}

function timestampProblem(ts: unknown): LineProblem | null {
  if (typeof ts === 'number' && Number.isInteger(ts) && ts >= 0) return null;
  if (ts === undefined) return { field: 'timestamp', message: 'is missing (each record needs a timestamp in epoch milliseconds)' };
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return { field: 'timestamp', message: `must be a number of epoch milliseconds, got ${JSON.stringify(ts)}` };
  if (!Number.isInteger(ts)) return { field: 'timestamp', message: 'must be whole milliseconds' };
  return { field: 'timestamp', message: 'must be >= 0 (epoch milliseconds)' };
}

function headersProblem(h: unknown): LineProblem | null {
  if (h === undefined) return null;
  if (typeof h === 'object' && h !== null && !Array.isArray(h) && Object.values(h).every((x) => typeof x === 'string')) return null;
  return { field: 'headers', message: 'must be an object of string values' };
}
