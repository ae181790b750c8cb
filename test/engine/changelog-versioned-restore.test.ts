/**
 * Versioned stores and stream-table grace buffers restored from their changelogs (no broker): a
 * restart at any point is invisible, so history (as-of reads, "not latest" updates) and buffered
 * stream records survive it.
 */
import { describe, expect, it } from 'vitest';
import { Joined, Materialized, StreamsBuilder, Stores } from '../../src/engine';
import { loggedStores } from '../../src/engine/kafka/topics';
import { expectRestartInvisible, type In } from './restart';

const versioned = (name: string) => Materialized.as(Stores.persistentVersionedKeyValueStore(name, 1000));

describe('changelog restore of versioned stores and grace buffers', () => {
  it('a stream-table join with grace reads the restored history as of each record, and releases the restored buffer', () => {
    const b = new StreamsBuilder();
    b.stream('s')
      .leftJoin(b.table('t', versioned('prices')), (l: unknown, r: unknown) => `${String(l)}+${String(r)}`, Joined.as('j').withGracePeriod(5))
      .to('out');
    const topology = b.build();
    expect(loggedStores(topology).sort()).toEqual(['j-Buffer', 'prices']);
    const inputs: In[] = [
      ['t', 'a', 'p1', 10],
      ['t', 'a', 'p2', 20],
      ['s', 'a', 'X', 12],
      ['t', 'a', 'p0', 5], // history: older than p2
      ['s', 'a', 'Y', 22],
      ['s', 'a', 'Z', 8],
      ['t', 'a', null, 30],
      ['s', 'a', 'W', 40],
      ['s', 'a', 'V', 33],
      ['s', 'a', 'U', 50],
    ];
    expectRestartInvisible(topology, inputs);
  });

  it('an aggregation over a versioned table still skips updates older than the restored latest version', () => {
    const b = new StreamsBuilder();
    b.table('t', versioned('v'))
      .groupBy((k: unknown, v: unknown) => [v, v])
      .count()
      .toStream()
      .to('out');
    const inputs: In[] = [
      ['t', 'A', 'green', 10],
      ['t', 'B', 'green', 9],
      ['t', 'A', 'blue', 12],
      ['t', 'A', 'red', 11],
      ['t', 'C', 'red', 15],
      ['t', 'A', 'red', 13],
    ];
    expectRestartInvisible(b.build(), inputs);
  });
});
