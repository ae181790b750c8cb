/**
 * One focused test per operator family the other engine tests leave out. Expectations follow Kafka
 * Streams semantics (KStreamImplTest, KTableImplTest, the join and suppress tests), not the engine.
 */
import { describe, expect, it } from 'vitest';
import { BufferConfig, Consumed, JoinWindows, Materialized, Named, Serdes, StreamsBuilder, Suppressed, TopologyTestDriver } from '../../src/engine';

type Input = [topic: string, key: unknown, value: unknown, timestamp: number];
function run(build: (b: StreamsBuilder) => void, inputs: Input[], topic = 'out') {
  const b = new StreamsBuilder();
  build(b);
  const d = new TopologyTestDriver(b.build());
  for (const [t, k, v, ts] of inputs) d.pipe(t, k, v, ts);
  return d.createOutputTopic(topic).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
}

describe('stateless', () => {
  it('peek sees every record; filterNot keeps the rejected ones; map sets key and value, timestamps stay', () => {
    const seen: unknown[] = [];
    const out = run(
      (b) =>
        b
          .stream<string, number>('in')
          .peek((k, v) => seen.push([k, v]))
          .filterNot((_k, v) => v < 0)
          .map((k, v) => [v, k.toUpperCase()] as [number, string])
          .to('out'),
      [['in', 'a', 1, 1], ['in', 'b', -1, 2], ['in', 'c', 3, 3]],
    );
    expect(seen).toEqual([['a', 1], ['b', -1], ['c', 3]]);
    expect(out).toEqual([[1, 'A', 1], [3, 'C', 3]]);
  });

  it('flatMapValues: one record per value with the key and timestamp of the input; an empty result emits nothing', () => {
    const out = run((b) => b.stream<string, string>('in').flatMapValues((v) => (v ? v.split(' ') : [])).to('out'), [['in', 'k', 'x y', 4], ['in', 'e', '', 5], ['in', 'z', 'w', 6]]);
    expect(out).toEqual([['k', 'x', 4], ['k', 'y', 4], ['z', 'w', 6]]);
  });
});

describe('grouped stream aggregations', () => {
  it('reduce: a running reduction per key, timestamp = max(aggregate, record)', () => {
    const out = run((b) => b.stream<string, number>('in').groupByKey().reduce((a, v) => a + v).toStream().to('out'), [['in', 'a', 1, 5], ['in', 'b', 2, 1], ['in', 'a', 3, 2]]);
    expect(out).toEqual([['a', 1, 5], ['b', 2, 1], ['a', 4, 5]]);
  });

  it('aggregate: starts from the initializer per key and folds every value in order', () => {
    const out = run((b) => b.stream<string, string>('in').groupByKey().aggregate(() => '>', (_k, v, agg) => agg + v).toStream().to('out'), [['in', 'a', 'x', 1], ['in', 'b', 'z', 2], ['in', 'a', 'y', 3]]);
    expect(out).toEqual([['a', '>x', 1], ['b', '>z', 2], ['a', '>xy', 3]]);
  });
});

describe('table operations', () => {
  it('toTable: the latest value per key; a null value deletes the key and flows on as a tombstone', () => {
    const b = new StreamsBuilder();
    const t = b.stream<string, number>('in').toTable(Named.as('latest'), Materialized.as('latest-store'));
    t.toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    for (const [k, v, ts] of [['a', 1, 1], ['b', 2, 2], ['a', null, 3]] as const) d.pipe('in', k, v, ts);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([['a', 1], ['b', 2], ['a', null]]);
    const store = Object.fromEntries(d.storeContents()['latest-store'].map((e) => [e.key, e.value]));
    expect(store.b).toBe(2);
    expect(store.a ?? null).toBeNull();
  });

  it('mapValues on a table maps every update, keeping key and timestamp', () => {
    const out = run((b) => b.table<string, string>('in').mapValues((v) => v.length).toStream().to('out'), [['in', 'a', 'x', 1], ['in', 'a', 'yyy', 2]]);
    expect(out).toEqual([['a', 1, 1], ['a', 3, 2]]);
  });

  it('groupBy + reduce: moving a row subtracts it from the old group before adding it to the new one', () => {
    type Row = { region: string; amount: number };
    const out = run(
      (b) =>
        b
          .table<string, Row>('users')
          .groupBy((_k, v) => [v.region, v.amount] as [string, number])
          .reduce((a, v) => a + v, (a, v) => a - v)
          .toStream()
          .to('out'),
      [['users', 'u1', { region: 'eu', amount: 5 }, 1], ['users', 'u2', { region: 'eu', amount: 3 }, 2], ['users', 'u1', { region: 'us', amount: 5 }, 3]],
    );
    expect(out.map(([k, v]) => [k, v])).toEqual([['eu', 5], ['eu', 8], ['eu', 3], ['us', 5]]);
  });
});

describe('suppress', () => {
  it('untilTimeLimit: a key is emitted (latest value) once stream time reaches its first buffering time + the limit', () => {
    const b = new StreamsBuilder();
    b.stream<string, string>('in').groupByKey().count().suppress(Suppressed.untilTimeLimit(10, BufferConfig.unbounded())).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    const out = d.createOutputTopic('out');
    const read = () => out.readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
    d.pipe('in', 'a', 'x', 0);
    d.pipe('in', 'a', 'x', 5);
    expect(read()).toEqual([]);
    d.pipe('in', 'b', 'x', 10); // stream time 10 >= 0 + 10: a goes, with its latest count and timestamp
    expect(read()).toEqual([['a', 2, 5]]);
    d.pipe('in', 'c', 'x', 15);
    expect(read()).toEqual([]);
    d.pipe('in', 'c', 'x', 20); // b (buffered at 10) goes; c (buffered at 15) waits
    expect(read()).toEqual([['b', 1, 10]]);
  });
});

describe('joins', () => {
  const joiner = (l: unknown, r: unknown) => `${l}+${r}`;

  it('stream-stream inner join: records within the window join both ways, at the later timestamp', () => {
    const out = run(
      (b) => b.stream('l').join(b.stream('r'), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(10)).to('out'),
      [['l', 'k', 'L', 10], ['r', 'k', 'R1', 15], ['r', 'k', 'R2', 25], ['l', 'k', 'L2', 20], ['r', 'x', 'R3', 12]],
    );
    expect(out).toEqual([['k', 'L+R1', 15], ['k', 'L2+R1', 20], ['k', 'L2+R2', 25]]);
  });

  it('stream-table join reads the table as of the stream record; table updates emit nothing; left join keeps misses', () => {
    const inputs: Input[] = [['s', 'k', 1, 1], ['t', 'k', 'T', 2], ['s', 'k', 2, 3], ['t', 'k', 'U', 4]];
    expect(run((b) => b.stream('s').join(b.table('t'), joiner).to('out'), inputs)).toEqual([['k', '2+T', 3]]);
    expect(run((b) => b.stream('s').leftJoin(b.table('t'), joiner).to('out'), inputs)).toEqual([['k', '1+null', 1], ['k', '2+T', 3]]);
  });

  it('stream-globalTable join looks up the selected key; left join joins a miss with null', () => {
    const inputs: Input[] = [['products', 'p1', 'Pen', 0], ['orders', 'o1', { p: 'p1' }, 1], ['orders', 'o2', { p: 'p9' }, 2]];
    const sel = (_k: unknown, v: { p: string }) => v.p;
    const j = (o: unknown, p: unknown) => p;
    expect(run((b) => b.stream('orders').join(b.globalTable('products'), sel, j).to('out'), inputs)).toEqual([['o1', 'Pen', 1]]);
    expect(run((b) => b.stream('orders').leftJoin(b.globalTable('products'), sel, j).to('out'), inputs)).toEqual([['o1', 'Pen', 1], ['o2', null, 2]]);
  });

  it('table-table inner join: an update on either side re-joins at max(timestamps); a delete emits a tombstone', () => {
    const out = run(
      (b) => b.table('l').join(b.table('r'), joiner).toStream().to('out'),
      [['l', 'a', 'L', 1], ['r', 'a', 'R', 5], ['l', 'a', 'L2', 3], ['r', 'a', null, 6]],
    );
    expect(out).toEqual([['a', 'L+R', 5], ['a', 'L2+R', 5], ['a', null, 6]]);
  });
});

describe('serdes', () => {
  const bytes = (u: Uint8Array | null) => (u ? [...u] : null);
  it('json, string, number and bytes write the bytes Kafka would carry and read them back; null stays a tombstone', () => {
    expect(bytes(Serdes.Json().serialize({ a: 1 }))).toEqual([...new TextEncoder().encode('{"a":1}')]);
    expect(Serdes.Json().deserialize(Serdes.Json().serialize({ a: [1, 'x'] }))).toEqual({ a: [1, 'x'] });
    expect(bytes(Serdes.String().serialize('é'))).toEqual([0xc3, 0xa9]);
    expect(bytes(Serdes.Number().serialize(1))).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
    expect(Serdes.Number().deserialize(Serdes.Number().serialize(-2.5))).toBe(-2.5);
    expect(bytes(Serdes.Bytes().serialize('aGk='))).toEqual([104, 105]);
    expect(Serdes.Bytes().deserialize(new Uint8Array([104, 105]))).toBe('aGk=');
    for (const s of [Serdes.Json(), Serdes.String(), Serdes.Number(), Serdes.Bytes()]) expect([s.serialize(null), s.deserialize(null)]).toEqual([null, null]);
  });

  it('a bytes topic carries base64 strings and refuses anything else', () => {
    const b = new StreamsBuilder();
    b.stream('in', Consumed.with(Serdes.String(), Serdes.Bytes())).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'k', 'aGk=', 1);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual(['aGk=']);
    expect(() => d.pipe('in', 'k', 'not base64!', 2)).toThrow(/topic "in": Bytes serde expects a base64 string, got a string/);
  });
});
