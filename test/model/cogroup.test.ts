/** The cogroup node in the model: its repeating ports, its per-input aggregators and its diagnostics. */
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import { connect } from '../../src/model/commands';
import { canConnect } from '../../src/model/connect';
import { analyzeDesign } from '../../src/model/graph';
import { nodeInputPorts } from '../../src/model/ports';
import { getOperator } from '../../src/model/registry';
import type { DesignNode, TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const AGG = '(key, value, aggregate) => aggregate + 1';

/** Three grouped streams -> cogroup -> [windowedBy] -> aggregate -> toStream -> to. */
function cogroupDesign(opts: { cg?: Partial<DesignNode>; window?: Record<string, unknown>; agg?: Record<string, unknown>; edges?: [string, string, string?][]; aggKind?: string } = {}): TopologyDocument {
  const nodes = [
    node('s1', 'stream', { topic: 'a' }), node('g1', 'groupByKey'),
    node('s2', 'stream', { topic: 'b' }), node('g2', 'groupByKey'),
    node('s3', 'stream', { topic: 'c' }), node('g3', 'groupByKey'),
    { ...node('cg', 'cogroup', { aggregators: { in0: AGG, in1: AGG, in2: AGG } }), ...opts.cg },
    ...(opts.window ? [node('w', 'windowedBy', opts.window)] : []),
    node('agg', opts.aggKind ?? 'aggregate', opts.agg ?? { initializer: '() => 0' }),
    node('t', 'toStream'), node('o', 'to', { topic: 'out' }),
  ];
  const edges: [string, string, string?][] = opts.edges ?? [['s1', 'g1'], ['s2', 'g2'], ['s3', 'g3'], ['g1', 'cg', 'in0'], ['g2', 'cg', 'in1'], ['g3', 'cg', 'in2']];
  const tail: [string, string][] = opts.window ? [['cg', 'w'], ['w', 'agg']] : [['cg', 'agg']];
  return design(nodes, [...edges, ...tail, ['agg', 't'], ['t', 'o']]);
}

const codes = (doc: TopologyDocument) => checkDesign(doc).map((d) => ({ code: d.code, nodeId: d.nodeId, param: d.param }));

describe('cogroup in the model', () => {
  it('three grouped streams into one aggregate check clean, plain and windowed', () => {
    expect(checkDesign(cogroupDesign())).toEqual([]);
    const a = analyzeDesign(cogroupDesign());
    expect(a.outputs.get('cg')).toEqual({ kind: 'CogroupedKStream' });
    expect(a.outputs.get('agg')).toEqual({ kind: 'KTable' });
    const session = cogroupDesign({ window: { type: 'session', gapMs: 100 }, agg: { initializer: '() => 0', merger: '(k, a, b) => a + b' } });
    expect(checkDesign(session)).toEqual([]);
    expect(analyzeDesign(session).outputs.get('agg')).toEqual({ kind: 'KTable', windowed: true, sessionWindowed: true });
    expect(checkDesign(cogroupDesign({ window: { type: 'sliding', timeDifferenceMs: 100 } }))).toEqual([]);
  });

  it('an input that is not a grouped stream is refused, at the connection and in a loaded design', () => {
    const doc = cogroupDesign({ edges: [['s1', 'g1'], ['g1', 'cg', 'in0'], ['s2', 'cg', 'in1']] });
    expect(codes(doc)).toContainEqual({ code: 'E_CONNECT_KIND', nodeId: 'cg', param: 'inputs' });
    const open = cogroupDesign({ edges: [['s1', 'g1'], ['g1', 'cg', 'in0']] });
    expect(canConnect(open, { source: 's2', target: 'cg', targetPort: 'in1' })).toMatchObject({ ok: false, code: 'E_CONNECT_KIND' });
    expect(canConnect(open, { source: 'g1', target: 'cg', targetPort: 'in1' })).toMatchObject({ ok: false, code: 'E_INPUT_DUPLICATE' });
    expect(canConnect(open, { source: 'g2', target: 'cg', targetPort: 'in0' })).toMatchObject({ ok: false, code: 'E_INPUT_ARITY' });
  });

  it('a cogroup with no input, or an input at a port it does not have', () => {
    expect(codes(cogroupDesign({ edges: [] }))).toContainEqual({ code: 'E_INPUT_MISSING', nodeId: 'cg', param: 'inputs' });
    expect(codes(cogroupDesign({ edges: [['s1', 'g1'], ['g1', 'cg', 'in']] }))).toContainEqual({ code: 'E_PORT_UNKNOWN', nodeId: 'cg', param: 'inputs' });
  });

  it('every connected input needs its aggregator, which must be a function of (key, value, aggregate)', () => {
    expect(codes(cogroupDesign({ cg: { params: { aggregators: { in0: AGG, in2: AGG } } } }))).toEqual([{ code: 'E_PARAM_REQUIRED', nodeId: 'cg', param: 'aggregators.in1' }]);
    expect(codes(cogroupDesign({ cg: { params: { aggregators: { in0: AGG, in1: '(k, v, a, x, y) => a', in2: 'a +' } } } }))).toEqual([
      { code: 'E_FN_ARITY', nodeId: 'cg', param: 'aggregators.in1' },
      { code: 'E_FN_PARSE', nodeId: 'cg', param: 'aggregators.in2' },
    ]);
  });

  it('after a cogroup only aggregate follows; no emitStrategy on cogrouped windows; sessions need a merger', () => {
    expect(codes(cogroupDesign({ aggKind: 'count', agg: {} }))).toContainEqual({ code: 'E_CONNECT_KIND', nodeId: 'agg', param: 'inputs' });
    expect(codes(cogroupDesign({ window: { type: 'tumbling', sizeMs: 10, emitStrategy: 'onWindowClose' } }))).toEqual([{ code: 'E_PARAM_ENUM', nodeId: 'w', param: 'emitStrategy' }]);
    expect(codes(cogroupDesign({ window: { type: 'session', gapMs: 100 } }))).toEqual([{ code: 'E_PARAM_REQUIRED', nodeId: 'agg', param: 'merger' }]);
  });

  it('a new port appears as you connect, and the new input starts with an aggregator', () => {
    const d = getOperator('cogroup')!;
    expect(nodeInputPorts(d, []).map((p) => p.name)).toEqual(['in0']);
    expect(nodeInputPorts(d, ['in0', 'in1']).map((p) => p.name)).toEqual(['in0', 'in1', 'in2']);
    expect(nodeInputPorts(d, ['in2']).map((p) => p.label)).toEqual(['grouped 1', 'grouped 2', 'grouped 3', 'grouped 4']);
    const empty = design([node('s1', 'stream', { topic: 'a' }), node('g1', 'groupByKey'), node('cg', 'cogroup')], [['s1', 'g1']]);
    const r = connect(empty, { source: 'g1', target: 'cg', targetPort: 'in0' });
    if ('error' in r) throw new Error(r.error);
    expect(r.doc.nodes.find((n) => n.id === 'cg')!.params).toEqual({ aggregators: { in0: AGG } });
  });
});
