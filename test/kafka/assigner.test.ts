/** Group assignment keeps every topic's partition p with one member, so co-partitioned inputs stay together. */
import { describe, expect, it } from 'vitest';
import { assignByPartition } from '../../src/engine/kafka/assigner';

describe('assignByPartition', () => {
  it('gives each member the same partition numbers of every topic', () => {
    const a = assignByPartition(['m-b', 'm-a'], new Map([['orders', 3], ['payments', 3], ['app-x-repartition', 3]]));
    expect(Object.fromEntries(a)).toEqual({
      'm-a': { orders: [0, 2], payments: [0, 2], 'app-x-repartition': [0, 2] },
      'm-b': { orders: [1], payments: [1], 'app-x-repartition': [1] },
    });
  });

  it('topics with fewer partitions only give the numbers they have; spare members get nothing', () => {
    const a = assignByPartition(['m1', 'm2', 'm3'], new Map([['big', 2], ['small', 1]]));
    expect(Object.fromEntries(a)).toEqual({ m1: { big: [0], small: [0] }, m2: { big: [1] }, m3: {} });
  });
});
