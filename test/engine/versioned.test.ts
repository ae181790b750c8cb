/** Versioned tables (KIP-889/914), stream-table grace periods (KIP-923) and cached join results (rules 27-29, 33). */
import { describe, expect, it } from 'vitest';
import { Joined, Materialized, StreamsBuilder, Stores, TopologyTestDriver } from '../../src/engine';
import { VersionedKeyValueStore } from '../../src/engine/stores/versioned-store';

const joiner = (l: unknown, r: unknown) => `${String(l)}+${String(r)}`;
const read = (d: TopologyTestDriver, topic = 'out') => d.createOutputTopic(topic).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
const versioned = (name: string, ms = 300_000) => Materialized.as(Stores.persistentVersionedKeyValueStore(name, ms));

describe('VersionedKeyValueStore', () => {
  it('answers as of a time, tombstones included, and says whether a put is the latest', () => {
    const s = new VersionedKeyValueStore('v', 100);
    expect(s.put('a', 'x', 10)).toBe('latest');
    expect(s.put('a', null, 20)).toBe('latest');
    expect(s.put('a', 'old', 5)).toBe('history');
    expect(s.put('a', 'y', 20)).toBe('latest'); // same timestamp replaces the version
    // The table's contents (latest per key) with the versions still kept, newest first.
    expect(s.all()).toEqual([{ key: 'a', value: 'y', timestamp: 20, history: [{ value: 'x', timestamp: 10 }, { value: 'old', timestamp: 5 }] }]);
    expect([s.getAsOf('a', 4), s.getAsOf('a', 7)?.value, s.getAsOf('a', 15)?.value, s.get('a')?.value]).toEqual([null, 'old', 'x', 'y']);
    s.put('b', 'z', 200);
    // Stream time 200, retention 100: older reads answer nothing, older puts are not stored.
    expect(s.getAsOf('a', 99)).toBeNull();
    expect(s.put('a', 'late', 50)).toBe('notPut');
    expect(s.getAsOf('a', 150)?.value).toBe('y');
    // Past history retention the older versions are gone.
    expect(s.all()).toEqual([
      { key: 'a', value: 'y', timestamp: 20 },
      { key: 'b', value: 'z', timestamp: 200 },
    ]);
  });

  it('restores every version of a key from what the changelog carries', () => {
    const s = new VersionedKeyValueStore('v', 1000);
    s.put('a', 'x', 10);
    s.put('a', 'y', 30);
    s.put('a', 'w', 20);
    const copy = new VersionedKeyValueStore('v', 1000);
    copy.restoreVersions('a', JSON.parse(JSON.stringify(s.versionsOf('a'))));
    expect([copy.getAsOf('a', 25)?.value, copy.get('a')?.value, copy.put('a', 'z', 15)]).toEqual(['w', 'y', 'history']);
  });
});

describe('versioned tables downstream (rule 27)', () => {
  it('a groupBy aggregation skips out-of-order updates, also behind an unmaterialized mapValues', () => {
    const b = new StreamsBuilder();
    b.table('in', versioned('t'))
      .mapValues((v: string) => v.toUpperCase())
      .groupBy((k: unknown, v: string) => [v, v])
      .count()
      .toStream()
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'red', 10);
    d.pipe('in', 'A', 'blue', 5); // older than A@10: history only
    d.pipe('in', 'A', 'blue', 12);
    expect(read(d)).toEqual([['RED', 1, 10], ['RED', 0, 12], ['BLUE', 1, 12]]);
  });

  it('toStream still sees an out-of-order update (it is no aggregation or join)', () => {
    const b = new StreamsBuilder();
    b.table('in', versioned('t')).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'x', 10);
    d.pipe('in', 'A', 'y', 5);
    expect(read(d)).toEqual([['A', 'x', 10], ['A', 'y', 5]]);
  });

  it('a table-table join ignores out-of-order updates of a versioned side, and counts them as dropped', () => {
    const b = new StreamsBuilder();
    b.table('l', versioned('l')).join(b.table('r'), joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 1, 'a', 1);
    d.pipe('l', 1, 'X', 10);
    d.pipe('l', 1, 'old', 3);
    d.pipe('l', 1, 'Y', 11);
    expect(read(d)).toEqual([[1, 'X+a', 10], [1, 'Y+a', 11]]);
    expect(d.droppedRecords()).toBe(1);
  });

  it('a non-versioned table applies out-of-order updates as usual', () => {
    const b = new StreamsBuilder();
    b.table('l').join(b.table('r'), joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 1, 'a', 1);
    d.pipe('l', 1, 'X', 10);
    d.pipe('l', 1, 'old', 3);
    expect(read(d)).toEqual([[1, 'X+a', 10], [1, 'old+a', 3]]);
  });
});

describe('stream-table joins on versioned tables (rule 29)', () => {
  it('without grace, the table is read as of the stream record time', () => {
    const b = new StreamsBuilder();
    b.stream('s').leftJoin(b.table('t', versioned('t')), joiner).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('t', 1, 'a', 5);
    d.pipe('t', 1, 'b', 10);
    d.pipe('t', 1, null, 20);
    d.pipe('s', 1, 'X', 7);
    d.pipe('s', 1, 'Y', 12);
    d.pipe('s', 1, 'Z', 25);
    d.pipe('s', 1, 'W', 2);
    expect(read(d)).toEqual([[1, 'X+a', 7], [1, 'Y+b', 12], [1, 'Z+null', 25], [1, 'W+null', 2]]);
  });

  it('with grace, a left join releases buffered records in time order and drops null values before buffering', () => {
    const b = new StreamsBuilder();
    b.stream('s').leftJoin(b.table('t', versioned('t')), joiner, Joined.as('j').withGracePeriod(5)).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('s', 2, 'B', 4);
    d.pipe('s', 1, 'A', 3);
    d.pipe('s', 1, null, 100); // dropped: does not move the buffer's time
    d.pipe('t', 1, 'late', 3);
    d.pipe('s', 3, 'C', 9); // buffer time 9: releases A@3 and B@4
    expect(read(d)).toEqual([[1, 'A+late', 3], [2, 'B+null', 4]]);
    d.pipe('s', 4, 'D', 1); // older than 9 - 5: joined at once
    expect(read(d)).toEqual([[4, 'D+null', 1]]);
  });

  it('refuses a grace period on a table that is not versioned, or longer than its history retention', () => {
    const plain = new StreamsBuilder();
    expect(() => plain.stream('s').join(plain.table('t'), joiner, Joined.as('j').withGracePeriod(1))).toThrow(/must be versioned/);
    const short = new StreamsBuilder();
    const t = short.table('t', versioned('t', 10)).filter(() => true);
    expect(() => short.stream('s').join(t, joiner, Joined.as('j').withGracePeriod(11))).toThrow(/History retention must be at least grace period/);
  });

  it('refuses a versioned global table and suppress after a versioned table', () => {
    const b = new StreamsBuilder();
    expect(() => b.globalTable('g', versioned('g'))).toThrow(/versioned/);
    expect(() => b.table('t', versioned('t')).mapValues((v: unknown) => v).suppress({ mode: 'untilTimeLimit' } as never)).toThrow(/non-versioned/);
  });
});

describe('filter on a versioned table (rule 28)', () => {
  it('forwards (null, null) for rejected records even with old values', () => {
    const b = new StreamsBuilder();
    const f = b.table('in', versioned('t')).filter((_k: unknown, v: string) => v === 'ok');
    f.groupBy((k: unknown, v: unknown) => [k, v]).count();
    f.toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'no', 1);
    expect(read(d)).toEqual([['A', null, 1]]);
  });

  it('a filter materialized as a versioned store over a plain table still skips them', () => {
    const b = new StreamsBuilder();
    const f = b.table('in').filter((_k: unknown, v: string) => v === 'ok', versioned('f'));
    f.groupBy((k: unknown, v: unknown) => [k, v]).count();
    f.toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'no', 1);
    expect(read(d)).toEqual([]);
  });
});

describe('cached table-table join results (rule 33)', () => {
  const build = (mat: Materialized) => {
    const b = new StreamsBuilder();
    // The left source uncached, so its delete of an absent key reaches the join.
    b.table('l', Materialized.as('l').withCachingDisabled()).join(b.table('r'), joiner, mat).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 1, 'a', 1);
    d.pipe('l', 1, null, 2); // delete of a left key the result never held
    return read(d);
  };
  it('with caching, a tombstone for a key the result store does not hold is dropped', () => {
    expect(build(Materialized.as('res'))).toEqual([]);
  });
  it('with caching disabled it is forwarded', () => {
    expect(build(Materialized.as('res').withCachingDisabled())).toEqual([[1, null, 2]]);
  });
});

describe('cached filter and mapValues results (rule 33)', () => {
  const run = (op: 'filter' | 'mapValues', mat: Materialized) => {
    const b = new StreamsBuilder();
    const t = b.table('in'); // unmaterialized: no old values, so the filter forwards (null, null) for rejected records
    const r = op === 'filter' ? t.filter((_k, v) => v === 'keep', mat) : t.mapValues((v) => `m-${String(v)}`, mat);
    r.toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'A', 'drop', 1); // filter: rejected, and the filter's store never held A
    d.pipe('in', 'B', null, 2); // a delete of a key nobody held
    d.pipe('in', 'C', 'keep', 3);
    d.pipe('in', 'C', null, 4); // a delete of a key the store holds: forwarded either way
    return read(d);
  };
  it('with caching (Materialized.as default), tombstones for keys the store never held are dropped', () => {
    expect(run('filter', Materialized.as('f'))).toEqual([['C', 'keep', 3], ['C', null, 4]]);
    expect(run('mapValues', Materialized.as('m'))).toEqual([['A', 'm-drop', 1], ['C', 'm-keep', 3], ['C', null, 4]]);
  });
  it('with caching disabled every tombstone is forwarded (rule 11)', () => {
    expect(run('filter', Materialized.as('f').withCachingDisabled())).toEqual([['A', null, 1], ['B', null, 2], ['C', 'keep', 3], ['C', null, 4]]);
    expect(run('mapValues', Materialized.as('m').withCachingDisabled())).toEqual([['A', 'm-drop', 1], ['B', null, 2], ['C', 'm-keep', 3], ['C', null, 4]]);
  });
});

describe('what is versioned downstream', () => {
  it('a table-table join of two versioned tables is not versioned itself (Kafka refuses a grace period on it)', () => {
    const b = new StreamsBuilder();
    const joinedTables = b.table('l', versioned('l')).join(b.table('r', versioned('r')), joiner);
    expect(joinedTables.versionedRetention()).toBeNull();
    expect(() => b.stream('s').join(joinedTables, joiner, Joined.as('j').withGracePeriod(1))).toThrow(/must be versioned/);
  });
});
