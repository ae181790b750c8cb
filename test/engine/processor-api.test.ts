/** KStream#process / processValues on the in-memory driver: rules 22-26 of the round-2 conformance README. */
import { describe, expect, it } from 'vitest';
import { Named, StreamsBuilder, Stores, TopologyTestDriver, type ProcessorSupplier, type PunctuationEvent } from '../../src/engine';

function run(supplier: ProcessorSupplier, opts: { values?: boolean; stores?: string[]; wallClockStartMs?: number } = {}) {
  const b = new StreamsBuilder();
  for (const s of opts.stores ?? []) b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(s)));
  const src = b.stream('in');
  const out = opts.values ? src.processValues(supplier, Named.as('p'), ...(opts.stores ?? [])) : src.process(supplier, Named.as('p'), ...(opts.stores ?? []));
  out.to('out');
  const driver = new TopologyTestDriver(b.build(), { wallClockStartMs: opts.wallClockStartMs ?? 0 });
  const punctuations: PunctuationEvent[] = [];
  driver.onPunctuation((e) => punctuations.push(e));
  const read = () => driver.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
  return { driver, read, punctuations };
}

describe('process(): records (rule 22)', () => {
  it('forwards 0..n records, with new keys, values and timestamps; the timestamp defaults to the input one', () => {
    const { driver, read } = run(() => ({
      init(ctx) {
        this.ctx = ctx;
      },
      process(r) {
        for (let i = 0; i < r.value; i++) this.ctx.forward({ key: `${r.key}${i}`, value: i, ...(i === 1 ? { timestamp: r.timestamp + 10 } : {}) });
      },
    }));
    driver.pipe('in', 'a', 0, 5);
    driver.pipe('in', 'b', 2, 7);
    expect(read()).toEqual([
      ['b0', 0, 7],
      ['b1', 1, 17],
    ]);
  });

  it('processValues keeps the input key whatever the processor forwards', () => {
    const { driver, read } = run(
      () => ({
        init(ctx) {
          this.ctx = ctx;
        },
        process(r) {
          this.ctx.forward({ key: 'other', value: r.value + '!' });
        },
      }),
      { values: true },
    );
    driver.pipe('in', 'k', 'v', 1);
    expect(read()).toEqual([['k', 'v!', 1]]);
  });

  it('delivers each forward downstream before forward returns', () => {
    const seen: string[] = [];
    const b = new StreamsBuilder();
    b.stream('in')
      .process(() => ({
        init(ctx) {
          this.ctx = ctx;
        },
        process(r) {
          this.ctx.forward({ key: r.key, value: 1 });
          seen.push('after first forward');
          this.ctx.forward({ key: r.key, value: 2 });
        },
      }))
      .peek((_k, v) => seen.push(`downstream ${String(v)}`));
    new TopologyTestDriver(b.build()).pipe('in', 'k', 'v', 0);
    expect(seen).toEqual(['downstream 1', 'after first forward', 'downstream 2']);
  });
});

describe('processor stores (rule 23)', () => {
  it('get/put/putIfAbsent/delete/all/range as documented, keys in ascending order', () => {
    const log: unknown[] = [];
    const { driver } = run(
      () => ({
        init(ctx) {
          this.s = ctx.getStateStore('s');
        },
        process(r) {
          const s = this.s;
          log.push(s.get(r.key), s.putIfAbsent(r.key, r.value), s.putIfAbsent(r.key, 'ignored'), s.get(r.key));
          if (r.key === 10) log.push(s.delete(2), s.delete(2), s.all(), s.range(3, 10));
        },
      }),
      { stores: ['s'] },
    );
    for (const k of [3, 2, 10]) driver.pipe('in', k, `v${k}`, 0);
    expect(log).toEqual([
      null, null, 'v3', 'v3',
      null, null, 'v2', 'v2',
      null, null, 'v10', 'v10',
      'v2', null,
      [{ key: 3, value: 'v3' }, { key: 10, value: 'v10' }],
      [{ key: 3, value: 'v3' }, { key: 10, value: 'v10' }],
    ]);
    expect(driver.storeContents().s.map((e) => [e.key, e.value])).toEqual([[3, 'v3'], [10, 'v10']]);
  });

  it('refuses a store the node did not declare', () => {
    const b = new StreamsBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('other')));
    b.stream('in').process(() => ({ init: (ctx) => void ctx.getStateStore('other'), process: () => {} }));
    expect(() => new TopologyTestDriver(b.build())).toThrow(/has no state store "other"/);
  });

  it('window and session stores through their own APIs', () => {
    const got: unknown[] = [];
    const b = new StreamsBuilder();
    b.stream('in').process(
      () => ({
        init(ctx) {
          this.w = ctx.getStateStore('w');
          this.ss = ctx.getStateStore('ss');
        },
        process(r) {
          this.w.put(r.key, r.value, r.timestamp - (r.timestamp % 10));
          this.ss.put({ key: r.key, start: r.timestamp, end: r.timestamp + 5 }, r.value);
          got.push(this.w.fetch(r.key, 10), this.w.fetchRange(r.key, 0, 100), this.ss.findSessions(r.key, 0, 100).map((s: { value: unknown }) => s.value));
        },
      }),
      Stores.windowStoreBuilder(Stores.inMemoryWindowStore('w', 1000, 10)),
      Stores.sessionStoreBuilder(Stores.inMemorySessionStore('ss', 1000)),
    );
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'k', 'a', 3);
    d.pipe('in', 'k', 'b', 12);
    expect(got).toEqual([null, [{ start: 0, value: 'a' }], ['a'], 'b', [{ start: 0, value: 'a' }, { start: 10, value: 'b' }], ['a', 'b']]);
  });
});

const punctuator = (type: 'STREAM_TIME' | 'WALL_CLOCK_TIME', interval: number, cancelAfter = Infinity): ProcessorSupplier => () => ({
  init(ctx) {
    let n = 0;
    const c = ctx.schedule(interval, type, (ts) => {
      ctx.forward({ key: 'p', value: ctx.recordMetadata(), timestamp: ts });
      if (++n >= cancelAfter) c.cancel();
    });
  },
  process() {},
});

describe('punctuation (rules 24-25)', () => {
  it('STREAM_TIME: due at 0, once per record at most, missed intervals skipped, equal times never punctuate', () => {
    const { driver, read, punctuations } = run(punctuator('STREAM_TIME', 10));
    for (const t of [42, 42, 45, 51, 20, 79, 80]) driver.pipe('in', 'k', 'v', t);
    expect(read().map((r) => r[2])).toEqual([42, 51, 79, 80]);
    expect(read()).toEqual([]);
    expect(punctuations.map((p) => [p.type, p.timestamp, p.forwarded.length])).toEqual([
      ['STREAM_TIME', 42, 1],
      ['STREAM_TIME', 51, 1],
      ['STREAM_TIME', 79, 1],
      ['STREAM_TIME', 80, 1],
    ]);
  });

  it('WALL_CLOCK_TIME: due at start + interval, only advances punctuate, with the clock time; record metadata is null', () => {
    const { driver, read } = run(punctuator('WALL_CLOCK_TIME', 10), { wallClockStartMs: 1000 });
    driver.pipe('in', 'k', 'v', 5000);
    driver.advanceWallClockTime(5);
    driver.advanceWallClockTime(5);
    driver.advanceWallClockTime(25);
    driver.advanceWallClockTime(4);
    expect(read()).toEqual([
      ['p', null, 1010],
      ['p', null, 1035],
    ]);
  });

  it('a cancelled schedule stops', () => {
    const { driver, read } = run(punctuator('WALL_CLOCK_TIME', 1, 2));
    for (let i = 0; i < 5; i++) driver.advanceWallClockTime(1);
    expect(read().map((r) => r[2])).toEqual([1, 2]);
  });
});

describe('times a processor reads', () => {
  it('stream time includes the record being processed (Kafka advances it when it hands the record out); the wall clock is the mock one', () => {
    const { driver, read } = run(
      () => ({
        init(ctx) {
          this.ctx = ctx;
        },
        process(r) {
          this.ctx.forward({ key: r.key, value: [this.ctx.currentStreamTimeMs(), this.ctx.currentSystemTimeMs()] });
        },
      }),
      { wallClockStartMs: 777 },
    );
    for (const t of [10, 30, 20]) driver.pipe('in', 'k', 'v', t);
    expect(read().map((r) => r[1])).toEqual([[10, 777], [30, 777], [30, 777]]);
  });
});

describe('record metadata (rule 26)', () => {
  it('topic, partition 0 and the per-topic offset of the record being processed', () => {
    const b = new StreamsBuilder();
    const p: ProcessorSupplier = () => ({
      init(ctx) {
        this.ctx = ctx;
      },
      process(r) {
        this.ctx.forward({ key: r.key, value: this.ctx.recordMetadata() });
      },
    });
    b.stream(['a', 'b']).process(p).to('out');
    const d = new TopologyTestDriver(b.build());
    for (const t of ['a', 'b', 'a']) d.pipe(t, 'k', 'v', 0);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual([
      { topic: 'a', partition: 0, offset: 0 },
      { topic: 'b', partition: 0, offset: 0 },
      { topic: 'a', partition: 0, offset: 1 },
    ]);
  });
});
