/**
 * KTable#groupBy and table aggregations with nulls, as Kafka's KTableRepartitionMap and
 * KTableAggregate / KTableReduce handle them.
 */
import { describe, expect, it } from 'vitest';
import { Materialized, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const rows = (d: TopologyTestDriver) => d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);

describe('table groupBy and aggregation with nulls', () => {
  it('a selected pair with a null value is skipped like one with a null key (nothing subtracted or added)', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('in')
      .groupBy((k, v) => ['g', v === 'none' ? null : v])
      .count(Materialized.as('c').withCachingDisabled())
      .toStream()
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 'x', 1);
    d.pipe('in', 'b', 'none', 2); // (g, null): nothing goes to the aggregation
    d.pipe('in', 'a', 'none', 3); // old (g, x) usable, new (g, null) not: only the subtraction
    d.pipe('in', 'a', 'y', 4); // old unusable, new usable: only the addition
    expect(rows(d)).toEqual([
      ['g', 1, 1],
      ['g', 0, 3],
      ['g', 1, 4],
    ]);
    expect(d.droppedRecords()).toBe(0);
  });

  it('a subtraction when the aggregate is already gone forwards a null aggregate (KTableReduce)', () => {
    const b = new StreamsBuilder();
    b.table<string, number>('in')
      .groupBy((k, v) => ['g', v])
      // this subtractor drops the aggregate (null) once it would fall below 2, although rows remain
      .reduce(
        (a, v) => a + v,
        (a, v) => (a - v < 2 ? (null as unknown as number) : a - v),
        Materialized.as('r').withCachingDisabled(),
      )
      .toStream()
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 1, 1);
    d.pipe('in', 'b', 1, 2);
    d.pipe('in', 'a', null, 3); // 2 - 1 < 2: aggregate deleted
    d.pipe('in', 'b', null, 4); // nothing left to subtract from: still a (null) update
    d.pipe('in', 'c', 5, 5);
    expect(rows(d)).toEqual([
      ['g', 1, 1],
      ['g', 2, 2],
      ['g', null, 3],
      ['g', null, 4],
      ['g', 5, 5],
    ]);
  });
});
