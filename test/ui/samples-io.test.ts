/** Sample import and generation: JSON/JSONL/CSV parsing with the line of the first problem; generated records. */
import { describe, expect, it } from 'vitest';
import { generateSamples, parseSamples, plainValuesOf, wrapValues } from '../../src/ui/panels/samples-io';

describe('parseSamples', () => {
  it('parses a JSON array and reports the line of an invalid record', () => {
    expect(parseSamples('[{"key":"a","value":1,"timestamp":5}]', 'json')).toEqual({ ok: true, records: [{ key: 'a', value: 1, timestamp: 5 }] });
    const r = parseSamples('[\n  {"key":"a","value":1,"timestamp":5},\n  {"key":"b","value":2,"timestamp":-1}\n]', 'json');
    expect(r).toMatchObject({ ok: false, line: 3 });
    expect(!r.ok && r.message).toMatch(/record 2: timestamp: must be >= 0/);
  });
  it('reports invalid JSON with line and column', () => {
    expect(parseSamples('[\n  {"key": "a", "value": }\n]', 'json')).toMatchObject({ ok: false, line: 2 });
  });
  it('parses JSONL, naming the bad line', () => {
    expect(parseSamples('{"key":1,"value":"x","timestamp":1}\n\n{"key":2,"value":"y","timestamp":2}\n', 'jsonl')).toMatchObject({ ok: true, records: [{ key: 1 }, { key: 2 }] });
    expect(parseSamples('{"key":1,"value":"x","timestamp":1}\n{"key":2,"value":"y"}', 'jsonl')).toMatchObject({ ok: false, line: 2 });
  });
  it('parses CSV with a header, quoted cells and JSON cells', () => {
    const r = parseSamples('key,value,timestamp\nu1,"{""page"":""/a""}",10\nu2,plain text,20\n', 'csv');
    expect(r).toEqual({ ok: true, records: [{ key: 'u1', value: { page: '/a' }, timestamp: 10 }, { key: 'u2', value: 'plain text', timestamp: 20 }] });
    expect(parseSamples('k,v\n1,2', 'csv')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('generateSamples', () => {
  const base = { count: 50, keys: ['a', 'b'], startMs: 1000, endMs: 50_000, valueTemplate: '{"n": $i}', outOfOrder: 0, late: 0, lateByMs: 10_000, seed: 7 };
  it('spreads timestamps over the range in order, with keys from the set and the template filled in', () => {
    const r = generateSamples(base);
    expect(r).toHaveLength(50);
    expect(r[0].timestamp).toBe(1000);
    expect(r[49].timestamp).toBe(50_000);
    expect(r.every((x, i) => i === 0 || x.timestamp >= r[i - 1].timestamp)).toBe(true);
    expect(new Set(r.map((x) => x.key))).toEqual(new Set(['a', 'b']));
    expect(r[3].value).toEqual({ n: 3 });
  });
  it('adds out-of-order and late records when asked', () => {
    const r = generateSamples({ ...base, outOfOrder: 0.3, late: 0.2 });
    const inversions = r.filter((x, i) => i > 0 && x.timestamp < r[i - 1].timestamp).length;
    expect(inversions).toBeGreaterThan(3);
  });
});

describe('plain values in the samples', () => {
  it('says which shape is expected and how many plain values could be wrapped', () => {
    const r = parseSamples('["hello", "world", 3]', 'json');
    expect(r).toMatchObject({ ok: false, plainValues: 3 });
    expect(!r.ok && r.message).toContain('{ "key", "value", "timestamp" }');
    expect(plainValuesOf('["hello", "world", 3]')).toEqual(['hello', 'world', 3]);
    expect(wrapValues(['hello', 3], 1000)).toEqual([
      { key: null, value: 'hello', timestamp: 1000 },
      { key: null, value: 3, timestamp: 2000 },
    ]);
    // A list with a record in it is a list of records with a mistake, not plain values.
    expect(parseSamples('[{"key":"a","value":1,"timestamp":5}, "x"]', 'json')).not.toHaveProperty('plainValues');
  });
});
