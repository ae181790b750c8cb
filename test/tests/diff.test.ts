/** Versions compared: the canvas diff, the upgrade-safety flags (Kafka Streams' state rules), the behavioural diff and `streamwright diff`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, write } from './cli-run';
import { upgradeFlags } from '../../src/compiler/upgrade-safety';
import { diffDesigns } from '../../src/model/design-diff';
import type { TopologyDocument } from '../../src/model/types';
import { behaviourDiff } from '../../src/simulator/behaviour-diff';
import { design, node } from '../fixtures/build';

const EX = join(__dirname, '..', '..', 'public', 'examples');
const example = (name: string): TopologyDocument => JSON.parse(readFileSync(join(EX, `${name}.json`), 'utf8'));
const byKind = (doc: TopologyDocument, kind: string) => doc.nodes.find((n) => n.kind === kind)!;
const codes = (a: TopologyDocument, b: TopologyDocument) => upgradeFlags(a, b).map((f) => [f.code, f.subject]);


describe('canvas diff', () => {
  it('lists added, removed and changed nodes with the fields that changed; a node only moved is not changed', () => {
    const a = example('word-count');
    const b = structuredClone(a);
    b.nodes[0].position = { x: 999, y: 999 };
    expect(diffDesigns(a, b)).toEqual({ nodes: [], edgesAdded: [], edgesRemoved: [], settings: [] });
    byKind(b, 'flatMapValues').params.mapper = '(v) => v.split(" ")';
    byKind(b, 'count').name = 'totals';
    const removed = b.nodes.pop()!;
    b.edges = b.edges.filter((e) => e.target !== removed.id);
    b.name = 'word-count-2';
    const d = diffDesigns(a, b);
    expect(d.nodes.map((n) => [n.change, n.name, n.fields ?? [], n.renamedFrom])).toEqual([
      ['removed', 'word-counts-out', [], undefined],
      ['changed', 'split-words', ['mapper'], undefined],
      ['changed', 'totals', ['name'], 'word-counts'],
    ]);
    expect(d.edgesRemoved).toHaveLength(1);
    expect(d.settings).toEqual(['name']);
  });
});

describe('upgrade safety', () => {
  it('the same design, moved around, keeps its state', () => {
    const a = example('word-count');
    const b = structuredClone(a);
    b.nodes.forEach((n) => (n.position.x += 50));
    expect(upgradeFlags(a, b)).toEqual([]);
  });

  it('an application id change abandons everything', () => {
    const a = example('word-count');
    expect(codes(a, { ...a, name: 'word-count-2' })).toEqual([['U_APP_ID', 'word-count-2']]);
  });

  it('a store named from the node: renaming the node renames the store; a removed stateful node loses its store', () => {
    const a = example('word-count');
    delete byKind(a, 'count').params.storeName;
    const renamed = structuredClone(a);
    byKind(renamed, 'count').name = 'totals';
    expect(codes(a, renamed)).toEqual([['U_STORE_RENAMED', 'word-counts-store']]);
    const flag = upgradeFlags(a, renamed)[0];
    expect(flag.onDeploy).toContain('starts empty');
    expect(flag.avoid).toContain('store name "word-counts-store"');
  });

  it('a removed stateful node loses its store; another operator on the same store reads it as other data', () => {
    const counting = design([node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })], [['s', 'g'], ['g', 'c'], ['c', 't'], ['t', 'o']]);
    const passing = design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' })], [['s', 'o']]);
    const flags = upgradeFlags(counting, passing);
    expect(flags.map((f) => [f.code, f.nodeId])).toEqual([['U_STORE_REMOVED', 'c']]);
    expect(flags[0].onDeploy).toContain('changelog topic');
    const reducing = structuredClone(counting);
    reducing.nodes[2] = { ...reducing.nodes[2], kind: 'reduce', params: { reducer: '(a, b) => b' } };
    expect(codes(counting, reducing)).toEqual([['U_STORE_SERDE', 'c-store']]);
  });

  it('a repartition topic named from a node: renaming the node loses the records in flight', () => {
    const a = example('word-count');
    const b = structuredClone(a);
    byKind(b, 'groupBy').name = 'by-the-word';
    expect(codes(a, b)).toEqual([['U_REPARTITION_TOPIC', 'by-word-repartition']]);
  });

  it('more partitions for the repartition topics', () => {
    const a = example('word-count');
    const b = { ...structuredClone(a), settings: { ...a.settings, partitions: 3 } };
    expect(codes(a, b)).toEqual([['U_REPARTITION_PARTITIONS', 'by-word-repartition']]);
  });

  it('another serde for stored values', () => {
    const a = example('word-count');
    const b = structuredClone(a);
    byKind(b, 'count').params.valueSerde = 'string';
    expect(codes(a, b)).toEqual([['U_STORE_SERDE', 'counts-store']]);
  });

  it('another window size or grace while the window store keeps its name', () => {
    const a = example('pageview-windows');
    const b = structuredClone(a);
    byKind(b, 'windowedBy').params.graceMs = 30_000;
    const flags = upgradeFlags(a, b);
    expect(flags.map((f) => f.code)).toEqual(['U_WINDOW']);
    expect(flags[0].message).toContain('graceMs 10000 -> 30000');
  });
});

describe('behavioural diff', () => {
  it('per sink, the records added, removed and changed on the same samples and on each test case', () => {
    const a = example('split-branches');
    const b = structuredClone(a);
    byKind(b, 'split').params = JSON.parse(JSON.stringify(byKind(b, 'split').params).replace('>= 1000', '>= 10000'));
    const runs = behaviourDiff(a, b);
    expect(runs.map((r) => r.label)).toEqual(['samples', 'test case The example samples']);
    const large = runs[0].sinks.find((s) => s.topic === 'tx-large')!;
    const medium = runs[0].sinks.find((s) => s.topic === 'tx-medium')!;
    expect(large.removed.length).toBeGreaterThan(0);
    expect(large.added).toEqual([]);
    expect(medium.added).toEqual(large.removed);
    expect(behaviourDiff(a, structuredClone(a)).every((r) => r.sinks.length === 0)).toBe(true);
  });
});

describe('streamwright diff', () => {
  it('exit 0 when nothing but positions changed', async () => {
    const a = example('word-count');
    const b = structuredClone(a);
    b.nodes[2].position.y += 40;
    const r = await cli('diff', write(a), write(b));
    expect(r.out).toContain('the new version keeps the state of the old one');
    expect(r.out).toContain('samples: same records');
    expect(r.code).toBe(0);
  });

  it('exit 1 with both diffs when behaviour or state compatibility changed; --json gives the same as data', async () => {
    const a = example('word-count');
    const b = structuredClone(a);
    byKind(b, 'flatMapValues').params.mapper = '(value) => value.toUpperCase().split(/\\W+/)';
    byKind(b, 'groupBy').name = 'by-the-word';
    const r = await cli('diff', write(a), write(b));
    expect(r.code).toBe(1);
    expect(r.out).toContain('~ flatMapValues "split-words": mapper');
    expect(r.out).toContain('U_REPARTITION_TOPIC');
    expect(r.out).toMatch(/word-counts: 11 added, 11 removed, 0 changed, 0 unchanged/);
    expect(r.out).toContain('+ key "KAFKA" value 3 @1700000002000');
    const j = await cli('diff', write(a), write(b), '--json');
    const out = JSON.parse(j.out);
    expect(out.changed).toBe(true);
    expect(out.upgrade.map((f: { code: string }) => f.code)).toEqual(['U_REPARTITION_TOPIC']);
  });

  it('--samples runs both versions on other records', async () => {
    const a = example('word-count');
    const b = structuredClone(a);
    byKind(b, 'flatMapValues').params.mapper = '(value) => value.toUpperCase().split(/\\W+/)';
    delete a.tests;
    delete b.tests;
    const samples = write({ 'text-lines': [{ key: null, value: '123', timestamp: 1 }] });
    const r = await cli('diff', write(a), write(b), '--samples', samples);
    expect(r.out).toContain('samples: same records');
    expect(r.code).toBe(0);
  });

  it('usage and a broken design exit 2', async () => {
    expect((await cli('diff', write(example('word-count')))).code).toBe(2);
    const broken = example('word-count');
    broken.nodes[1].name = '';
    const r = await cli('diff', write(example('word-count')), write(broken));
    expect(r.code).toBe(2);
    expect(r.err).toContain('[E_NAME_EMPTY]');
  });
});

describe('streamwright fmt', () => {
  it('writes the saved form; --check exits 1 until it is', async () => {
    const file = write(example('word-count'));
    expect((await cli('fmt', file, '--check')).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(example('word-count')));
    const r = await cli('fmt', file);
    expect(r.out).toContain('formatted');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(EX, 'word-count.json'), 'utf8'));
    expect((await cli('fmt', file, '--check')).code).toBe(0);
  });

  it('the examples are in the saved form', async () => {
    const files = readdirSync(EX).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => join(EX, f));
    const r = await cli('fmt', ...files, '--check');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});
