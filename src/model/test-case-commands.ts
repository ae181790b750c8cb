/**
 * Pure edit commands on a design's test cases (each returns a new document), for the designer's
 * store: pin a sink's output as expected, edit a case's samples, rename, change a mode, remove.
 */
import { nameTable, ownEntry } from './name-table';
import type { AssertionMode, DesignTestCase, ExpectedSinkRecords, SampleRecord, TopologyDocument } from './types';

export function testCasesOf(doc: TopologyDocument): DesignTestCase[] {
  return doc.tests ?? [];
}

function withCase(doc: TopologyDocument, id: string, change: (t: DesignTestCase) => DesignTestCase): TopologyDocument {
  const tests = testCasesOf(doc);
  if (!tests.some((t) => t.id === id)) return doc;
  return { ...doc, tests: tests.map((t) => (t.id === id ? change(t) : t)) };
}

function copyTable<T>(table: Record<string, T>, change: Record<string, T | undefined> = {}): Record<string, T> {
  const out = nameTable<T>(Object.entries(table));
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A name not used by another case: "Case 1", "Case 2", ... */
export function nextTestCaseName(doc: TopologyDocument, base = 'Case'): string {
  const taken = new Set(testCasesOf(doc).map((t) => t.name));
  let i = testCasesOf(doc).length + 1;
  while (taken.has(`${base} ${i}`)) i++;
  return `${base} ${i}`;
}

/** A new case with the given samples (a copy of the design's when not given) and no expectation yet. */
export function addTestCase(doc: TopologyDocument, init: { name?: string; samples?: Record<string, SampleRecord[]> } = {}): { doc: TopologyDocument; testId: string } {
  const taken = new Set(testCasesOf(doc).map((t) => t.id));
  let i = taken.size + 1;
  while (taken.has(`t${i}`)) i++;
  const test: DesignTestCase = { id: `t${i}`, name: init.name ?? nextTestCaseName(doc), samples: copyTable(init.samples ?? doc.samples), expected: nameTable() };
  return { doc: { ...doc, tests: [...testCasesOf(doc), test] }, testId: test.id };
}

export function removeTestCase(doc: TopologyDocument, id: string): TopologyDocument {
  const tests = testCasesOf(doc).filter((t) => t.id !== id);
  if (tests.length === 0) {
    const { tests: _gone, ...rest } = doc;
    return rest;
  }
  return { ...doc, tests };
}

export function renameTestCase(doc: TopologyDocument, id: string, name: string): TopologyDocument {
  return withCase(doc, id, (t) => ({ ...t, name }));
}

export function setTestSamples(doc: TopologyDocument, id: string, topic: string, records: SampleRecord[]): TopologyDocument {
  return withCase(doc, id, (t) => ({ ...t, samples: copyTable(t.samples, { [topic]: records }) }));
}

/**
 * Makes `records` what the case expects on `topic`. Keeps the sink's mode when it had one; a new
 * expectation compares in exact order.
 */
export function pinExpected(doc: TopologyDocument, id: string, topic: string, records: ExpectedSinkRecords['records'], mode?: AssertionMode): TopologyDocument {
  return withCase(doc, id, (t) => {
    const was = ownEntry(t.expected, topic);
    const plain = records.map((r) => ({ key: r.key, value: r.value, ...(r.timestamp === undefined ? {} : { timestamp: r.timestamp }) }));
    return { ...t, expected: copyTable(t.expected, { [topic]: { mode: mode ?? was?.mode ?? 'exact', records: plain } }) };
  });
}

export function setExpectMode(doc: TopologyDocument, id: string, topic: string, mode: AssertionMode): TopologyDocument {
  return withCase(doc, id, (t) => {
    const was = ownEntry(t.expected, topic);
    return was ? { ...t, expected: copyTable(t.expected, { [topic]: { ...was, mode } }) } : t;
  });
}

export function unpinExpected(doc: TopologyDocument, id: string, topic: string): TopologyDocument {
  return withCase(doc, id, (t) => ({ ...t, expected: copyTable(t.expected, { [topic]: undefined }) }));
}
