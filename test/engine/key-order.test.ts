/**
 * Kafka orders held records by serialized key bytes (unsigned): Integer/Long keys put negative
 * numbers after non-negative ones, windowed keys order by their inner key first, Strings by UTF-8
 * (code point) order. Ties of the outer-join store and of the suppress buffer follow that order.
 */
import { expect, it } from 'vitest';
import { JoinWindows, StreamsBuilder, TopologyTestDriver } from '../../src/engine';
import { compareKeys } from '../../src/engine/core/record';

it('compares keys like their serialized bytes', () => {
  expect([10, -1, 9, -5, 0, 2].sort(compareKeys)).toEqual([0, 2, 9, 10, -5, -1]);
  const w = (key: unknown) => ({ key, start: 0, end: 10 });
  expect([w(10), w(9), w(-1), w(2)].sort(compareKeys)).toEqual([w(2), w(9), w(10), w(-1)]);
  expect(['\u{1F600}', '\uFF5E', 'b', 'a'].sort(compareKeys)).toEqual(['a', 'b', '\uFF5E', '\u{1F600}']);
});

it('left join emits unmatched records with equal timestamps in serialized key order', () => {
  const b = new StreamsBuilder();
  const joiner = (l: unknown, r: unknown) => `${String(l)}+${String(r)}`;
  b.stream('l').leftJoin(b.stream('r'), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(5)).to('out');
  const d = new TopologyTestDriver(b.build());
  const out = d.createOutputTopic('out');
  for (const [k, v] of [[10, 'a'], [9, 'b'], [-1, 'c'], [2, 'd']] as const) d.pipe('l', k, v, 1);
  d.pipe('l', 100, 'e', 20);
  expect(out.readRecordsToList().map((r) => r.key)).toEqual([2, 9, 10, -1]);
});
