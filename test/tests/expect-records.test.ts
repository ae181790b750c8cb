/** The four assertion modes of test cases, and the diff they give (src/engine/expect-records.ts). */
import { describe, expect, it } from 'vitest';
import { checkExpectations, compareRecords, formatVerdict, type ActualRecord } from '../../src/engine';
import { ASSERTION_MODES } from '../../src/model/test-cases';
import { EXPECT_MODES } from '../../src/engine';

const r = (key: unknown, value: unknown, timestamp = 1): ActualRecord => ({ key, value, timestamp });
const ops = (v: { rows: { op: string }[] }) => v.rows.map((x) => x.op);

describe('assertion modes', () => {
  it('the model and the engine know the same modes', () => {
    expect([...ASSERTION_MODES]).toEqual([...EXPECT_MODES]);
  });

  it('exact: same records in the same order; object member order does not matter', () => {
    expect(compareRecords('t', 'exact', [r('a', { x: 1, y: 2 }), r('b', 2)], [r('a', { y: 2, x: 1 }), r('b', 2)]).pass).toBe(true);
    const swapped = compareRecords('t', 'exact', [r('a', 1), r('b', 2)], [r('b', 2), r('a', 1)]);
    expect(swapped.pass).toBe(false);
    expect(ops(swapped).filter((o) => o !== 'same')).toHaveLength(2);
  });

  it('exact: a changed value of a key is one "changed" row, an extra record "unexpected", a lost one "missing"', () => {
    const v = compareRecords('t', 'exact', [r('a', 1), r('b', 2), r('c', 3)], [r('a', 1), r('b', 20), r('d', 4)]);
    expect(v.rows).toEqual([
      { op: 'same', actual: r('a', 1) },
      { op: 'changed', expected: r('b', 2), actual: r('b', 20) },
      { op: 'missing', expected: r('c', 3) },
      { op: 'unexpected', actual: r('d', 4) },
    ]);
    expect(formatVerdict(v)).toContain('- expected, not produced: key "c" value 3 @1');
  });

  it('a timestamp is compared only where the expectation gives one', () => {
    expect(compareRecords('t', 'exact', [{ key: 'a', value: 1 }], [r('a', 1, 99)]).pass).toBe(true);
    expect(compareRecords('t', 'exact', [{ key: 'a', value: 1, timestamp: 5 }], [r('a', 1, 99)]).pass).toBe(false);
  });

  it('ignoreOrder: the same records as a multiset', () => {
    expect(compareRecords('t', 'ignoreOrder', [r('a', 1), r('b', 2)], [r('b', 2), r('a', 1)]).pass).toBe(true);
    const twice = compareRecords('t', 'ignoreOrder', [r('a', 1), r('a', 1)], [r('a', 1)]);
    expect(twice.pass).toBe(false);
    expect(ops(twice)).toEqual(['same', 'missing']);
  });

  it('lastPerKey: only the final value of each key counts; a null value deletes the key', () => {
    const actual = [r('a', 1), r('b', 1), r('a', 2), r('c', 5), r('c', null)];
    expect(compareRecords('t', 'lastPerKey', [r('a', 2), r('b', 1)], actual).pass).toBe(true);
    const v = compareRecords('t', 'lastPerKey', [r('a', 1), r('c', 5)], actual);
    expect(v.rows).toEqual([
      { op: 'changed', expected: r('a', 1), actual: r('a', 2) },
      { op: 'missing', expected: r('c', 5) },
      { op: 'unexpected', actual: r('b', 1) },
    ]);
  });

  it('onlyKeys: the records of the named keys, in order; other keys are ignored', () => {
    const actual = [r('a', 1), r('x', 9), r('a', 2), r('y', 0)];
    expect(compareRecords('t', 'onlyKeys', [r('a', 1), r('a', 2)], actual).pass).toBe(true);
    expect(compareRecords('t', 'onlyKeys', [r('a', 2), r('a', 1)], actual).pass).toBe(false);
    expect(compareRecords('t', 'exact', [r('a', 1), r('a', 2)], actual).pass).toBe(false);
  });

  it('windowed keys compare as data', () => {
    expect(compareRecords('t', 'exact', [r({ start: 0, key: 'k', end: 10 }, 3)], [r({ key: 'k', start: 0, end: 10 }, 3)]).pass).toBe(true);
  });

  it('an expected sink that got nothing fails, and one expecting nothing passes when nothing came', () => {
    const v = checkExpectations({ out: { mode: 'exact', records: [r('a', 1)] }, none: { mode: 'exact', records: [] } }, {});
    expect(v.map((s) => [s.topic, s.pass])).toEqual([['out', false], ['none', true]]);
  });

  it('large lists fall back to a positional diff and still find the one difference', () => {
    const expected = Array.from({ length: 3000 }, (_, i) => r(`k${i}`, i));
    const actual = expected.map((x, i) => (i === 1500 ? r(x.key, -1) : x));
    const v = compareRecords('t', 'exact', expected, actual);
    expect(v.rows.filter((x) => x.op !== 'same')).toEqual([{ op: 'changed', expected: expected[1500], actual: actual[1500] }]);
  });
});
