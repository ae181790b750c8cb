/** The checker's messages and places for small failing designs (check-table.test.ts covers every code). */
import { describe, expect, it } from 'vitest';
import { checkDesign as validateDesign } from '../../src/model/check';
import { canConnect } from '../../src/model/connect';
import { design, node } from '../fixtures/build';

const messages = (doc: Parameters<typeof validateDesign>[0]) => validateDesign(doc).map((d) => `${d.nodeId ?? d.edgeId ?? ''}|${d.param ?? ''}|${d.message}`);

const wordCount = () =>
  design(
    [node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })],
    [['s', 'g'], ['g', 'c'], ['c', 't'], ['t', 'o']],
  );

describe('checkDesign', () => {
  it('accepts a valid design', () => {
    expect(validateDesign(wordCount())).toEqual([]);
  });
  it('unknown operator', () => {
    expect(messages(design([node('x', 'frobnicate')], []))).toContain('x|kind|unknown operator "frobnicate"');
  });
  it('missing input', () => {
    expect(messages(design([node('f', 'filter')], []))).toEqual([expect.stringMatching(/^f\|inputs\|missing input "input"/)]);
  });
  it('a sink with no input', () => {
    expect(messages(design([node('o', 'to', { topic: 'out' })], []))).toEqual([expect.stringMatching(/^o\|inputs\|a sink with no input/)]);
  });
  it('count on an ungrouped stream', () => {
    const m = messages(design([node('s', 'stream'), node('c', 'count')], [['s', 'c']]));
    expect(m).toContain('c|inputs|cannot aggregate a KStream; group it first (groupByKey or groupBy)');
  });
  it('windowedBy after a table', () => {
    const m = messages(design([node('t', 'table'), node('w', 'windowedBy')], [['t', 'w']]));
    expect(m.some((x) => x.startsWith('w|inputs|windowedBy cannot follow a KTable'))).toBe(true);
  });
  it('a cycle', () => {
    const m = messages(design([node('a', 'filter'), node('b', 'mapValues')], [['a', 'b'], ['b', 'a']]));
    expect(m.filter((x) => x.includes('cycle')).length).toBe(2);
  });
  it('duplicate names', () => {
    const m = messages(design([node('a', 'stream', {}, 'same'), node('b', 'stream', { topic: 'x' }, 'same')], []));
    expect(m).toContain('b|name|the name "same" is used by another node; names must be unique');
  });
  it('a stream-stream join without a window (negative window)', () => {
    const doc = design([node('l', 'stream', { topic: 'l' }), node('r', 'stream', { topic: 'r' }), node('j', 'join', { beforeMs: -5 })], [['l', 'j', 'left'], ['r', 'j', 'right']]);
    expect(messages(doc)).toContain('j|beforeMs|must be zero or positive');
  });
  it('a stream-globalTable join without a key selector', () => {
    const doc = design([node('l', 'stream'), node('g', 'globalTable'), node('j', 'join')], [['l', 'j', 'left'], ['g', 'j', 'right']]);
    expect(messages(doc)).toContain('j|keySelector|a stream-globalTable join needs a key selector');
  });
  it('a function that does not parse names the line and column', () => {
    const doc = design([node('s', 'stream'), node('f', 'filter', { predicate: '(key, value) =>\n  value.amount >' })], [['s', 'f']]);
    const d = validateDesign(doc);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'E_FN_PARSE', nodeId: 'f', param: 'predicate', line: expect.any(Number), column: expect.any(Number) });
    expect(d[0].message).toMatch(/does not parse: Unexpected token/);
  });
  it('a function that smuggles statements is refused', () => {
    const doc = design([node('s', 'stream'), node('f', 'filter', { predicate: '(k, v) => true); console.log("x"); ((' })], [['s', 'f']]);
    expect(validateDesign(doc)[0]).toMatchObject({ nodeId: 'f', param: 'predicate' });
  });
  it('bad numbers: negative window size, zero gap, advance larger than size', () => {
    const base = (params: Record<string, unknown>) => design([node('s', 'stream'), node('g', 'groupByKey'), node('w', 'windowedBy', params)], [['s', 'g'], ['g', 'w']]);
    expect(messages(base({ type: 'tumbling', sizeMs: -1 }))).toContain('w|sizeMs|must be zero or positive');
    expect(messages(base({ type: 'session', gapMs: 0 }))).toContain('w|gapMs|must be greater than zero');
    expect(messages(base({ type: 'hopping', sizeMs: 1000, advanceMs: 5000 }))).toContain('w|advanceMs|advance (5000 ms) must not exceed the size (1000 ms)');
  });
  it('suppress untilWindowCloses on a non-windowed table', () => {
    const doc = design([node('t', 'table'), node('s', 'suppress', { mode: 'untilWindowCloses' })], [['t', 's']]);
    expect(messages(doc).some((x) => x.startsWith('s|inputs|suppress(untilWindowCloses) needs a windowed KTable'))).toBe(true);
  });
  it('a grouped table reduce without a subtractor, a session aggregate without a merger', () => {
    const t = design([node('t', 'table'), node('g', 'groupBy', { mapper: '(k, v) => [v, v]' }), node('r', 'reduce')], [['t', 'g'], ['g', 'r']]);
    expect(messages(t)).toContain('r|subtractor|a grouped table needs a subtractor');
    const s = design([node('s', 'stream'), node('g', 'groupByKey'), node('w', 'windowedBy', { type: 'session' }), node('a', 'aggregate')], [['s', 'g'], ['g', 'w'], ['w', 'a']]);
    expect(messages(s)).toContain('a|merger|session windows need a merger');
  });
  it('an edge from a split port that does not exist', () => {
    const doc = design([node('s', 'stream'), node('sp', 'split'), node('o', 'to')], [['s', 'sp'], ['sp', 'o', 'in', 'nope']]);
    expect(messages(doc).some((x) => x.includes('has no output "nope"'))).toBe(true);
  });
});

describe('canConnect', () => {
  const doc = design([node('s', 'stream'), node('t', 'table'), node('c', 'count'), node('w', 'windowedBy'), node('j', 'join'), node('s2', 'stream', { topic: 'b' }), node('s3', 'stream', { topic: 'c' })], [['s', 'j', 'left'], ['s2', 'j', 'right']]);
  it('refuses count on an ungrouped stream, with the reason', () => {
    expect(canConnect(doc, { source: 's', target: 'c', targetPort: 'in' })).toEqual({ ok: false, code: 'E_CONNECT_KIND', reason: 'count cannot take a KStream; its grouped input takes KGroupedStream or KGroupedTable or TimeWindowedKStream or SessionWindowedKStream' });
  });
  it('refuses windowedBy after a table', () => {
    expect(canConnect(doc, { source: 't', target: 'w', targetPort: 'in' })).toMatchObject({ ok: false, code: 'E_CONNECT_KIND' });
  });
  it('refuses a third input to a join', () => {
    expect(canConnect(doc, { source: 's3', target: 'j', targetPort: 'left' })).toEqual({ ok: false, code: 'E_INPUT_ARITY', reason: 'join already has its left input (a join takes exactly two inputs)' });
  });
  it('refuses a connection that closes a cycle and accepts a valid one', () => {
    // merge takes any number of inputs, so the cycle is the only thing wrong with c -> m.
    const chain = design([node('a', 'stream'), node('m', 'merge'), node('c', 'mapValues')], [['a', 'm'], ['m', 'c']]);
    expect(canConnect(chain, { source: 'c', target: 'm', targetPort: 'in' })).toMatchObject({ ok: false, code: 'E_CYCLE' });
    const single = design([node('a', 'stream'), node('b', 'filter'), node('c', 'mapValues')], [['a', 'b'], ['b', 'c']]);
    expect(canConnect(single, { source: 'c', target: 'b', targetPort: 'in' })).toMatchObject({ ok: false, code: 'E_INPUT_ARITY' });
    expect(canConnect(design([node('a', 'stream'), node('b', 'filter')], []), { source: 'a', target: 'b', targetPort: 'in' })).toEqual({ ok: true });
  });
  it('refuses an edge out of a sink, or out of a split but not from a branch (the checker would flag it: E_OUTPUT_UNKNOWN)', () => {
    const doc = design([node('a', 'stream'), node('o', 'to', { topic: 'out' }), node('sp', 'split', { branches: [{ name: 'big', predicate: '(k, v) => v > 1' }] }), node('f', 'filter')], [['a', 'o'], ['a', 'sp']]);
    expect(canConnect(doc, { source: 'o', target: 'f', targetPort: 'in' })).toEqual({ ok: false, code: 'E_OUTPUT_UNKNOWN', reason: 'to is a sink and has no output' });
    expect(canConnect(doc, { source: 'sp', target: 'f', targetPort: 'in' })).toMatchObject({ ok: false, code: 'E_OUTPUT_UNKNOWN' });
    expect(canConnect(doc, { source: 'sp', sourcePort: 'big', target: 'f', targetPort: 'in' })).toEqual({ ok: true });
  });
});
