/** Table-table joins (Kafka's KTableKTable*Join processors and join value getters, rule 12). */
import { describe, expect, it } from 'vitest';
import { StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const joiner = (l: unknown, r: unknown) => `${String(l)}-${String(r)}`;
const read = (d: TopologyTestDriver) => d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);

describe('table-table joins', () => {
  it('a left join ignores the delete of a key that never existed', () => {
    const b = new StreamsBuilder();
    b.table('l').leftJoin(b.table('r'), joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('l', 1, null, 1);
    d.pipe('l', 1, 'A', 2);
    d.pipe('l', 1, null, 3);
    expect(read(d)).toEqual([[1, 'A-null', 2], [1, null, 3]]);
  });

  it('an unmaterialized join result can be joined again: it is recomputed from both sides', () => {
    const b = new StreamsBuilder();
    const right = b.table('r');
    b.table('l').leftJoin(right, joiner).join(right, joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('l', 0, 'A', 3);
    d.pipe('r', 0, 'a', 4);
    d.pipe('r', 0, 'b', 6);
    // The right update reaches the second join twice: through the first join, then directly.
    expect(read(d)).toEqual([[0, 'A-a-a', 4], [0, 'A-a-a', 4], [0, 'A-b-b', 6], [0, 'A-b-b', 6]]);
  });
});
