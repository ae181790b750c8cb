/** Reading and writing design files: JSON errors with line and column, schema errors with the JSON path. */
import { parseTree, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import { nameTable } from './name-table';
import { documentSchema, sampleRecordSchema, topicSettingsSchema } from './schema';
import { migrateDocument } from './migrate';
import { testCasesFromJson } from './test-cases';
import type { DesignVersion, TopologyDocument } from './types';

export interface LoadError {
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

export type LoadResult = { ok: true; doc: TopologyDocument; migratedFrom?: number } | { ok: false; errors: LoadError[] };

/**
 * JSON.parse, but a syntax error says where: line and column (1-based) of the first problem, found
 * with jsonc-parser (JSON.parse's own messages do not always carry a position).
 */
export function parseJsonWithPosition(text: string): { ok: true; value: unknown } | { ok: false; error: LoadError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return { ok: false, error: { message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` } };
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    return { ok: false, error: { message: `invalid JSON: ${describeError(first.error)}`, line, column } };
  }
}

function describeError(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export function parseDesign(text: string): LoadResult {
  const json = parseJsonWithPosition(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return designFromJson(json.value);
}

export function designFromJson(value: unknown): LoadResult {
  const migrated = migrateDocument(value);
  if (!migrated.ok) return { ok: false, errors: [{ message: migrated.message }] };
  const { samples: rawSamples, tests: rawTests, topics: rawTopics, ...rest } = migrated.doc as { samples?: unknown; tests?: unknown; topics?: unknown };
  const parsed = documentSchema.safeParse({ ...rest, samples: {} });
  const samples = tableByTopic(rawSamples, topicSamples, 'samples', '[records]');
  const topics = rawTopics === undefined ? undefined : tableByTopic(rawTopics, topicSettingsSchema, 'topics', '{ partitions?, keySchema?, valueSchema? }');
  const tests = testCasesFromJson(rawTests);
  const errors = [...(parsed.success ? [] : parsed.error.issues.map((i) => ({ message: i.message, path: jsonPath(i.path) }))), ...samples.errors, ...(topics?.errors ?? []), ...tests.errors.map((e) => ({ message: e.message, path: jsonPath(e.path) }))];
  if (!parsed.success || errors.length) return { ok: false, errors };
  const versions = versionsFromJson(parsed.data.versions);
  if (!versions.ok) return { ok: false, errors: versions.errors };
  const doc = { ...(parsed.data as TopologyDocument), samples: samples.table, ...(topics ? { topics: topics.table } : {}), ...(tests.tests ? { tests: tests.tests } : {}), ...(versions.list ? { versions: versions.list } : {}) };
  keepOwnKeys(doc, migrated.doc);
  return { ok: true, doc, ...(migrated.from < 1 ? { migratedFrom: migrated.from } : {}) };
}

/** Each saved version's design is read as a document (a design file inside the file); versions do not nest. */
function versionsFromJson(raw: (Omit<DesignVersion, 'design'> & { design: Record<string, unknown> })[] | undefined): { ok: true; list?: TopologyDocument['versions'] } | { ok: false; errors: LoadError[] } {
  if (!raw) return { ok: true };
  const list: NonNullable<TopologyDocument['versions']> = [];
  for (const [i, v] of raw.entries()) {
    const { versions: _nested, ...design } = v.design;
    const r = designFromJson(design);
    if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ ...e, path: `$.versions[${i}].design${(e.path ?? '$').slice(1)}` })) };
    list.push({ ...v, design: r.doc });
  }
  return { ok: true, list };
}

function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

const topicSamples = z.array(sampleRecordSchema);

/**
 * A table by topic (samples, topics) without a prototype. Checked topic by topic rather than as a
 * zod record: zod's record leaves a "__proto__" key out and refuses an object with a "constructor"
 * key, and a topic may have either name.
 */
function tableByTopic<T>(raw: unknown, each: z.ZodType<T>, field: string, shape: string): { table: Record<string, T>; errors: LoadError[] } {
  const table = nameTable<T>();
  if (raw === undefined) return { table, errors: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { table, errors: [{ message: `expected an object { "<topic>": ${shape} }`, path: `$.${field}` }] };
  const errors: LoadError[] = [];
  for (const [topic, entry] of Object.entries(raw)) {
    const r = each.safeParse(entry);
    if (r.success) table[topic] = r.data;
    else errors.push(...r.error.issues.map((i) => ({ message: i.message, path: jsonPath([field, topic, ...i.path]) })));
  }
  return { table, errors };
}

/**
 * zod rebuilds a params record by assignment, which turns an own "__proto__" key (JSON.parse keeps
 * it as data) into the object's prototype: its contents would then answer for params the design
 * does not have. Rebuild such params with every key as plain data, so nothing is lost or inherited
 * and the checker reports the key (W_PARAM_UNKNOWN).
 */
function keepOwnKeys(doc: TopologyDocument, raw: unknown) {
  const rawNodes = (raw as { nodes?: { params?: unknown }[] }).nodes ?? [];
  doc.nodes.forEach((n, i) => {
    const p = rawNodes[i]?.params;
    if (!p || typeof p !== 'object' || !Object.hasOwn(p, '__proto__')) return;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    n.params = copy;
  });
}

/** Stable, pretty JSON (2-space indent, fields in schema order). */
export function serializeDesign(doc: TopologyDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
