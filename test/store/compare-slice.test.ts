/** Canvas marks of a version compare: changed and added cards by id, removed nodes listed off the canvas, moved-only nodes unmarked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../src/model/design-diff';
import type { TopologyDocument } from '../../src/model/types';
import { canvasCompare, openCompare } from '../../src/store/compare-slice';

const wordCount = (): TopologyDocument => JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'word-count.json'), 'utf8'));

describe('canvasCompare', () => {
  it('marks changed and added cards, lists removed nodes, and leaves moved ones alone', () => {
    const before = wordCount();
    const after = wordCount();
    after.nodes[0].position = { x: 999, y: 999 };
    after.nodes[1].params.mapper = '(value: string) => [value]';
    after.nodes = after.nodes.filter((n) => n.id !== 'ts');
    after.nodes.push({ id: 'extra', kind: 'peek', name: 'look', params: {}, position: { x: 0, y: 0 } });
    const c = canvasCompare('d1', 'v1 → now', diffDesigns(before, after), new Set(after.nodes.map((n) => n.id)));
    expect(Object.keys(c.nodes).sort()).toEqual(['extra', 'words']);
    expect(c.nodes.words).toMatchObject({ change: 'changed', fields: ['mapper'] });
    expect(c.nodes.extra.change).toBe('added');
    expect(c.offCanvas.map((n) => [n.change, n.name])).toEqual([['removed', 'counts-stream']]);
    expect(openCompare({ compare: c, openId: 'd1', setCompare: () => {} })).toBe(c);
    expect(openCompare({ compare: c, openId: 'other', setCompare: () => {} })).toBeNull();
  });
});
