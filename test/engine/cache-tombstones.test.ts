/**
 * Kafka's caching stores do not forward a tombstone for a key that neither the cache nor the store
 * holds (CachingKeyValueStore#putAndMaybeForward); without a cache the table forwards Change(null, null).
 */
import { describe, expect, it } from 'vitest';
import { Materialized, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const run = (caching: boolean) => {
  const b = new StreamsBuilder();
  const m = Materialized.as('t');
  b.table<string, string>('in', caching ? m.withCachingEnabled() : m.withCachingDisabled())
    .toStream()
    .to('out');
  const d = new TopologyTestDriver(b.build());
  d.pipe('in', 'never-seen', null, 1);
  d.pipe('in', 'a', 'x', 2);
  d.pipe('in', 'a', null, 3);
  return d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
};

describe('tombstones behind a record cache', () => {
  it('a cached table skips the delete of an absent key but forwards a real delete', () => {
    expect(run(true)).toEqual([
      ['a', 'x', 2],
      ['a', null, 3],
    ]);
  });

  it('an uncached table forwards every delete', () => {
    expect(run(false)).toEqual([
      ['never-seen', null, 1],
      ['a', 'x', 2],
      ['a', null, 3],
    ]);
  });
});
