/** Auto layout's rows: a long chain wraps into the rows that show it largest in the viewport. */
import { describe, expect, it } from 'vitest';
import { NODE_BOX, type Positions } from '../../src/ui/canvas/layout-graph';
import { FIT, fitZoom, MIN_READABLE_ZOOM, wrapToViewport } from '../../src/ui/canvas/layout-wrap';

const STEP = NODE_BOX.width + 80;
const chain = (n: number): Positions => Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, { x: i * STEP, y: 0 }]));

function bounds(pos: Positions) {
  const all = Object.values(pos);
  const x0 = Math.min(...all.map((p) => p.x)), y0 = Math.min(...all.map((p) => p.y));
  return { width: Math.max(...all.map((p) => p.x)) + NODE_BOX.width - x0, height: Math.max(...all.map((p) => p.y)) + NODE_BOX.height - y0 };
}

describe('wrapToViewport', () => {
  it('wraps a six-node chain into rows that reach a larger zoom in a landscape canvas, in reading order', () => {
    const viewport = { width: 880, height: 556 };
    const before = chain(6);
    const after = wrapToViewport(before, viewport);
    expect(fitZoom(bounds(after), viewport)).toBeGreaterThan(1.8 * fitZoom(bounds(before), viewport));
    const rows = [...new Set(Object.values(after).map((p) => p.y))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThan(1);
    // Reading order: row by row, left to right within a row.
    const order = Object.keys(after).sort((a, b) => after[a].y - after[b].y || after[a].x - after[b].x);
    expect(order).toEqual(Object.keys(before));
    // No two cards overlap.
    const ps = Object.values(after);
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
      const apart = Math.abs(ps[i].x - ps[j].x) >= NODE_BOX.width || Math.abs(ps[i].y - ps[j].y) >= NODE_BOX.height;
      expect(apart).toBe(true);
    }
  });

  it('keeps a layout already taller than the viewport, and never cuts through a column of cards', () => {
    const tall: Positions = { a: { x: 0, y: 0 }, b: { x: 0, y: 400 }, c: { x: STEP, y: 200 } };
    expect(wrapToViewport(tall, { width: 1000, height: 600 })).toBe(tall);
    // Cards overlapping in x (not a clean column gap) stay in one row.
    const ragged: Positions = { a: { x: 0, y: 0 }, b: { x: NODE_BOX.width / 2, y: 200 }, c: { x: NODE_BOX.width, y: 0 } };
    const out = wrapToViewport(ragged, { width: 300, height: 2000 });
    expect(out.a.y - out.b.y).toBe(ragged.a.y - ragged.b.y);
  });

  it('wraps a chain too long to show whole at a readable zoom into rows as wide as the viewport at that zoom', () => {
    const viewport = { width: 1160, height: 656 };
    const out = wrapToViewport(chain(300), viewport);
    const { width } = bounds(out);
    expect(width * MIN_READABLE_ZOOM * (1 + FIT.padding)).toBeLessThanOrEqual(viewport.width);
    expect(width * MIN_READABLE_ZOOM * (1 + FIT.padding)).toBeGreaterThan(viewport.width - NODE_BOX.width - 80);
    expect(new Set(Object.values(out).map((p) => p.y)).size).toBe(75);
  });
});
