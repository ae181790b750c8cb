/** Test cases in the design document: read from files, checked with codes, edited with pure commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import { parseDesign, serializeDesign } from '../../src/model/load';
import { addTestCase, pinExpected, removeTestCase, setExpectMode, setTestSamples, unpinExpected } from '../../src/model/test-case-commands';
import type { TopologyDocument } from '../../src/model/types';
import { runTestCases } from '../../src/simulator/test-run';

const WORD_COUNT = readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'word-count.json'), 'utf8');
const base = (): TopologyDocument => {
  const r = parseDesign(WORD_COUNT);
  if (!r.ok) throw new Error('example does not load');
  return r.doc;
};
const testCodes = (doc: TopologyDocument) => checkDesign(doc).filter((d) => d.testId !== undefined).map((d) => [d.code, d.param]);

describe('test cases in the document', () => {
  it('survive a save and a load unchanged', () => {
    const doc = base();
    const again = parseDesign(serializeDesign(doc));
    expect(again.ok && again.doc.tests).toEqual(doc.tests);
  });

  it('a bad case is refused with the JSON path of the problem', () => {
    const raw = JSON.parse(WORD_COUNT);
    raw.tests[0].expected['word-counts'].mode = 'sorted';
    raw.tests[0].samples['text-lines'][0].timestamp = -1;
    const r = parseDesign(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toContain("$.tests[0].samples.text-lines[0].timestamp");
    expect(paths).toContain("$.tests[0].expected.word-counts.mode");
  });

  it('topics named __proto__ or constructor are topics like any other', () => {
    const raw = JSON.parse(WORD_COUNT);
    raw.tests[0].samples = JSON.parse('{"__proto__": [{"key": null, "value": "x", "timestamp": 1}]}');
    const r = parseDesign(JSON.stringify(raw));
    expect(r.ok).toBe(true);
    const samples = r.ok ? r.doc.tests![0].samples : {};
    expect(Object.keys(samples)).toEqual(['__proto__']);
    expect(testCodes(r.ok ? r.doc : base())).toContainEqual(['W_TEST_SOURCE_UNKNOWN', 'tests.0.samples.__proto__']);
  });

  it('the checker reports duplicate names, unknown sinks and empty cases as coded warnings', () => {
    let doc = base();
    doc = addTestCase(doc, { name: 'The example samples' }).doc;
    doc = pinExpected(doc, 't2', 'nowhere', []);
    expect(testCodes(doc)).toEqual([
      ['W_TEST_NAME', 'tests.1.name'],
      ['W_TEST_SINK_UNKNOWN', 'tests.1.expected.nowhere'],
    ]);
    doc = unpinExpected(doc, 't2', 'nowhere');
    expect(testCodes(doc)).toContainEqual(['W_TEST_EMPTY', 'tests.1.expected']);
    expect(checkDesign(doc).every((d) => d.testId === undefined || d.severity === 'warning')).toBe(true);
  });

  it('pin, edit samples, change mode: the run follows each edit', () => {
    const added = addTestCase(base(), { name: 'hello', samples: { 'text-lines': [{ key: null, value: 'hello hello', timestamp: 5 }] } });
    const testId = added.testId;
    let doc = added.doc;
    doc = pinExpected(doc, testId, 'word-counts', [{ key: 'hello', value: 2, timestamp: 5 }]);
    const only = (d: TopologyDocument) => runTestCases(d, (t) => t.id === testId)![0];
    expect(only(doc).pass).toBe(false); // exact: the first count (1) is missing
    doc = setExpectMode(doc, testId, 'word-counts', 'lastPerKey');
    expect(only(doc).pass).toBe(true);
    doc = setTestSamples(doc, testId, 'text-lines', [{ key: null, value: 'hello', timestamp: 5 }]);
    expect(only(doc).sinks[0].rows).toEqual([{ op: 'changed', expected: { key: 'hello', value: 2, timestamp: 5 }, actual: { key: 'hello', value: 1, timestamp: 5 } }]);
    expect(removeTestCase(removeTestCase(doc, testId), 't1').tests).toBeUndefined();
  });
});
