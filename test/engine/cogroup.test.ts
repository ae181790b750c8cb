/**
 * Cogroup in the engine, beyond the conformance cases: rules 20 (session same-point update in place)
 * and 21 (sliding emission order) hold for a single-stream aggregation exactly as for a cogroup (each
 * visible cogroup case fed by one topic, rewritten as groupByKey -> [windowedBy] -> aggregate, expects
 * the same records); each input keeps its own stream time, as each of Kafka's cogroup processors does;
 * and the topology is Kafka's: one aggregation processor per input on one store, then a merge node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Materialized, Named, StreamsBuilder, TimeWindows, TopologyTestDriver } from '../../src/engine';
import { runCase } from '../../src/conformance/run';
import type { CaseNode, ConformanceCase } from '../../src/conformance/types';
import type { KeyValueStore } from '../../src/engine/stores/kv-store';

const CASES = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'conformance', 'round2', 'visible-cogroup.json'), 'utf8')) as ConformanceCase[];

/** The case with its cogroup replaced by the plain aggregation of its one piped input. */
function singleStream(c: ConformanceCase): ConformanceCase | null {
  const topics = new Set(c.steps.flatMap((s) => ('pipe' in s ? [s.pipe.topic] : [])));
  const nodes = c.topology.nodes;
  const cg = nodes.find((n) => n.op === 'cogroup')!;
  const i = (cg.inputs ?? []).findIndex((g) => topics.has(String(nodes.find((s) => s.id === nodes.find((x) => x.id === g)!.inputs![0])!.topic)));
  if (topics.size !== 1 || i < 0) return null;
  const aggregator = (cg.aggregators as string[])[i];
  const rewritten = nodes
    .filter((n) => n.op !== 'cogroup')
    .map((n): CaseNode => {
      if (n.inputs?.[0] === 'cg') return { ...n, inputs: [cg.inputs![i]], ...(n.op === 'aggregate' ? { aggregator } : {}) };
      if (n.op === 'aggregate' && n.inputs?.[0] === 'w') return { ...n, aggregator };
      return n;
    });
  return { ...c, name: `${c.name} (single stream)`, topology: { nodes: rewritten } };
}

describe('cogroup in the engine', () => {
  const single = CASES.map(singleStream).filter((c): c is ConformanceCase => c !== null);

  it('the same-point session and the sliding emission order hold for a single-stream aggregation (rules 20, 21)', () => {
    expect(single.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringContaining('session-window-same-timestamp'), expect.stringContaining('sliding-window-emission-order')]));
    for (const c of single) expect(runCase(c).failures, c.name).toEqual([]);
  });

  // The store keeps windows long enough (retention 1000) that only the processors' stream times decide.
  it('each input keeps its own stream time: a record late for one input is on time for another', () => {
    const b = new StreamsBuilder();
    const g1 = b.stream<string, string>('a').groupByKey();
    const g2 = b.stream<string, string>('b').groupByKey();
    g1.cogroup((k, v, agg: string) => `${agg}+${v}`)
      .cogroup(g2, (k, v, agg: string) => `${agg}-${v}`)
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .aggregate(() => '0', Named.as('agg'), Materialized.as('agg-store').withRetention(1000))
      .toStream()
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('a', 'k', 'A', 0);
    d.pipe('a', 'k', 'A', 25); // input a's stream time: 25, window [0, 10) closed for it
    d.pipe('b', 'k', 'B', 5); // input b has seen nothing later: [0, 10) is still open for it
    d.pipe('a', 'k', 'late', 6); // dropped by input a
    expect(d.allOutputs('out').map((r) => [r.key, r.value])).toEqual([
      [{ key: 'k', start: 0, end: 10 }, '0+A'],
      [{ key: 'k', start: 20, end: 30 }, '0+A'],
      [{ key: 'k', start: 0, end: 10 }, '0+A-B'],
    ]);
    expect(d.droppedRecords()).toBe(1);
  });

  it('builds Kafka topology: one aggregation processor per input on one store, then the merge node', () => {
    const b = new StreamsBuilder();
    const gs = ['a', 'b', 'c'].map((t) => b.stream<string, number>(t).groupByKey());
    gs[0].cogroup((k, v, a: number) => a + v).cogroup(gs[1], (k, v, a: number) => a - v).cogroup(gs[2], (k, v, a: number) => a * v).aggregate(() => 1, Named.as('total'), Materialized.as('total-store'));
    const spec = b.build().spec;
    const aggs = ['total-cogroup-agg-0', 'total-cogroup-agg-1', 'total-cogroup-agg-2'];
    for (const a of aggs) expect(spec.nodes.get(a)?.stores).toEqual(['total-store']);
    expect(spec.nodes.get('total-cogroup-merge')?.parents).toEqual(aggs);
    const d = new TopologyTestDriver(b.build());
    d.pipe('a', 'k', 2, 1);
    d.pipe('b', 'k', 1, 2);
    d.pipe('c', 'k', 5, 3);
    d.pipe('c', 'k', null, 4); // a null value is skipped, not aggregated
    expect((d.getStateStore('total-store') as KeyValueStore).get('k')?.value).toBe(10);
  });
});
