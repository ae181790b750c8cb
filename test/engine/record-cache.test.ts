/**
 * The record cache of windowed aggregations (caching on, the default): updates of the same window
 * while one input record is processed go out once, at the flush after that record; different windows
 * go out in the order they were first updated.
 */
import { describe, expect, it } from 'vitest';
import { StreamsBuilder, TimeWindows, TopologyTestDriver } from '../../src/engine';

/** Each record's value split into words, the words counted per key and window. */
function wordsCountedIn(windows: TimeWindows): TopologyTestDriver {
  const b = new StreamsBuilder();
  b.stream<string, string>('in')
    .flatMapValues((v) => v.split(' '))
    .groupByKey()
    .windowedBy(windows)
    .count()
    .toStream()
    .to('out');
  return new TopologyTestDriver(b.build());
}

describe('record cache of windowed aggregations', () => {
  it('merges updates of one window within an input record, keeps windows and keys apart', () => {
    const d = wordsCountedIn(TimeWindows.ofSizeWithNoGrace(10).advanceBy(5));
    d.pipe('in', 'a', 'x y z', 7); // windows [0,10) and [5,15): three updates each, one output each
    d.pipe('in', 'b', 'x', 7); // same windows, another key
    d.pipe('in', 'a', 'x', 12); // [5,15) again and a new [10,20)
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp])).toEqual([
      [{ key: 'a', start: 0, end: 10 }, 3, 7],
      [{ key: 'a', start: 5, end: 15 }, 3, 7],
      [{ key: 'b', start: 0, end: 10 }, 1, 7],
      [{ key: 'b', start: 5, end: 15 }, 1, 7],
      [{ key: 'a', start: 5, end: 15 }, 4, 12],
      [{ key: 'a', start: 10, end: 20 }, 1, 12],
    ]);
  });

  it('keeps many windows of one record apart and in order (more than the cache scans before it indexes)', () => {
    const d = wordsCountedIn(TimeWindows.ofSizeWithNoGrace(60).advanceBy(5));
    d.pipe('in', 'a', 'x y x', 100); // 12 windows, [45,105) to [100,160), each updated three times
    d.pipe('in', 'a', 'x', 106); // 12 windows again: 11 of them updated before, [105,165) new
    const out = d.createOutputTopic('out').readRecordsToList().map((r) => [(r.key as { start: number }).start, r.value]);
    const starts = (from: number) => Array.from({ length: 12 }, (_, i) => from + 5 * i);
    expect(out).toEqual([...starts(45).map((s) => [s, 3]), ...starts(50).map((s) => [s, s === 105 ? 1 : 4])]);
  });
});
