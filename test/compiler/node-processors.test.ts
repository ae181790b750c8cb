/** The compiler says which processors and stores each design node became, and which carry its output. */
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { design, exampleDesign, node } from '../fixtures/build';

describe('compileDesign: processors and stores per design node', () => {
  it('records what each lowering added; an aggregation owns the repartition it needed and its store', () => {
    const np = compileDesign(exampleDesign('word-count')).nodeProcessors;
    expect(np.get('group')).toEqual({ processors: ['by-word'], entries: ['by-word'], stores: [], outputs: [{ processor: 'by-word' }] });
    expect(np.get('count')).toEqual({
      processors: ['by-word-repartition-sink', 'by-word-repartition-source', 'word-counts'],
      entries: ['by-word-repartition-sink'],
      stores: ['counts-store'],
      outputs: [{ processor: 'word-counts' }],
    });
    expect(np.get('sink')?.outputs).toEqual([{ processor: 'word-counts-out' }]);
  });

  it('gives one output per branch port of a split', () => {
    const split = compileDesign(exampleDesign('split-branches')).nodeProcessors.get('split')!;
    expect(split.entries).toEqual([split.processors[0]]);
    expect(split.outputs.map((o) => o.port)).toEqual(['large', 'medium', 'small']);
    expect(split.outputs.map((o) => o.processor)).toEqual(split.processors.slice(1));
  });

  it('a grouping node shows what it groups; a table keeps the store a later join materialized', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('w', 'windowedBy', { type: 'tumbling', sizeMs: 10 }), node('c', 'count'), node('t', 'table', { topic: 't' }), node('j', 'join')],
      [['s', 'g'], ['g', 'w'], ['w', 'c'], ['s', 'j', 'left'], ['t', 'j', 'right']],
    );
    const np = compileDesign(doc).nodeProcessors;
    expect(np.get('g')).toEqual({ processors: [], entries: [], stores: [], outputs: np.get('s')!.outputs });
    expect(np.get('w')?.outputs).toEqual(np.get('s')!.outputs);
    const table = np.get('t')!;
    expect(table.stores).toHaveLength(1);
    expect(np.get('j')!.stores).toEqual([]);
    expect(table.outputs).toEqual([{ processor: table.processors[1] }]);
  });

  it('a global table shows the records its source reads', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('gt', 'globalTable', { topic: 'ref' }), node('j', 'join', { keySelector: '(k, v) => k' })], [['s', 'j', 'left'], ['gt', 'j', 'right']]);
    const compiled = compileDesign(doc);
    const gt = compiled.nodeProcessors.get('gt')!;
    expect(gt.processors).toHaveLength(2);
    expect(gt.outputs).toEqual([{ processor: gt.processors[0] }]);
    expect(compiled.sourceTopics).toEqual(new Set(['in', 'ref']));
  });

  it('a node that failed to compile, and those below it, have no entry', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: '(v) =>' }), node('o', 'to')], [['s', 'm'], ['m', 'o']]);
    expect([...compileDesign(doc).nodeProcessors.keys()]).toEqual(['s']);
  });
});
