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

/** A line with nothing but white space is skipped; a record's line starts with "{", so most are decided without trim(). */
export function isBlankLine(line: string): boolean {
  return line.charCodeAt(0) !== 123 && line.trim() === '';
}

export function parseRecordLine(line: string): ParsedLine {
  const parser = new RecordLineParser();
  const record = parser.parse(line);
  return record !== null ? { record, topic: parser.topic } : { problem: parser.problem! };
}

/**
 * parseRecordLine for a feed's every line: the result is the record itself (or null, with the
 * problem in `problem`) and the line's "topic" is left in `topic`, so a good line allocates no
 * wrapper around its record (measured: the garbage of 1M lines is a visible part of a run).
 */
export class RecordLineParser {
  /** The "topic" field of the line parsed last (any JSON value; the caller checks it). */
  topic: unknown = undefined;
  /** What was wrong with the line parsed last, when parse() returned null. */
  problem: LineProblem | null = null;

  parse(line: string): InputRecord | null {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      return this.fail({ message: `invalid JSON (${(e as Error).message})`, column: jsonErrorOffset(line) + 1 });
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail({ message: `expected an object {"key", "value", "timestamp"}, got ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}` });
    const o = v as Record<string, unknown>;
    const problem = timestampProblem(o.timestamp) ?? headersProblem(o.headers);
    if (problem) return this.fail(problem);
    this.topic = o.topic;
    const record: InputRecord = { key: o.key ?? null, value: o.value ?? null, timestamp: o.timestamp as number };
    if (o.headers !== undefined) record.headers = o.headers as Record<string, string>;
    return record;
  }

  private fail(problem: LineProblem): null {
    this.problem = problem;
    this.topic = undefined;
    return null;
  }
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
