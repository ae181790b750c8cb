/** Params that only apply to some input kinds are shown (and validated) only for those inputs. */
import { describe, expect, it } from 'vitest';
import { analyzeDesign, inputKindsOf } from '../../src/model/graph';
import { getOperator } from '../../src/model/registry';
import { checkDesign as validateDesign } from '../../src/model/check';
import { design, node } from '../fixtures/build';

function visible(doc: ReturnType<typeof design>, id: string): string[] {
  const analysis = analyzeDesign(doc);
  const n = doc.nodes.find((x) => x.id === id)!;
  const params = analysis.params.get(id) ?? {};
  return getOperator(n.kind)!.paramSpecs.filter((s) => !s.visibleWhen || s.visibleWhen(params, inputKindsOf(analysis, id))).map((s) => s.name);
}

describe('param visibility by input kind', () => {
  it('a filter offers a store name on a table, not on a stream', () => {
    expect(visible(design([node('t', 'table', { topic: 't' }), node('f', 'filter')], [['t', 'f']]), 'f')).toContain('storeName');
    expect(visible(design([node('s', 'stream', { topic: 's' }), node('f', 'filter')], [['s', 'f']]), 'f')).not.toContain('storeName');
    // Unconnected: shown, so it can be found before wiring.
    expect(visible(design([node('f', 'mapValues')], []), 'f')).toContain('storeName');
  });
  it('reduce/aggregate offer a subtractor only on grouped tables, aggregate a merger only on session windows', () => {
    const onTable = design([node('t', 'table', { topic: 't' }), node('g', 'groupBy'), node('r', 'reduce'), node('a', 'aggregate')], [['t', 'g'], ['g', 'r'], ['g', 'a']]);
    expect(visible(onTable, 'r')).toContain('subtractor');
    expect(visible(onTable, 'a')).toContain('subtractor');
    expect(visible(onTable, 'a')).not.toContain('merger');
    const onSessions = design([node('s', 'stream', { topic: 's' }), node('g', 'groupByKey'), node('w', 'windowedBy', { type: 'session' }), node('a', 'aggregate')], [['s', 'g'], ['g', 'w'], ['w', 'a']]);
    expect(visible(onSessions, 'a')).toContain('merger');
    expect(visible(onSessions, 'a')).not.toContain('subtractor');
  });
  it('a hidden function is not validated (a leftover broken subtractor on a stream is no error)', () => {
    const doc = design([node('s', 'stream', { topic: 's' }), node('g', 'groupByKey'), node('r', 'reduce', { subtractor: '(a, v) =>' })], [['s', 'g'], ['g', 'r']]);
    expect(validateDesign(doc).filter((d) => d.param === 'subtractor')).toEqual([]);
    const onTable = design([node('t', 'table', { topic: 't' }), node('g', 'groupBy'), node('r', 'reduce', { subtractor: '(a, v) =>' })], [['t', 'g'], ['g', 'r']]);
    expect(validateDesign(onTable).filter((d) => d.param === 'subtractor')).toHaveLength(1);
  });
});
