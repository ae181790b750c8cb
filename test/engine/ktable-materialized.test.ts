/** Materialized KTable filter/mapValues (Kafka's KTableFilter/KTableMapValues with a queryable store, rule 11). */
import { describe, expect, it } from 'vitest';
import { Materialized, StreamsBuilder, TopologyTestDriver, type KTableImpl } from '../../src/engine';
import type { KeyValueStore } from '../../src/engine/stores/kv-store';
import { captureChanges, enableSendingOldValues } from '../../src/engine/testing';

const changes = (d: TopologyTestDriver, topic: string) => d.createOutputTopic(topic).readRecordsToList().map((r) => [r.key, r.value]);

describe('materialized table filter', () => {
  const rejecting = (mat: Materialized) => {
    const b = new StreamsBuilder();
    b.table<string, number>('in').filter((_k, v) => v % 2 === 0, mat).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 2, 1);
    d.pipe('in', 'a', 3, 2);
    d.pipe('in', 'b', 5, 3);
    return d;
  };
  it('uncached (KTableFilterTest disables the cache), still forwards a tombstone for every rejected record, and stores it', () => {
    const d = rejecting(Materialized.as('even').withCachingDisabled());
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([['a', 2], ['a', null], ['b', null]]);
    expect((d.getStateStore('even') as KeyValueStore).get('a')).toBeNull();
  });

  it('cached (the default), drops the tombstone of a key its store never held (rule 33)', () => {
    const d = rejecting(Materialized.as('even'));
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([['a', 2], ['a', null]]);
  });

  it('takes old values from its own store, so the parent keeps sending none', () => {
    const b = new StreamsBuilder();
    const source = b.table<string, number>('in') as KTableImpl;
    const even = source.filter((_k, v) => (v as number) % 2 === 0, Materialized.as('even')) as KTableImpl;
    enableSendingOldValues(even);
    captureChanges(source, 'source');
    captureChanges(even, 'even');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 2, 1);
    d.pipe('in', 'a', 4, 2);
    d.pipe('in', 'a', 5, 3);
    d.pipe('in', 'b', 7, 4);
    expect(changes(d, 'source')).toEqual([['a', { new: 2, old: null }], ['a', { new: 4, old: null }], ['a', { new: 5, old: null }], ['b', { new: 7, old: null }]]);
    // (null, null) for b is not forwarded once old values are on.
    expect(changes(d, 'even')).toEqual([['a', { new: 2, old: null }], ['a', { new: 4, old: 2 }], ['a', { new: null, old: 4 }]]);
  });

  it('after a materialized source, skips tombstones for keys that never passed (the filter gets old values for free)', () => {
    const b = new StreamsBuilder();
    b.table<string, number>('in', Materialized.as('src')).filter((_k, v) => v % 2 === 0).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 1, 1);
    d.pipe('in', 'a', 2, 2);
    d.pipe('in', 'a', 3, 3);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([['a', 2], ['a', null]]);
  });
});
