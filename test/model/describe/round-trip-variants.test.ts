/**
 * The round trip on variants of the shapes the conformance topologies hold, so the import's rules
 * (not the cases) are what passes: grace periods on tables of every kind that can be versioned, a
 * suppress before each kind of join, and repartitions named after the operator after a key change.
 */
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../src/compiler/compile';
import { checkDesign } from '../../../src/model/check';
import { importDescribe } from '../../../src/model/describe/import';
import type { DesignNode, TopologyDocument } from '../../../src/model/types';
import { design, node } from '../../fixtures/build';

const J = '(a, b) => a + b';
const SUPPRESS = { mode: 'untilTimeLimit', timeLimitMs: 10, maxRecords: null, maxBytes: null, bufferFullStrategy: 'shutDownWhenFull' };
const stream = (id: string) => node(id, 'stream', { topic: `${id}-topic` });
const table = (id: string, params: Record<string, unknown> = {}) => node(id, 'table', { topic: `${id}-topic`, ...params });
const suppress = (id: string) => node(id, 'suppress', SUPPRESS);
const keyBy = (id: string) => node(id, 'selectKey', { mapper: '(key, value) => value' });
const out = [node('ts', 'toStream'), node('o', 'to', { topic: 'out' })];
type Edges = Parameters<typeof design>[1];

/** A stream `s` joined (right side `right`, built by `nodes`) into `o`. */
function streamTableJoin(kind: string, joinParams: Record<string, unknown>, right: string, nodes: DesignNode[], edges: Edges): TopologyDocument {
  return design([stream('s'), ...nodes, node('j', kind, { joiner: J, ...joinParams }), node('o', 'to', { topic: 'out' })], [...edges, ['s', 'j', 'left'], [right, 'j', 'right'], ['j', 'o']]);
}

/** Tables `l` and `r` through `nodes` into a table join `j` of `left` and `right`, then out. */
function tableJoin(kind: string, joinParams: Record<string, unknown>, [left, right]: [string, string], nodes: DesignNode[], edges: Edges): TopologyDocument {
  return design([table('l'), table('r'), ...nodes, node('j', kind, { joiner: J, ...joinParams }), ...out], [...edges, [left, 'j', 'left'], [right, 'j', 'right'], ['j', 'ts'], ['ts', 'o']]);
}

const VARIANTS: [string, TopologyDocument][] = [
  ['grace join on a versioned toTable', streamTableJoin('join', { gracePeriodMs: 5 }, 'tt', [stream('s2'), node('tt', 'toTable', { historyRetentionMs: 1000 })], [['s2', 'tt']])],
  ['grace leftJoin on a versioned mapValues store', streamTableJoin('leftJoin', { gracePeriodMs: 5 }, 'mv', [table('t'), node('mv', 'mapValues', { mapper: '(v) => v', storeName: 'mv-s', historyRetentionMs: 100 })], [['t', 'mv']])],
  ['grace join through an unmaterialized filter', streamTableJoin('join', { gracePeriodMs: 5 }, 'f', [table('t', { historyRetentionMs: 100 }), node('f', 'filter', { predicate: '(k, v) => true' })], [['t', 'f']])],
  ['grace join after a key change', design([stream('s'), keyBy('k'), table('t', { historyRetentionMs: 100 }), node('j', 'join', { joiner: J, gracePeriodMs: 5 }), node('o', 'to', { topic: 'out' })], [['s', 'k'], ['k', 'j', 'left'], ['t', 'j', 'right'], ['j', 'o']])],
  ['suppress before a stream-table join', streamTableJoin('join', {}, 'sup', [table('t'), suppress('sup')], [['t', 'sup']])],
  ['suppress on both sides of a leftJoin', tableJoin('leftJoin', {}, ['s1', 's2'], [suppress('s1'), suppress('s2')], [['l', 's1'], ['r', 's2']])],
  ['suppress after an unmaterialized filter, into a materialized join', tableJoin('join', { storeName: 'js' }, ['l', 's2'], [node('f', 'filter', { predicate: '(k, v) => true' }), suppress('s2')], [['r', 'f'], ['f', 's2']])],
  ['suppress after a suppress, into an outerJoin', tableJoin('outerJoin', {}, ['l', 's2'], [suppress('s1'), suppress('s2')], [['r', 's1'], ['s1', 's2']])],
  ['suppress into a foreign-key join', tableJoin('join', { foreignKeyExtractor: '(v) => v' }, ['l', 's2'], [suppress('s2')], [['r', 's2']])],
  ['suppress into a toStream', design([table('t'), suppress('sup'), ...out], [['t', 'sup'], ['sup', 'ts'], ['ts', 'o']])],
  ['materialized toTable after a key change', design([stream('s'), keyBy('k'), node('tt', 'toTable', { storeName: 'tts' }), ...out], [['s', 'k'], ['k', 'tt'], ['tt', 'ts'], ['ts', 'o']])],
  ['toTable after a key change and a filter, into a join', streamTableJoin('join', {}, 'tt', [stream('s2'), keyBy('k'), node('f', 'filter', { predicate: '(k, v) => true' }), node('tt', 'toTable')], [['s2', 'k'], ['k', 'f'], ['f', 'tt']])],
  ['two toTables after one key change', design([stream('s'), keyBy('k'), node('t1', 'toTable'), node('t2', 'toTable'), node('o1', 'toStream'), node('o2', 'toStream'), node('x', 'to', { topic: 'x' }), node('y', 'to', { topic: 'y' })], [['s', 'k'], ['k', 't1'], ['k', 't2'], ['t1', 'o1'], ['t2', 'o2'], ['o1', 'x'], ['o2', 'y']])],
  ['count after a key change', design([stream('s'), keyBy('k'), node('g', 'groupByKey'), node('c', 'count'), ...out], [['s', 'k'], ['k', 'g'], ['g', 'c'], ['c', 'ts'], ['ts', 'o']])],
];

describe('describe() round trip on variants', () => {
  it.each(VARIANTS)('%s', (_name, doc) => {
    expect(checkDesign(doc).filter((d) => d.severity === 'error')).toEqual([]);
    const text = compileDesign(doc).topology.describe().toString();
    const r = importDescribe(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
    expect(compileDesign(r.doc).topology.describe().toString()).toBe(text);
  });
});
