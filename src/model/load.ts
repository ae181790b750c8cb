/** Reading and writing design files: JSON errors with line and column, schema errors with the JSON path. */
import { documentSchema } from './schema';
import { migrateDocument } from './migrate';
import type { TopologyDocument } from './types';

export interface LoadError {
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

export type LoadResult = { ok: true; doc: TopologyDocument; migratedFrom?: number } | { ok: false; errors: LoadError[] };

export function parseJsonWithPosition(text: string): { ok: true; value: unknown } | { ok: false; error: LoadError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    let line: number | undefined;
    let column: number | undefined;
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      line = before.split('\n').length;
      column = pos - before.lastIndexOf('\n');
    } else {
      const lc = /line (\d+) column (\d+)/.exec(msg);
      if (lc) {
        line = Number(lc[1]);
        column = Number(lc[2]);
      }
    }
    const clean = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+.*$/, '');
    return { ok: false, error: { message: `invalid JSON: ${clean}`, line, column } };
  }
}

export function parseDesign(text: string): LoadResult {
  const json = parseJsonWithPosition(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return designFromJson(json.value);
}

export function designFromJson(value: unknown): LoadResult {
  const migrated = migrateDocument(value);
  if (!migrated.ok) return { ok: false, errors: [{ message: migrated.message }] };
  const parsed = documentSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ message: i.message, path: '$' + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') })),
    };
  }
  return { ok: true, doc: parsed.data as TopologyDocument, ...(migrated.from < 1 ? { migratedFrom: migrated.from } : {}) };
}

/** Stable, pretty JSON (2-space indent, fields in schema order). */
export function serializeDesign(doc: TopologyDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
