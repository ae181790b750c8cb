/** What the Designs list shows without loading a design: summary line, thumbnail, names, ages. */
import { describe, expect, it } from 'vitest';
import { addNode, connect, emptyDesign, updateParams } from '../../src/model/commands';
import { summarizeDesign, summaryLine, thumbnail, THUMB_H, THUMB_W, timeAgo, toAppName, uniqueDesignName } from '../../src/model/design-summary';

function wordCountish() {
  let doc = emptyDesign('wc');
  const a = addNode(doc, 'stream', { x: 0, y: 0 }, { topic: 'lines' });
  const b = addNode(a.doc, 'filter', { x: 300, y: 0 });
  const c = addNode(b.doc, 'to', { x: 600, y: 200 });
  doc = updateParams(c.doc, c.nodeId, { topic: 'out' });
  for (const [s, t] of [[a.nodeId, b.nodeId], [b.nodeId, c.nodeId]]) {
    const r = connect(doc, { source: s, target: t, targetPort: 'in' });
    if ('error' in r) throw new Error(r.error);
    doc = r.doc;
  }
  return doc;
}

describe('design summary', () => {
  it('counts nodes and names the topics read and written', () => {
    const s = summarizeDesign(wordCountish());
    expect(s).toMatchObject({ nodes: 3, reads: ['lines'], writes: ['out'] });
    expect(summaryLine(s)).toBe('3 nodes · lines → out');
    expect(summaryLine({ nodes: 1, reads: [], writes: [] })).toBe('1 node');
    expect(summaryLine({ nodes: 5, reads: ['a', 'b', 'c'], writes: [] })).toBe('5 nodes · a, b +1 → …');
  });
  it('draws the layout inside the thumbnail box, keeping its shape, with edges by node index', () => {
    const t = thumbnail(wordCountish());
    expect(t.nodes).toHaveLength(3);
    for (const [x, y] of t.nodes) {
      expect(x + t.card.w).toBeLessThanOrEqual(THUMB_W + 0.5);
      expect(y + t.card.h).toBeLessThanOrEqual(THUMB_H + 0.5);
      expect(Math.min(x, y)).toBeGreaterThanOrEqual(0);
    }
    // left to right, the sink lower than the others
    expect(t.nodes[0][0]).toBeLessThan(t.nodes[1][0]);
    expect(t.nodes[2][1]).toBeGreaterThan(t.nodes[0][1]);
    expect(t.edges).toEqual([[0, 1], [1, 2]]);
    expect(thumbnail(emptyDesign())).toEqual({ nodes: [], edges: [], card: { w: 0, h: 0 } });
  });
  it('keeps the boxes visible on a 300-node design', () => {
    let doc = emptyDesign();
    for (let i = 0; i < 300; i++) doc = addNode(doc, 'filter', { x: i * 250, y: 0 }).doc;
    const t = thumbnail(doc);
    expect(t.card.w).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(t).length).toBeLessThan(6000);
  });
  it('names a design apart from the others', () => {
    expect(uniqueDesignName('word-count', ['orders'])).toBe('word-count');
    expect(uniqueDesignName('word-count', ['word-count'])).toBe('word-count-2');
    expect(uniqueDesignName('word-count', ['word-count', 'word-count-2'])).toBe('word-count-3');
    expect(uniqueDesignName('word-count-2', ['word-count-2'])).toBe('word-count-3');
    expect(uniqueDesignName('__proto__', ['__proto__'])).toBe('__proto__-2');
  });
  it('makes an application name of any text', () => {
    expect(toAppName('my app ${x}`*/')).toBe('my-app---x----');
    expect(toAppName('ok.name_1-2')).toBe('ok.name_1-2');
  });
  it('says how long ago', () => {
    const now = 1_000_000_000;
    expect(timeAgo(now - 500, now)).toBe('just now');
    expect(timeAgo(now - 2000, now)).toBe('2 s ago');
    expect(timeAgo(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(timeAgo(now - 5 * 3600_000, now)).toBe('5 h ago');
    expect(timeAgo(now - 3 * 86400_000, now)).toBe('3 days ago');
    expect(timeAgo(now + 5000, now)).toBe('just now');
  });
});
