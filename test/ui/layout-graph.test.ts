/**
 * Auto layout's input: runs of one-to-one nodes become one box, and the positions read back put
 * every node where the layered layout would (left to right, no overlaps), with elkjs run in Node.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { designFromJson } from '../../src/model/load';
import type { TopologyDocument } from '../../src/model/types';
import { layoutInput, NODE_BOX, warmUpGraph, type Positions } from '../../src/ui/canvas/layout-graph';
import { chainDesign, parallelDesign } from '../../bench/designs';
import { design, node } from '../fixtures/build';

const elk = new ELK({ algorithms: ['layered'] });

async function layout(doc: Pick<TopologyDocument, 'nodes' | 'edges'>): Promise<Positions> {
  const { graph, positions } = layoutInput(doc);
  return positions(await elk.layout(graph));
}

/** The layout's promises: every node placed, no two cards' boxes overlap, every edge goes left to right. */
function expectReadable(doc: Pick<TopologyDocument, 'nodes' | 'edges'>, pos: Positions) {
  expect(Object.keys(pos).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
  const boxes = doc.nodes.map((n) => ({ id: n.id, ...pos[n.id] }));
  for (const a of boxes)
    for (const b of boxes) {
      if (a.id >= b.id) continue;
      const apart = a.x + NODE_BOX.width <= b.x || b.x + NODE_BOX.width <= a.x || a.y + NODE_BOX.height <= b.y || b.y + NODE_BOX.height <= a.y;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  for (const e of doc.edges) expect(pos[e.target].x, `${e.source} -> ${e.target}`).toBeGreaterThan(pos[e.source].x);
}

describe('layoutInput', () => {
  it('makes a pipeline one box and puts its nodes one layer apart, in order', async () => {
    const doc = chainDesign(30, 0);
    const { graph } = layoutInput(doc);
    expect(graph.children).toHaveLength(1);
    expect(graph.edges).toEqual([]);
    const pos = await layout(doc);
    const xs = doc.nodes.map((n) => pos[n.id].x);
    expect(new Set(doc.nodes.map((n) => pos[n.id].y)).size).toBe(1);
    expect(xs.slice(1).map((x, i) => x - xs[i])).toEqual(Array(29).fill(NODE_BOX.width + 80));
  });

  it('keeps nodes with several inputs or outputs as their own boxes', () => {
    // a -> b -> j, c -> j (a join), j -> s, s -> x, s -> y (a split), x -> y2
    const doc = design(
      ['a', 'b', 'c', 'j', 's', 'x', 'y', 'y2'].map((id) => node(id, 'peek')),
      [['a', 'b'], ['b', 'j', 'left'], ['c', 'j', 'right'], ['j', 's'], ['s', 'x'], ['s', 'y'], ['y', 'y2']],
    );
    const { graph } = layoutInput(doc);
    // Runs: a-b, c, j-s (j's only successor s has j as its only predecessor), x, y-y2.
    expect(graph.children!.map((c) => [c.id, c.width])).toEqual([
      ['a', 2 * NODE_BOX.width + 80],
      ['c', NODE_BOX.width],
      ['j', 2 * NODE_BOX.width + 80],
      ['x', NODE_BOX.width],
      ['y', 2 * NODE_BOX.width + 80],
    ]);
    expect(graph.edges!.map((e) => `${e.sources[0]}->${e.targets[0]}`)).toEqual(['a->j', 'c->j', 'j->x', 'j->y']);
  });

  it('lays out branches, joins, parallel pipelines and every example readably', async () => {
    const branched = design(
      ['a', 'b', 'c', 'j', 's', 'x', 'y', 'y2', 'z'].map((id) => node(id, 'peek')),
      [['a', 'b'], ['b', 'j', 'left'], ['c', 'j', 'right'], ['j', 's'], ['s', 'x'], ['s', 'y'], ['y', 'y2'], ['x', 'z'], ['y2', 'z']],
    );
    expectReadable(branched, await layout(branched));
    const parallel = parallelDesign(5, 6);
    expectReadable(parallel, await layout(parallel));
    const dir = join(import.meta.dirname, '..', '..', 'public', 'examples');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
      const r = designFromJson(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!r.ok) throw new Error(f);
      expectReadable(r.doc, await layout(r.doc));
    }
  });

  it('cuts a cycle of one-to-one links instead of looping', async () => {
    const doc = design(['a', 'b', 'c'].map((id) => node(id, 'peek')), [['a', 'b'], ['b', 'c'], ['c', 'a']]);
    const { graph } = layoutInput(doc);
    expect(graph.children!.map((c) => c.id)).toEqual(['a']);
    expect(Object.keys(await layout(doc)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('has a warm-up graph elkjs lays out', async () => {
    const laidOut = await elk.layout(warmUpGraph());
    expect(laidOut.children).toHaveLength(8);
    expect(laidOut.edges).toHaveLength(9);
  });
});
