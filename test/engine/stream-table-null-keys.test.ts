/** Null keys in stream-table and stream-globalTable left joins (Kafka's KStreamKTableJoinProcessor, rule 10). */
import { describe, expect, it } from 'vitest';
import { StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const joiner = (l: unknown, r: unknown) => `${String(l)}+${String(r)}`;

describe('stream-table left joins and null keys', () => {
  it('a global-table left join drops a record whose keySelector yields null', () => {
    const b = new StreamsBuilder();
    const g = b.globalTable('g');
    b.stream<number, string>('s').leftJoin(g, (_k: number, v: string) => v.split(',')[1] ?? null, joiner).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('g', 'F1', 'Y1', 0);
    d.pipe('s', 1, 'X1,F1', 1);
    d.pipe('s', 2, 'X2', 2);
    d.pipe('s', 3, 'X3,F3', 3);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([[1, 'X1,F1+Y1'], [3, 'X3,F3+null']]);
    expect(d.droppedRecords()).toBe(1);
  });

  it('a stream-table left join keeps a null-key record and joins it with null', () => {
    const b = new StreamsBuilder();
    b.stream('s').leftJoin(b.table('t'), joiner).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('t', 1, 'Y1', 0);
    d.pipe('s', null, 'X', 1);
    d.pipe('s', 1, 'X1', 2);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => [r.key, r.value])).toEqual([[null, 'X+null'], [1, 'X1+Y1']]);
  });
});
