/**
 * Which processors skip null values, as Kafka's processors do (each skip counts in dropped-records):
 * KStreamAggregate/KStreamReduce and KStreamSlidingWindowAggregate skip null keys AND null values;
 * KStreamWindowAggregate and KStreamSessionWindowAggregate skip only null keys and aggregate a null
 * value like any other.
 */
import { describe, expect, it } from 'vitest';
import { Materialized, SessionWindows, SlidingWindows, StreamsBuilder, TimeWindows, TopologyTestDriver } from '../../src/engine';

const rows = (d: TopologyTestDriver) => d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);

describe('null values in windowed aggregations', () => {
  it('time windows count a null value (KStreamWindowAggregate only skips null keys)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(Materialized.as('c').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 'x', 1);
    d.pipe('in', 'a', null, 2);
    d.pipe('in', null, 'x', 3);
    expect(rows(d)).toEqual([
      [{ key: 'a', start: 0, end: 10 }, 1, 1],
      [{ key: 'a', start: 0, end: 10 }, 2, 2],
    ]);
    expect(d.droppedRecords()).toBe(1);
  });

  it('session windows aggregate a null value (KStreamSessionWindowAggregate only skips null keys)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).count(Materialized.as('s').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', null, 0);
    expect(rows(d)).toEqual([[{ key: 'a', start: 0, end: 0 }, 1, 0]]);
    expect(d.droppedRecords()).toBe(0);
  });

  it('sliding windows skip a null value and count it as dropped', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).count(Materialized.as('w').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', null, 20);
    expect(rows(d)).toEqual([]);
    expect(d.droppedRecords()).toBe(1);
  });
});
