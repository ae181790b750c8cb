/**
 * What suppress(untilTimeLimit) evicts when a key was updated while buffered: Kafka's
 * InMemoryTimeOrderedKeyValueChangeBuffer keeps the LAST update's Change (its new AND old value) for
 * the eviction; only the prior value (what downstream last saw, for value getters) is the first one.
 */
import { describe, expect, it } from 'vitest';
import { BufferConfig, Materialized, StreamsBuilder, Suppressed, TopologyTestDriver } from '../../src/engine';

describe('suppress keeps the latest Change of a buffered key', () => {
  it('a downstream groupBy subtracts the old value of the last buffered update', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('in')
      .suppress(Suppressed.untilTimeLimit(10, BufferConfig.unbounded()))
      .groupBy((k, v) => [v, k])
      .count(Materialized.as('c').withCachingDisabled())
      .toStream()
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'a', 0); // buffered as Change(a, null)
    d.pipe('in', 'A', 'b', 1); // buffered as Change(b, a), buffer time still 0
    d.pipe('in', 'tick', 'x', 11); // evicts A with Change(b, a): subtracts a (never added), adds b
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp])).toEqual([
      ['a', null, 1],
      ['b', 1, 1],
    ]);
  });
});
