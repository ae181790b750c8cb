/** The driver, like TopologyTestDriver, feeds records written to a topic the topology also reads back in. */
import { expect, it } from 'vitest';
import { StreamsBuilder, TopologyTestDriver } from '../../src/engine';

it('processes records written to an input topic after the record that wrote them', () => {
  const b = new StreamsBuilder();
  b.stream<string, number>('in').mapValues((v) => v * 10).to('mid');
  b.table('mid').toStream().to('out');
  const d = new TopologyTestDriver(b.build());
  d.pipe('in', 'a', 1, 5);
  d.pipe('in', 'a', 2, 6);
  expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
    { key: 'a', value: 10, timestamp: 5 },
    { key: 'a', value: 20, timestamp: 6 },
  ]);
});

it('stops a topology that feeds a topic back into itself forever, naming the topic', () => {
  const b = new StreamsBuilder();
  b.stream('loop').to('loop');
  const d = new TopologyTestDriver(b.build());
  expect(() => d.pipe('loop', 'k', 1, 0)).toThrow(/topic "loop" is written and read by the topology/);
});
