/**
 * When an outer join emits held records (Kafka's KStreamKStreamJoin.emitNonJoinedOuterRecords): the
 * quick check uses the lowest held timestamp with the PROCESSING side's after-window, so with
 * asymmetric windows a closed record can wait for a record on the other side.
 */
import { expect, it } from 'vitest';
import { JoinWindows, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

it('a closed right record is emitted by the next right-side record, not by a left record still inside the left after-window', () => {
  const b = new StreamsBuilder();
  const joiner = (l: unknown, r: unknown) => `${String(l)}+${String(r)}`;
  b.stream('l').outerJoin(b.stream('r'), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(5).after(20)).to('out');
  const d = new TopologyTestDriver(b.build());
  const out = d.createOutputTopic('out');
  d.pipe('r', 1, 'R1', 10); // right records close at t + before = 15
  d.pipe('l', 2, 'L2', 16); // left check: 10 + after 20 >= 16, no scan
  expect(out.readRecordsToList()).toEqual([]);
  d.pipe('r', 3, 'R3', 17); // right check: 10 + before 5 < 17, scan: R1 is closed
  expect(out.readRecordsToList()).toEqual([{ key: 1, value: 'null+R1', timestamp: 10 }]);
});
