/** Aggregations, windows and tables through the driver; each case cites the Kafka rule it shows. */
import { describe, expect, it } from 'vitest';
import { Materialized, Named, SessionWindows, SlidingWindows, StreamsBuilder, Suppressed, BufferConfig, TimeWindows, TopologyTestDriver } from '../../src/engine';

const pipeAll = (d: TopologyTestDriver, topic: string, rows: [unknown, unknown, number][]) => rows.forEach(([k, v, t]) => d.pipe(topic, k, v, t));

describe('aggregations and windows', () => {
  it('count: timestamp = max(aggregate ts, record ts) (rule 2); null keys/values skipped (rule 10)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().count(Materialized.as('c').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    pipeAll(d, 'in', [['a', 1, 10], ['a', 1, 5], [null, 1, 11], ['a', null, 12]]);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
      { key: 'a', value: 1, timestamp: 10 },
      { key: 'a', value: 2, timestamp: 10 },
    ]);
    expect(d.droppedRecords()).toBe(2);
  });

  it('caching merges updates of one key produced by one input record (TTD flushes per record)', () => {
    const b = new StreamsBuilder();
    b.stream<string, string>('in').flatMapValues((v) => v.split(' ')).groupByKey().count().toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'k', 'x y z', 1);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([{ key: 'k', value: 3, timestamp: 1 }]);
  });

  it('tumbling windows: [start, end), late records dropped after grace (rule 3)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count().toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    pipeAll(d, 'in', [['a', 1, 0], ['a', 1, 10], ['a', 1, 9], ['a', 1, 16], ['a', 1, 9]]);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([
      [{ key: 'a', start: 0, end: 10 }, 1],
      [{ key: 'a', start: 10, end: 20 }, 1],
      [{ key: 'a', start: 0, end: 10 }, 2],
      [{ key: 'a', start: 10, end: 20 }, 2],
    ]);
    expect(d.droppedRecords()).toBe(1);
  });

  it('hopping windows update every window containing the record, ascending by start', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10).advanceBy(5)).count().toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 1, 12);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => (r.key as { start: number }).start)).toEqual([5, 10]);
  });

  it('session windows merge and retract the old session with a tombstone (rule 5)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).count(Materialized.as('s').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    pipeAll(d, 'in', [['a', 1, 0], ['a', 1, 4]]);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
      { key: { key: 'a', start: 0, end: 0 }, value: 1, timestamp: 0 },
      { key: { key: 'a', start: 0, end: 0 }, value: null, timestamp: 0 },
      { key: { key: 'a', start: 0, end: 4 }, value: 2, timestamp: 4 },
    ]);
  });

  it('sliding windows create left and right windows (rule 6)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).count(Materialized.as('w').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    pipeAll(d, 'in', [['a', 1, 20], ['a', 1, 25]]);
    const out = d.createOutputTopic('out').readRecordsToList().map((r) => [(r.key as { start: number }).start, r.value]);
    // [10,20]=1; then record 25: right window of 20 is [21,31] (=1), left window of 25 is [15,25] (=2)
    expect(out).toEqual([[10, 1], [21, 1], [15, 2]]);
  });

  it('suppress untilWindowCloses emits one final result per window (rule 15)', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(Materialized.as('c').withCachingDisabled()).suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    pipeAll(d, 'in', [['a', 1, 1], ['a', 1, 2], ['b', 1, 3], ['a', 1, 10]]);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [(r.key as { key: string }).key, r.value])).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('tables', () => {
  it('KTable groupBy with a changed key subtracts from the old group and adds to the new one (rule 1)', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('users').groupBy((k, v) => [v, k]).count(Named.as('per-city'), Materialized.as('per-city').withCachingDisabled()).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('users', 'u1', 'paris', 1);
    d.pipe('users', 'u1', 'rome', 2);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
      { key: 'paris', value: 1, timestamp: 1 },
      { key: 'paris', value: 0, timestamp: 2 },
      { key: 'rome', value: 1, timestamp: 2 },
    ]);
  });
});
