/**
 * An input record edited inline from the preview: key and value as JSON text (a bare word is taken
 * as a string), timestamp as epoch milliseconds. Errors name the field. Pure.
 */
import type { SampleRecord } from '../../../model/types';

export interface SampleDraft {
  key: string;
  value: string;
  timestamp: string;
}

export type SampleEditResult = { ok: true; record: SampleRecord } | { ok: false; field: keyof SampleDraft; message: string };

export function draftOf(r: { key: unknown; value: unknown; timestamp: number }): SampleDraft {
  return { key: JSON.stringify(r.key) ?? 'null', value: JSON.stringify(r.value) ?? 'null', timestamp: String(r.timestamp) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(t) as unknown };
  } catch (e) {
    // A bare word (no quotes) is what people type for a string key or value.
    if (/^[^"{}[\],:]+$/.test(t) && !/^(true|false|null|-?\d)/.test(t)) return { ok: true, value: t };
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
}

export function parseSampleDraft(d: SampleDraft, headers?: Record<string, string>): SampleEditResult {
  const key = parseJson(d.key);
  if (!key.ok) return { ok: false, field: 'key', message: key.message };
  const value = parseJson(d.value);
  if (!value.ok) return { ok: false, field: 'value', message: value.message };
  const ts = Number(d.timestamp.trim());
  if (d.timestamp.trim() === '' || !Number.isInteger(ts) || ts < 0) return { ok: false, field: 'timestamp', message: 'must be epoch milliseconds (a whole number >= 0)' };
  return { ok: true, record: { key: key.value, value: value.value, timestamp: ts, ...(headers ? { headers } : {}) } };
}

/** "<topic>#<index>" -> topic and index (topics may contain '#'). */
export function parseInputId(id: string): { topic: string; index: number } {
  const at = id.lastIndexOf('#');
  return { topic: id.slice(0, at), index: Number(id.slice(at + 1)) };
}
