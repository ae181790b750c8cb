/** Kafka's default partitioner: murmur2 as in the Java client, and the same partitions as kafkajs' default. */
import { createRequire } from 'node:module';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkaDefaultPartitioner, murmur2, partitionForKey } from '../../src/engine/kafka/partitioner';

const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (b: Buffer) => number;

describe('Kafka default partitioner', () => {
  it('murmur2 gives the values of Kafka (UtilsTest.testMurmur2)', () => {
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [s, h] of cases) expect(murmur2(Buffer.from(s))).toBe(h);
  });

  it('agrees with kafkajs on random keys of every length remainder', () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const key = Buffer.from(Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256)));
      expect(murmur2(key)).toBe(kafkajsMurmur2(key));
    }
  });

  it('picks the partitions kafkajs picks (explicit partition wins, keys hashed)', () => {
    const mine = kafkaDefaultPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1, 2, 3, 4].map((partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    for (const key of ['"kafka"', '"streams"', '{"id":42}', 'x'.repeat(33), '']) {
      const message = { key: Buffer.from(key), value: null };
      expect(mine({ topic: 't', partitionMetadata, message })).toBe(theirs({ topic: 't', partitionMetadata, message }));
      expect(partitionForKey(Buffer.from(key), 5)).toBe(theirs({ topic: 't', partitionMetadata, message }));
    }
    expect(mine({ topic: 't', partitionMetadata, message: { key: Buffer.from('k'), value: null, partition: 3 } })).toBe(3);
  });

  it('spreads records without a key over the available partitions', () => {
    const p = kafkaDefaultPartitioner();
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: partitionId === 1 ? -1 : 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const seen = new Set(Array.from({ length: 10 }, () => p({ topic: 't', partitionMetadata, message: { key: null, value: 'v' } })));
    expect(seen).toEqual(new Set([0, 2]));
  });
});
