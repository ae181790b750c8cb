/** Stateless operators through the in-memory driver (expectations from Kafka Streams semantics). */
import { describe, expect, it } from 'vitest';
import { Branched, Named, Serdes, Produced, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

function run(build: (b: StreamsBuilder) => void, inputs: [string, unknown, unknown, number][]) {
  const b = new StreamsBuilder();
  build(b);
  const d = new TopologyTestDriver(b.build());
  for (const [t, k, v, ts] of inputs) d.pipe(t, k, v, ts);
  return d;
}

describe('stateless operators', () => {
  it('filter / mapValues / selectKey keep timestamps and order', () => {
    const d = run(
      (b) => b.stream<string, number>('in').filter((k, v) => v > 1).mapValues((v) => v * 10).selectKey((k, v) => `${k}-${v}`).to('out'),
      [['in', 'a', 1, 5], ['in', 'b', 2, 3], ['in', 'c', 3, 9]],
    );
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
      { key: 'b-20', value: 20, timestamp: 3 },
      { key: 'c-30', value: 30, timestamp: 9 },
    ]);
  });

  it('flatMap emits zero or more records; a null result emits nothing', () => {
    const d = run((b) => b.stream<string, number>('in').flatMap((k, v) => (v === 0 ? null : Array.from({ length: v }, (_, i) => [`${k}${i}`, i] as [string, number]))).to('out'), [['in', 'x', 2, 1], ['in', 'y', 0, 2]]);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.key)).toEqual(['x0', 'x1']);
  });

  it('split: the first matching branch wins; unmatched go to the default branch (rule 16)', () => {
    const d = run((b) => {
      const m = b.stream<number, string>('in').split(Named.as('p-')).branch((k) => k % 2 === 0, Branched.as('even')).branch((k) => k % 3 === 0, Branched.as('three')).defaultBranch();
      expect(Object.keys(m)).toEqual(['p-even', 'p-three', 'p-0']);
      m['p-even'].to('even');
      m['p-three'].to('three');
      m['p-0'].to('rest');
    }, [['in', 6, 'six', 1], ['in', 9, 'nine', 2], ['in', 7, 'seven', 3]]);
    expect(d.createOutputTopic('even').readRecordsToList().map((r) => r.key)).toEqual([6]);
    expect(d.createOutputTopic('three').readRecordsToList().map((r) => r.key)).toEqual([9]);
    expect(d.createOutputTopic('rest').readRecordsToList().map((r) => r.key)).toEqual([7]);
  });

  it('merge interleaves in processing order', () => {
    const d = run((b) => b.stream('a').merge(b.stream('b')).to('out'), [['a', 1, 'a1', 1], ['b', 2, 'b1', 0], ['a', 3, 'a2', 2]]);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual(['a1', 'b1', 'a2']);
  });

  it('serdes: a string serde refuses a number with a clear error naming the sink and topic', () => {
    const b = new StreamsBuilder();
    b.stream<string, number>('in').to('out', Produced.with(Serdes.String(), Serdes.String()).withName('writer'));
    const d = new TopologyTestDriver(b.build());
    expect(() => d.pipe('in', 'k', 5, 1)).toThrow(/value written by "writer" to topic "out": String serde cannot write a number/);
  });

  it('rejects negative and missing timestamps with a clear message', () => {
    const b = new StreamsBuilder();
    b.stream('in').to('out');
    const d = new TopologyTestDriver(b.build());
    expect(() => d.pipe('in', 'k', 'v', -1)).toThrow(/negative timestamp \(-1\)/);
    expect(() => d.pipe('in', 'k', 'v', Number.NaN)).toThrow(/no valid timestamp/);
  });

  it('a throwing user function names the processor and the record', () => {
    const b = new StreamsBuilder();
    b.stream<string, { n: number }>('in').mapValues((v) => v.n.toFixed(1), Named.as('format')).to('out');
    const d = new TopologyTestDriver(b.build());
    expect(() => d.pipe('in', 'k', { m: 1 }, 7)).toThrow(/^format: Cannot read properties of undefined .* key="k" value=\{"m":1\} timestamp=7$/);
  });
});

describe('describe()', () => {
  it('prints sub-topologies split at repartition topics, with stores', () => {
    const b = new StreamsBuilder();
    b.stream<string, string>('words', undefined).groupBy((k, v) => v, undefined).count(Named.as('counts')).toStream(Named.as('changes')).to('out', Produced.as('sink'));
    const text = b.build().describe().toString();
    expect(text).toContain('Sub-topology: 0');
    expect(text).toContain('Sub-topology: 1');
    expect(text).toMatch(/Processor: counts \(stores: \[counts-store\]\)/);
    expect(text).toMatch(/Sink: sink \(topic: out\)\n      <-- changes/);
    expect(text).toMatch(/Source: .*-repartition-source \(topics: \[.*-repartition\]\)/);
  });
});
