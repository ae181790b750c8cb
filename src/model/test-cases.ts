/**
 * Test cases of a design: their schema, how a design file's cases are read (topics are names users
 * choose: tables without a prototype, as for the samples) and what the checker says about them.
 * Their problems are warnings: a broken test case never stops the preview; it fails when run.
 */
import { z } from 'zod';
import { designTopics } from './commands';
import { nameTable } from './name-table';
import { expectedSinkSchema, sampleRecordSchema, testCaseSchema } from './schema';
import type { AssertionMode, DesignTestCase, Diagnostic, ExpectedSinkRecords, SampleRecord, TopologyDocument } from './types';

export const ASSERTION_MODES: readonly AssertionMode[] = ['exact', 'ignoreOrder', 'lastPerKey', 'onlyKeys'];

export const ASSERTION_MODE_LABELS: Record<AssertionMode, string> = {
  exact: 'exact order',
  ignoreOrder: 'ignore order',
  lastPerKey: 'last value per key',
  onlyKeys: 'only these keys',
};

export interface TestCaseLoadError {
  message: string;
  path: (string | number)[];
}

/** The test cases of a raw (migrated) document, topic tables built key by key like the samples. */
export function testCasesFromJson(raw: unknown): { tests: DesignTestCase[] | undefined; errors: TestCaseLoadError[] } {
  if (raw === undefined) return { tests: undefined, errors: [] };
  if (!Array.isArray(raw)) return { tests: undefined, errors: [{ message: 'expected an array of test cases', path: ['tests'] }] };
  const errors: TestCaseLoadError[] = [];
  const tests = raw.map((c, i) => {
    const at = ['tests', i];
    const { samples, expected, ...rest } = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    const head = testCaseSchema.safeParse({ ...rest, samples: {}, expected: {} });
    if (!head.success) errors.push(...head.error.issues.map((iss) => ({ message: iss.message, path: [...at, ...(iss.path as (string | number)[])] })));
    const s = topicTable(samples, z.array(sampleRecordSchema), [...at, 'samples'], errors) as Record<string, SampleRecord[]>;
    const e = topicTable(expected, expectedSinkSchema, [...at, 'expected'], errors) as Record<string, ExpectedSinkRecords>;
    return { ...(head.success ? head.data : { id: '', name: '' }), samples: s, expected: e } as DesignTestCase;
  });
  return { tests, errors };
}

function topicTable<T>(raw: unknown, schema: z.ZodType<T>, path: (string | number)[], errors: TestCaseLoadError[]): Record<string, T> {
  const table = nameTable<T>();
  if (raw === undefined) return table;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ message: 'expected an object { "<topic>": … }', path });
    return table;
  }
  for (const [topic, value] of Object.entries(raw)) {
    const r = schema.safeParse(value);
    if (r.success) table[topic] = r.data;
    else errors.push(...r.error.issues.map((i) => ({ message: i.message, path: [...path, topic, ...(i.path as (string | number)[])] })));
  }
  return table;
}

/** What the checker says about the test cases (all warnings; see diagnostics.ts for the codes). */
export function checkTestCases(doc: TopologyDocument, out: Diagnostic[]): void {
  const tests = doc.tests ?? [];
  if (tests.length === 0) return;
  const reads = new Set(designTopics(doc, 'reads'));
  const writes = new Set(designTopics(doc, 'writes'));
  const names = new Set<string>();
  const ids = new Set<string>();
  tests.forEach((t, i) => {
    const at = { severity: 'warning' as const, testId: t.id };
    if (ids.has(t.id)) out.push({ ...at, code: 'W_TEST_DUPLICATE', param: `tests.${i}.id`, message: `test case id "${t.id}" is used twice` });
    ids.add(t.id);
    if (!t.name.trim()) out.push({ ...at, code: 'W_TEST_NAME', param: `tests.${i}.name`, message: 'the test case needs a name' });
    else if (names.has(t.name)) out.push({ ...at, code: 'W_TEST_NAME', param: `tests.${i}.name`, message: `another test case is named "${t.name}"` });
    names.add(t.name);
    for (const topic of Object.keys(t.samples))
      if (!reads.has(topic)) out.push({ ...at, code: 'W_TEST_SOURCE_UNKNOWN', param: `tests.${i}.samples.${topic}`, message: `samples for "${topic}", which no source of the design reads (they are ignored)` });
    for (const topic of Object.keys(t.expected))
      if (!writes.has(topic)) out.push({ ...at, code: 'W_TEST_SINK_UNKNOWN', param: `tests.${i}.expected.${topic}`, message: `expects records on "${topic}", which no node of the design writes (the case fails)` });
    if (Object.keys(t.expected).length === 0) out.push({ ...at, code: 'W_TEST_EMPTY', param: `tests.${i}.expected`, message: 'the test case expects nothing: pin a sink\'s output, or it always passes' });
  });
}
