/** Fixes offered for refused connections, keyed by the refusal's code; applying one is a pure edit. */
import { describe, expect, it } from 'vitest';
import { canConnect } from '../../src/model/connect';
import { adapterChain, applyConnectionFix, connectionFix } from '../../src/model/connection-fixes';
import { checkDesign } from '../../src/model/check';
import { design, node } from '../fixtures/build';

describe('connection fixes', () => {
  it('offers groupByKey between a stream and count, and applying it connects both sides into a valid design', () => {
    const doc = design([node('lines', 'stream', { topic: 'lines' }), node('counted', 'count'), node('ts', 'toStream'), node('out', 'to', { topic: 'o' })], [['counted', 'ts'], ['ts', 'out']]);
    const edge = { source: 'lines', target: 'counted', targetPort: 'in' };
    const refusal = canConnect(doc, edge);
    expect(refusal).toMatchObject({ ok: false, code: 'E_CONNECT_KIND' });
    const fix = connectionFix(doc, edge, refusal as { code: 'E_CONNECT_KIND' })!;
    expect(fix).toEqual({ action: 'insert groupByKey here', explanation: 'count needs a KGroupedStream, not a KStream', insert: ['groupByKey'] });
    const r = applyConnectionFix(doc, edge, fix);
    if ('error' in r) throw new Error(r.error);
    const [g] = r.nodeIds;
    expect(r.doc.nodes.find((n) => n.id === g)?.kind).toBe('groupByKey');
    expect(r.doc.edges.map((e) => [e.source, e.target])).toEqual([['counted', 'ts'], ['ts', 'out'], ['lines', g], [g, 'counted']]);
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
    // The original document is untouched (a pure command).
    expect(doc.nodes).toHaveLength(4);
  });

  it('chains two operators when one is not enough, and offers nothing it cannot fix', () => {
    expect(adapterChain('KStream', ['TimeWindowedKStream', 'SessionWindowedKStream'])).toEqual({ chain: ['groupByKey', 'windowedBy'], reaches: 'TimeWindowedKStream' });
    expect(adapterChain('KTable', ['KStream'])?.chain).toEqual(['toStream']);
    expect(adapterChain('KTable', ['KGroupedTable'])?.chain).toEqual(['groupBy']);
    expect(adapterChain('KGroupedStream', ['GlobalKTable'])).toBeNull();
    // A third input to a join: refused by arity, no automatic fix.
    const doc = design([node('a', 'stream', { topic: 'a' }), node('b', 'stream', { topic: 'b' }), node('c', 'stream', { topic: 'c' }), node('j', 'join', { joiner: '(l, r) => l' })], [['a', 'j', 'left'], ['b', 'j', 'right']]);
    const edge = { source: 'c', target: 'j', targetPort: 'left' };
    const refusal = canConnect(doc, edge);
    expect(refusal).toMatchObject({ ok: false, code: 'E_INPUT_ARITY' });
    expect(connectionFix(doc, edge, refusal as { code: 'E_INPUT_ARITY' })).toBeNull();
  });
});
