/** The task's input buffer: heads with the smallest timestamp first, and waiting for inputs still being fetched. */
import { describe, expect, it } from 'vitest';
import { PartitionGroup, type Buffered } from '../../src/engine/kafka/partition-group';

const rec = (topic: string, offset: number, timestamp: number): Buffered => ({ topic, specTopic: topic, offset, record: { key: null, value: offset, timestamp } });
const drain = (g: PartitionGroup) => {
  const out: string[] = [];
  for (let n = g.next(); n; n = g.next()) out.push(`${n.topic}@${n.record.timestamp}`);
  return out;
};

describe('PartitionGroup', () => {
  it('interleaves the inputs of a sub-topology by timestamp', () => {
    const g = new PartitionGroup([['a', 'b']], new Map());
    g.add('a', [rec('a', 0, 1), rec('a', 1, 5), rec('a', 2, 9)], true);
    g.add('b', [rec('b', 0, 3), rec('b', 1, 7)], true);
    expect(drain(g)).toEqual(['a@1', 'b@3', 'a@5', 'b@7', 'a@9']);
  });

  it('waits while an input with nothing buffered is not caught up, not once it is', () => {
    const g = new PartitionGroup([['a', 'b']], new Map([['b', false]]));
    g.add('a', [rec('a', 0, 1)], true);
    expect(drain(g)).toEqual([]);
    g.add('b', [rec('b', 0, 2)], true);
    expect(drain(g)).toEqual(['a@1', 'b@2']);
  });

  it('lets buffered records through once the empty input is marked caught up (a batch of transaction markers only)', () => {
    const g = new PartitionGroup([['a', 'b']], new Map([['b', false]]));
    g.add('a', [rec('a', 0, 1), rec('a', 1, 2)], true);
    expect(drain(g)).toEqual([]);
    expect(g.markCaughtUp('b', true)).toBe(true);
    expect(g.markCaughtUp('b', true)).toBe(false);
    expect(drain(g)).toEqual(['a@1', 'a@2']);
  });

  it('drains a large batch in order', () => {
    const g = new PartitionGroup([['a']], new Map());
    const n = 200_000;
    g.add('a', Array.from({ length: n }, (_, i) => rec('a', i, i)), true);
    const offsets: number[] = [];
    for (let r = g.next(); r; r = g.next()) offsets.push(r.offset);
    expect(offsets).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
