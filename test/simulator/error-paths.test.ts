/** simulate(): errors of user functions and samples name the node, the function (field) and the record or sample. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

describe('simulate error paths', () => {
  it('a throwing aggregator flags the aggregate node with field, record and message; the run stops there', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('a', 'aggregate', { initializer: '() => 0', aggregator: '(k, v, agg) => agg + v.amount.cents' }, 'total'), node('t', 'toStream'), node('o', 'to')],
      [['s', 'g'], ['g', 'a'], ['a', 't'], ['t', 'o']],
      { in: [{ key: 'k', value: { amount: { cents: 5 } }, timestamp: 1 }, { key: 'k', value: { price: 3 }, timestamp: 2 }, { key: 'k', value: { amount: { cents: 1 } }, timestamp: 3 }] },
    );
    const r = simulate({ doc });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ nodeId: 'a', field: 'aggregator', record: { key: 'k', value: { price: 3 }, timestamp: 2 } });
    expect(r.error!.message).toMatch(/^total \(aggregator\): Cannot read properties of undefined \(reading 'cents'\) — while processing record key="k" value=\{"price":3\} timestamp=2$/);
    expect(r.nodes.a.error).toMatchObject({ field: 'aggregator', message: "total (aggregator): Cannot read properties of undefined (reading 'cents')" });
    // The first record went through; the third was never piped.
    expect(r.sinks.output).toEqual([{ key: 'k', value: 5, timestamp: 1 }]);
  });

  it('a function that returns what the JSON serde cannot write names the sink node and topic', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: '(v) => v / 0 - v / 0' }, 'ratio'), node('o', 'to', { topic: 'ratios' }, 'write-ratios')], [['s', 'm'], ['m', 'o']], {
      in: [{ key: 'k', value: 0, timestamp: 1 }],
    });
    const r = simulate({ doc });
    expect(r.ok).toBe(false);
    expect(r.error?.nodeId).toBe('o');
    expect(r.error?.message).toMatch(/^write-ratios: value written by "write-ratios" to topic "ratios": JSON serde cannot write NaN — while processing record key="k" value=NaN timestamp=1$/);
  });

  it("the node's error is the function's whole message, whatever text it holds (nothing is parsed out of a message)", () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: "(v) => { throw new Error('in — out — in') }" }, 'cut'), node('o', 'to')], [['s', 'm'], ['m', 'o']], {
      in: [{ key: 'k', value: 1, timestamp: 1 }],
    });
    const r = simulate({ doc });
    expect(r.nodes.m.error?.message).toBe('cut (mapper): in — out — in');
    expect(r.error?.message).toBe('cut (mapper): in — out — in — while processing record key="k" value=1 timestamp=1');
  });

  it('an engine error on a sample names the sample, even when its text names the topic', () => {
    const doc = design([node('s', 'stream', { topic: 'in', valueSerde: 'string' }), node('o', 'to')], [['s', 'o']], { in: [{ key: 'k', value: 'a', timestamp: 1 }, { key: 'k', value: 42, timestamp: 2 }] });
    expect(simulate({ doc }).error?.message).toMatch(/^sample 2 of topic "in": value of a record for topic "in": String serde cannot write a number/);
  });

  it.each([
    [{ key: 'k', value: 1, timestamp: -1 }, 'sample 2 of topic "in" has a negative timestamp (-1); timestamps are epoch milliseconds >= 0'],
    [{ key: 'k', value: 1 }, 'sample 2 of topic "in" has no valid timestamp (got undefined)'],
    [{ key: 'k', value: 1, timestamp: '2024-01-01' }, 'sample 2 of topic "in" has no valid timestamp (got "2024-01-01")'],
  ])('sample %j: the run stops before it with "%s"; the sample before it is processed', (bad, message) => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('o', 'to')], [['s', 'o']], { in: [{ key: 'a', value: 1, timestamp: 1 }, bad as never] });
    const r = simulate({ doc });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(message);
    expect(r.sinks.output).toEqual([{ key: 'a', value: 1, timestamp: 1 }]);
  });
});
