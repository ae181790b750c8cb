/**
 * Kafka's KStreamKStreamJoin advances the join's shared stream time before it checks the key and
 * value, so records it then skips (null value) or emits at once (null key on an outer side) still
 * move stream time; a later out-of-order record whose window already ended is emitted unmatched at
 * once instead of being held.
 */
import { expect, it } from 'vitest';
import { JoinWindows, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

it('null-value and null-key records advance the left join stream time', () => {
  const b = new StreamsBuilder();
  const joiner = (l: unknown, r: unknown) => `${String(l)}+${String(r)}`;
  b.stream('l').leftJoin(b.stream('r'), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(10)).to('out');
  const d = new TopologyTestDriver(b.build());
  const out = d.createOutputTopic('out');
  d.pipe('l', 'A', 'a', 0); // held: its window is open
  d.pipe('l', 'B', null, 100); // skipped, but stream time is now 100
  d.pipe('l', 'C', 'c', 5); // window end 15 < 100: emitted unmatched at once; 5 != 100, no scan
  expect(out.readRecordsToList()).toEqual([{ key: 'C', value: 'c+null', timestamp: 5 }]);
  d.pipe('r', 'D', null, 200); // a right-side null value moves the shared time too
  d.pipe('l', null, 'n', 150); // null key on the left side: joined with null at once
  d.pipe('l', 'E', 'e', 150); // window end 160 < 200: emitted at once; A stays held (no scan)
  expect(out.readRecordsToList()).toEqual([
    { key: null, value: 'n+null', timestamp: 150 },
    { key: 'E', value: 'e+null', timestamp: 150 },
  ]);
});
