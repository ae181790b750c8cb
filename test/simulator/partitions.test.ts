/** The partitioned run: Kafka's default partitioner, one task per partition, repartition topics routed by key, and the 1 vs N comparison. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Serdes } from '../../src/engine';
import { compareSinks } from '../../src/simulator/partitions/compare';
import { partitionOf, simulatePartitioned } from '../../src/simulator/partitions/partitioned';
import { simulate } from '../../src/simulator/simulate';
import { design, exampleDesign, node } from '../fixtures/build';

const require = createRequire(import.meta.url);
const { Partitioners } = require('kafkajs') as { Partitioners: { DefaultPartitioner: () => (a: { topic: string; partitionMetadata: { partitionId: number; leader: number }[]; message: { key: Buffer } }) => number } };

/** The last value per key of a sink's records. */
const finals = (recs: { key: unknown; value: unknown }[]) => Object.fromEntries(recs.map((r) => [JSON.stringify(r.key), r.value]));

describe('partitions', () => {
  it('puts a key where kafkajs\' default partitioner puts the same key bytes', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    for (const partitions of [1, 3, 7, 12]) {
      const meta = Array.from({ length: partitions }, (_, i) => ({ partitionId: i, leader: 0 }));
      for (const key of ['a', 'user-17', 'kafka', 42, { id: 'x' }, 'ü-ñ', '']) {
        for (const serde of [Serdes.Json(), Serdes.String()]) {
          if (serde.name === 'string' && typeof key !== 'string') continue;
          const bytes = serde.serialize(key)!;
          expect(partitionOf(key, serde, partitions), `${JSON.stringify(key)} ${serde.name} / ${partitions}`).toBe(kafkajs({ topic: 't', partitionMetadata: meta, message: { key: Buffer.from(bytes) } }));
        }
      }
    }
    expect(partitionOf(null, Serdes.Json(), 4)).toBeNull();
  });

  it('one task per partition: every record of a key goes to one task, per-key results as with one partition', () => {
    const samples = { in: Array.from({ length: 60 }, (_, i) => ({ key: `k${i % 9}`, value: i, timestamp: i })) };
    const doc = design([node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })], [['s', 'g'], ['g', 'c'], ['c', 't'], ['t', 'o']], samples);
    const r = simulatePartitioned(doc, 4);
    expect(r.ok).toBe(true);
    expect(r.inputsPerTask.reduce((a, b) => a + b, 0)).toBe(60);
    expect(r.inputsPerTask.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(r.movedByRepartition).toBe(0);
    for (const rec of r.sinks.out) expect(rec.task).toBe(partitionOf(rec.key, Serdes.Json(), 4));
    expect(finals(r.sinks.out)).toEqual(finals(simulate({ doc }).sinks.out));
    expect(compareSinks(simulate({ doc }).sinks, r.sinks).every((c) => c.same)).toBe(true);
  });

  it("per-topic partition counts from the design's topics table: the input topic's count makes the tasks, the sink's count places its records", () => {
    const samples = { in: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 11}`, value: i, timestamp: i })) };
    const base = design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' })], [['s', 'o']], samples);
    const doc = { ...base, topics: { in: { partitions: 5 }, out: { partitions: 2 } } };
    // The run's count (3) is only the fallback: both topics have their own.
    const r = simulatePartitioned(doc, 3);
    expect(r.ok).toBe(true);
    expect(r.partitions).toBe(5);
    expect(r.inputsPerTask).toHaveLength(5);
    for (const rec of r.sinks.out) {
      expect(rec.task).toBe(partitionOf(rec.key, Serdes.Json(), 5));
      expect(rec.partition).toBe(partitionOf(rec.key, Serdes.Json(), 2));
    }
    expect(new Set(r.sinks.out.map((x) => x.task)).size).toBeGreaterThan(2);
    // Without a count of its own, a topic takes the run's.
    const fallback = simulatePartitioned({ ...base, topics: { out: { partitions: 2 } } }, 3);
    expect(fallback.partitions).toBe(3);
    for (const rec of fallback.sinks.out) expect(rec.task).toBe(partitionOf(rec.key, Serdes.Json(), 3));
  });

  it('a join of topics with different counts is not run (the checker refuses it: E_NOT_COPARTITIONED)', () => {
    const doc = design([node('a', 'stream', { topic: 'a' }), node('b', 'stream', { topic: 'b' }), node('j', 'join', { windowSizeMs: 10 }), node('o', 'to', { topic: 'out' })], [['a', 'j', 'left'], ['b', 'j', 'right'], ['j', 'o']], { a: [{ key: 'k', value: 1, timestamp: 1 }] });
    expect(simulatePartitioned({ ...doc, topics: { a: { partitions: 3 }, b: { partitions: 2 } } }, 3)).toMatchObject({ ok: false, error: 'the design has errors (see validate)' });
  });

  it('a key change before an aggregation sends records through the repartition topic to the new key\'s task', () => {
    const doc = exampleDesign('word-count');
    const one = simulate({ doc });
    const r = simulatePartitioned(doc, 3);
    expect(r.ok).toBe(true);
    expect(r.movedByRepartition).toBeGreaterThan(0);
    const [topic] = Object.keys(one.sinks);
    // Each word is counted in one task (its partition of the repartition topic), whatever line it came from.
    const taskOf = new Map<unknown, Set<number>>();
    for (const rec of r.sinks[topic]) (taskOf.get(rec.key) ?? taskOf.set(rec.key, new Set()).get(rec.key)!).add(rec.task);
    expect([...taskOf.values()].every((tasks) => tasks.size === 1)).toBe(true);
    expect(new Set(r.sinks[topic].map((x) => x.task)).size).toBeGreaterThan(1);
    expect(finals(r.sinks[topic])).toEqual(finals(one.sinks[topic]));
  });

  it('compares 1 and N partitions per sink: records that appear, disappear, or come in another order per key', () => {
    const rec = (key: string, value: number, timestamp = 0) => ({ key, value, timestamp });
    const one = { out: [rec('a', 1), rec('a', 2), rec('b', 1), rec('c', 9)] };
    const many = { out: [rec('b', 1), rec('a', 2), rec('a', 1), rec('d', 4)].map((r) => ({ ...r, partition: 0, task: 0 })) };
    const [c] = compareSinks(one, many);
    expect(c).toMatchObject({ topic: 'out', appeared: [rec('d', 4)], disappeared: [rec('c', 9)], reorderedKeys: ['a'], same: false });
  });
});

describe('streamwright simulate --partitions', () => {
  it('prints each output record with its partition and task, and what changed against one partition', async () => {
    const { main } = await import('../../src/cli/main');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['simulate', 'public/examples/word-count.json', '--partitions', '3'], { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: process.cwd() } as never);
    expect(code).toBe(0);
    const lines = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { partition: number; task: number });
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.partition >= 0 && l.partition < 3 && l.task >= 0 && l.task < 3)).toBe(true);
    expect(err.join('')).toMatch(/same records as with 1 partition/);
  });
});

describe('the partition view (worker query)', () => {
  it('runs a recorded run\'s samples on N partitions and compares; a run that was not recorded has no view', async () => {
    const { partitionView } = await import('../../src/simulator/partitions/partition-view');
    const doc = exampleDesign('word-count');
    const v = partitionView(simulate({ doc, record: true, maxTracePerNode: 10 }), 4)!;
    expect(v.partitions).toBe(4);
    expect(v.comparison.every((c) => c.same)).toBe(true);
    const [topic] = Object.keys(v.sinks);
    expect(v.sinks[topic].count).toBe(simulate({ doc }).sinks[topic].length);
    expect(partitionView(simulate({ doc }), 4)).toBeNull();
  });
});
