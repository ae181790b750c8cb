/**
 * The cases fused stateless runs (core/fusion.ts) must pass exactly as processors running one by one
 * do: the same outputs, per-processor metrics, error messages and traces. Run compiled
 * (fusion.test.ts) and unfused, where `new Function` is refused (fusion-unfused.test.ts). Expected
 * values are worked out by hand from the inputs below.
 */
import { describe, expect, it } from 'vitest';
import { Grouped, Materialized, Named, Produced, Serdes, StreamsBuilder, TopologyTestDriver, type TraceEvent } from '../../src/engine';

function chain(b: StreamsBuilder) {
  b.stream<string, number>('in', undefined)
    .filter((k, v) => v > 1, Named.as('big'))
    .mapValues((v) => v * 10, Named.as('times10'))
    .peek(() => undefined, Named.as('look'))
    .selectKey((k, v) => `${k}-${v}`, Named.as('rekey'))
    .to('out');
}

const INPUTS: [string, number, number][] = [
  ['a', 1, 5],
  ['b', 2, 3],
  ['c', 3, 9],
];

export function describeFusionCases(title: string): void {
  describe(title, () => {
    it('count records in and out per processor as unfused processors do', () => {
      const b = new StreamsBuilder();
      chain(b);
      const d = new TopologyTestDriver(b.build());
      for (const [k, v, ts] of INPUTS) d.pipe('in', k, v, ts);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
        { key: 'b-20', value: 20, timestamp: 3 },
        { key: 'c-30', value: 30, timestamp: 9 },
      ]);
      const m = Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(m.big).toEqual([3, 2]);
      expect(m.times10).toEqual([2, 2]);
      expect(m.look).toEqual([2, 2]);
      expect(m.rekey).toEqual([2, 2]);
    });

    it('an error inside the run names that processor and the record as it reached it', () => {
      const b = new StreamsBuilder();
      b.stream<string, number>('in')
        .mapValues((v) => ({ n: v * 2 }), Named.as('wrap'))
        .filter(() => true, Named.as('keep'))
        .mapValues((v: { n: number }) => {
          if (v.n > 2) throw new Error('too big');
          return v.n;
        }, Named.as('check'))
        .to('out');
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', 'x', 1, 1);
      expect(() => d.pipe('in', 'y', 2, 4)).toThrow(/^check: too big — while processing record key="y" value=\{"n":4\} timestamp=4$/);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([{ key: 'x', value: 2, timestamp: 1 }]);
    });

    it('a trace listener sees every processor of the run forward, in order', () => {
      const b = new StreamsBuilder();
      chain(b);
      const d = new TopologyTestDriver(b.build());
      const seen: string[] = [];
      d.onTrace((e: TraceEvent) => seen.push(`${e.processor}:${String(e.record.key)}=${String(e.record.value)}`));
      d.pipe('in', 'b', 2, 3);
      expect(seen.filter((s) => !s.startsWith('KSTREAM-'))).toEqual(['big:b=2', 'times10:b=20', 'look:b=20', 'rekey:b-20=20']);
    });

    it('flatMapValues feeding a grouping, and a table feeding toStream, give the same counts', () => {
      const b = new StreamsBuilder();
      b.stream<null, string>('in')
        .flatMapValues((v) => v.split(' '), Named.as('split'))
        .groupBy((k, w) => w, Grouped.as('words'))
        .count(Named.as('counts'), Materialized.as('counts').withCachingDisabled())
        .toStream(Named.as('changes'))
        .to('out');
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', null, 'a b a', 1);
      d.pipe('in', null, 'b', 2);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
        { key: 'a', value: 1, timestamp: 1 },
        { key: 'b', value: 1, timestamp: 1 },
        { key: 'a', value: 2, timestamp: 1 },
        { key: 'b', value: 2, timestamp: 2 },
      ]);
      const m = Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(m.split).toEqual([2, 4]);
      expect(m.words).toEqual([4, 4]);
      expect(m.changes).toEqual([4, 4]);
    });

    it('a table update reaches toStream and the steps after it with the same values and counts, tombstones as null', () => {
      const b = new StreamsBuilder();
      b.table<string, number>('in', undefined, Materialized.as('t').withCachingDisabled())
        .toStream(Named.as('changes'))
        .mapValues((v: number | null) => (v === null ? 'gone' : v * 2), Named.as('double'))
        .filter((k, v) => v !== 4, Named.as('not4'))
        .to('out');
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', 'a', 1, 1);
      d.pipe('in', 'b', 2, 2);
      d.pipe('in', 'a', null, 3);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
        { key: 'a', value: 2, timestamp: 1 },
        { key: 'a', value: 'gone', timestamp: 3 },
      ]);
      const m = Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(m.changes).toEqual([3, 3]);
      expect(m.double).toEqual([3, 3]);
      expect(m.not4).toEqual([3, 2]);
    });

    it('a traced toStream still sees the table update as a change', () => {
      const b = new StreamsBuilder();
      b.table<string, number>('in', undefined, Materialized.as('t').withCachingDisabled())
        .toStream(Named.as('changes'))
        .to('out');
      const d = new TopologyTestDriver(b.build());
      const seen: [string, unknown][] = [];
      d.onTrace((e: TraceEvent) => seen.push([e.processor, e.record.value]));
      d.pipe('in', 'a', 1, 1);
      d.pipe('in', 'a', 5, 2);
      expect(seen.filter(([p]) => p === 'changes')).toEqual([
        ['changes', 1],
        ['changes', 5],
      ]);
      expect(seen.filter(([p]) => p.startsWith('KTABLE-SOURCE')).map(([, v]) => v)).toEqual([
        { newValue: 1, oldValue: null },
        { newValue: 5, oldValue: null },
      ]);
    });

    it('a run writing to a sink counts the sink and names it when its serde refuses the record, as the unfused sink does', () => {
      const b = new StreamsBuilder();
      b.stream<string, number>('in')
        .mapValues((v) => (v > 1 ? v * 10 : String(v)), Named.as('tag'))
        .to('out', Produced.with(Serdes.String(), Serdes.String()).withName('writer'));
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', 'a', 1, 1);
      expect(() => d.pipe('in', 'k', 2, 4)).toThrow(/^writer: value written by "writer" to topic "out": String serde cannot write a number \(20\).* — while processing record key="k" value=20 timestamp=4$/);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([{ key: 'a', value: '1', timestamp: 1 }]);
      const m = Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(m.tag).toEqual([2, 2]);
      // A sink counts a record out before writing it (as the unfused sink processor does).
      expect(m.writer).toEqual([2, 2]);
    });

    it('map and filterNot in a run: pairs checked (a bad pair names the map), dropped records counted', () => {
      const b = new StreamsBuilder();
      b.stream<string, number>('in')
        .filterNot((k, v) => v === 0, Named.as('nonzero'))
        .map((k, v) => (v === 9 ? ('oops' as never) : [`${k}${v}`, v + 1]), Named.as('pair'))
        .to('out');
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', 'a', 0, 1);
      d.pipe('in', 'b', 2, 2);
      expect(() => d.pipe('in', 'c', 9, 3)).toThrow(/^pair: map mapper must return a \[key, value\] pair, got "oops" — while processing record key="c" value=9 timestamp=3$/);
      expect(d.createOutputTopic('out').readRecordsToList()).toEqual([{ key: 'b2', value: 3, timestamp: 2 }]);
      const m = Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(m.nonzero).toEqual([3, 2]);
      expect(m.pair).toEqual([2, 1]);
    });

    it('a sink still traced after its run stopped being traced sees every record it writes', () => {
      const b = new StreamsBuilder();
      b.stream<string, number>('in').mapValues((v) => v + 1, Named.as('inc')).to('out', Produced.as('writer'));
      const d = new TopologyTestDriver(b.build());
      const written: unknown[] = [];
      d.onTrace((e: TraceEvent) => {
        if (e.processor === 'writer') written.push(e.record.value);
        else d.stopTracing(e.processor);
      });
      for (let i = 0; i < 4; i++) d.pipe('in', 'k', i, i);
      expect(written).toEqual([1, 2, 3, 4]);
      expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual([1, 2, 3, 4]);
    });

    it('two topologies of the same shape, driven in turns, keep their own functions, counts and outputs', () => {
      const build = (factor: number, prefix: string) => {
        const b = new StreamsBuilder();
        b.stream<string, number>('in')
          .filter((k, v) => v % factor === 0, Named.as('keep'))
          .mapValues((v) => v * factor, Named.as('scale'))
          .selectKey((k) => `${prefix}${k}`, Named.as('rekey'))
          .to('out');
        return new TopologyTestDriver(b.build());
      };
      const two = build(2, 'a-');
      const three = build(3, 'b-');
      for (let i = 1; i <= 6; i++) {
        two.pipe('in', 'k', i, i);
        three.pipe('in', 'k', i, i);
      }
      expect(two.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([
        ['a-k', 4],
        ['a-k', 8],
        ['a-k', 12],
      ]);
      expect(three.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([
        ['b-k', 9],
        ['b-k', 18],
      ]);
      const counts = (d: TopologyTestDriver) => Object.fromEntries(d.metrics().map((x) => [x.processor, [x.recordsIn, x.recordsOut]]));
      expect(counts(two).keep).toEqual([6, 3]);
      expect(counts(three).keep).toEqual([6, 2]);
    });
  });
}
