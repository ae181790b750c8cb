/** Canvas mapping: an edit keeps the flow objects of unchanged nodes, so React Flow skips them. */
import { describe, expect, it } from 'vitest';
import { badEdgeKey, CARD_SIZE, forgetEstimates, HANDLE, toFlowEdges, toFlowNodes } from '../../src/ui/canvas/flow-mapping';
import { nodeById, nodeProblems } from '../../src/ui/use-analysis';
import { design, node } from '../fixtures/build';

const doc = design([node('s', 'stream', { topic: 'in' }), node('f', 'filter', { predicate: '(k, v) => true' }), node('o', 'to', { topic: 'out' })], [['s', 'f'], ['f', 'o']]);

describe('toFlowNodes', () => {
  it('keeps unchanged nodes and returns the previous array when nothing changed', () => {
    const first = toFlowNodes(doc, []);
    expect(first.map((n) => n.id)).toEqual(['s', 'f', 'o']);
    const renamed = { ...doc, name: 'other' };
    expect(toFlowNodes(renamed, [], first)).toBe(first);
  });

  it('replaces only the moved or (de)selected nodes', () => {
    const first = toFlowNodes(doc, []);
    const moved = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'f' ? { ...n, position: { x: 10, y: 20 } } : n)) };
    const next = toFlowNodes(moved, ['o'], first);
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1].position).toEqual({ x: 10, y: 20 });
    expect(next[2]).toMatchObject({ id: 'o', selected: true });
  });

  it('keeps what React Flow measured of a moved node, so it is not rendered and measured again', () => {
    const measured = toFlowNodes(doc, []).map((n) => ({ ...n, measured: { width: 180, height: 64 } }));
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 500, y: 7 } })) };
    const next = toFlowNodes(moved, ['f'], measured);
    expect(next.map((n) => [n.id, n.position, n.measured, !!n.selected])).toEqual([
      ['s', { x: doc.nodes[0].position.x + 500, y: 7 }, { width: 180, height: 64 }, false],
      ['f', { x: doc.nodes[1].position.x + 500, y: 7 }, { width: 180, height: 64 }, true],
      ['o', { x: doc.nodes[2].position.x + 500, y: 7 }, { width: 180, height: 64 }, false],
    ]);
    expect(next[0]).not.toBe(measured[0]);
  });

  it('gives a new node the usual card size and its handles, so React Flow need not render it to measure it', () => {
    const join = design([node('a', 'stream', { topic: 'a' }), node('b', 'table', { topic: 'b' }), node('j', 'join', { joiner: '(l, r) => l', windowSizeMs: 1000 }), node('s', 'split', { branches: [{ name: 'x', predicate: '(k, v) => true' }, { name: 'y', predicate: '(k, v) => false' }] })], []);
    const [a, , j, sp] = toFlowNodes(join, []);
    expect([a.initialWidth, a.initialHeight]).toEqual([CARD_SIZE.width, CARD_SIZE.height]);
    const handles = (n: typeof a) => n.handles!.map((h) => [h.type, h.id, h.position, h.x, h.y]);
    // Handles are centred on the card's edge (h: half a handle's hit area).
    const h = HANDLE / 2;
    // A source has one output, in the middle of its right side, and the anchor of topic links from connectors mid-left.
    expect(handles(a)).toEqual([
      ['source', 'out', 'right', CARD_SIZE.width - h, CARD_SIZE.height / 2 - h],
      ['target', 'topic-in', 'left', -h, CARD_SIZE.height / 2 - h],
    ]);
    // A join's two inputs at 1/3 and 2/3 of its left side; a split has an output per branch.
    expect(handles(j)).toEqual([
      ['target', 'left', 'left', -h, CARD_SIZE.height / 3 - h],
      ['target', 'right', 'left', -h, (2 * CARD_SIZE.height) / 3 - h],
      ['source', 'out', 'right', CARD_SIZE.width - h, CARD_SIZE.height / 2 - h],
    ]);
    expect(handles(sp).filter((h) => h[0] === 'source').map((h) => h[1])).toEqual(['x', 'y', 'default']);
  });

  it('drops the estimated handles of nodes React Flow has measured, and keeps the array when none was', () => {
    const first = toFlowNodes(doc, []);
    expect(forgetEstimates(first)).toBe(first);
    const measured = [first[0], { ...first[1], measured: { width: 190, height: 80 } }, first[2]];
    const next = forgetEstimates(measured);
    expect(next.map((n) => !!n.handles)).toEqual([true, false, true]);
    expect(next[1].measured).toEqual({ width: 190, height: 80 });
    expect(next[0]).toBe(first[0]);
  });

  it('drops deleted nodes and adds new ones', () => {
    const first = toFlowNodes(doc, []);
    const next = toFlowNodes({ ...doc, nodes: [doc.nodes[0], node('x', 'peek')] }, [], first);
    expect(next.map((n) => n.id)).toEqual(['s', 'x']);
    expect(next[0]).toBe(first[0]);
  });
});

describe('toFlowEdges', () => {
  it('marks edges that have a diagnostic', () => {
    const key = badEdgeKey([{ code: 'E_OUTPUT_UNKNOWN', severity: 'error', edgeId: 'e2', message: 'x' }, { code: 'E_CONNECT_KIND', severity: 'error', nodeId: 's', message: 'y' }]);
    const edges = toFlowEdges(doc.edges, key);
    expect(edges.map((e) => [e.id, e.style?.stroke])).toEqual([
      ['e1', undefined],
      ['e2', 'var(--err)'],
    ]);
  });
});

describe('per-node lookups', () => {
  it('indexes nodes by id and lists a node\'s errors', () => {
    expect(nodeById(doc).get('f')).toBe(doc.nodes[1]);
    const broken = design([node('s', 'stream', { topic: 'in' }), node('c', 'count')], [['s', 'c']]);
    expect(nodeProblems(broken, 'c').map((d) => d.message)).toEqual(['cannot aggregate a KStream; group it first (groupByKey or groupBy)']);
    expect(nodeProblems(broken, 's')).toEqual([]);
    expect(nodeProblems(doc, 'f')).toEqual([]);
  });
});
