/**
 * KIP-962 (InternalStreamsBuilder#rewriteRepartitionNodes): a stream repartition filters null-key
 * records, silently (not counted as dropped), unless a left/outer join downstream takes them.
 */
import { describe, expect, it } from 'vitest';
import { JoinWindows, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

describe('null keys at stream repartitions', () => {
  it('groupBy to a null key: filtered before the repartition topic, not counted as dropped', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupBy(() => null).count().toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 'x', 1);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([]);
    expect(d.droppedRecords()).toBe(0);
  });

  it('groupByKey without a repartition: the aggregation skips the null key and counts it', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().count().toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', null, 'x', 1);
    expect(d.droppedRecords()).toBe(1);
  });

  it('a left join downstream keeps null keys through the repartition', () => {
    const b = new StreamsBuilder();
    const left = b.stream<string, string>('l').map((k, v) => [k, v]);
    left.leftJoin(b.stream<string, string>('r'), (a: unknown, c: unknown) => `${String(a)}|${String(c)}`, JoinWindows.ofTimeDifferenceWithNoGrace(10)).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('l', null, 'x', 1);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([[null, 'x|null']]);
  });
});
