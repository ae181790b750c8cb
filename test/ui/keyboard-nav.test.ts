/** Arrow-key moves between cards and the palette's "add after the selection" command. */
import { describe, expect, it } from 'vitest';
import { appendNode } from '../../src/model/append';
import { spatialNeighbour } from '../../src/ui/canvas/keyboard-nav';
import { design, node } from '../fixtures/build';

describe('spatialNeighbour', () => {
  const centres = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 300, y: 10 }],
    ['c', { x: 0, y: 200 }],
    ['far', { x: 900, y: 0 }],
    ['diag', { x: 300, y: 280 }],
  ]);
  it('picks the nearest card within 45 degrees, straight ahead before off to the side', () => {
    expect(spatialNeighbour(centres, 'a', 'ArrowRight')).toBe('b');
    expect(spatialNeighbour(centres, 'a', 'ArrowDown')).toBe('c');
    expect(spatialNeighbour(centres, 'c', 'ArrowRight')).toBe('diag');
    expect(spatialNeighbour(centres, 'a', 'ArrowLeft')).toBeNull();
    expect(spatialNeighbour(centres, 'a', 'ArrowUp')).toBeNull();
    expect(spatialNeighbour(centres, 'missing', 'ArrowUp')).toBeNull();
  });
});

describe('appendNode', () => {
  const layout = { step: { x: 300, y: 0 }, box: { width: 250, height: 100 } };
  it('places the new node right of the given one (below when taken) and connects them when allowed', () => {
    const doc = design([node('s', 'stream', { topic: 't' }), node('x', 'filter')], []);
    doc.nodes[1].position = { x: 300, y: 0 };
    const r = appendNode(doc, 's', 'mapValues', layout);
    expect(r.connected).toBe(true);
    expect(r.doc.nodes.find((n) => n.id === r.nodeId)?.position).toEqual({ x: 300, y: 120 });
    expect(r.doc.edges).toEqual([expect.objectContaining({ source: 's', target: r.nodeId, targetPort: 'in' })]);
  });
  it('adds but does not connect what the checker refuses, saying why by code', () => {
    const doc = design([node('s', 'stream', { topic: 't' })], []);
    const r = appendNode(doc, 's', 'count', layout);
    expect(r.connected).toBe(false);
    expect(r.refusal?.code).toBe('E_CONNECT_KIND');
    expect(r.doc.nodes).toHaveLength(2);
    expect(r.doc.edges).toHaveLength(0);
  });
});
