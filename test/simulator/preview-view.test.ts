/** The designer's view of a run: a small summary always, one node's records, lineage and sinks on request. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../src/model/load';
import { lineageThroughState as lineageOf } from '../../src/simulator/lineage';
import { answer, nodeDetail, summarize } from '../../src/simulator/preview-view';
import { simulate } from '../../src/simulator/simulate';

const wordCount = () => {
  const r = parseDesign(readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'word-count.json'), 'utf8'));
  if (!r.ok) throw new Error('word-count');
  return r.doc;
};

// Samples: "all streams lead to kafka", "hello kafka streams", "join kafka summit" (11 words, 8 distinct).
const result = simulate({ doc: wordCount(), maxTracePerNode: 500 });

describe('summarize', () => {
  it('sends counts, errors and record types, and no records unless a node is shown', () => {
    const s = summarize(result, 7, { detailNodeId: null, detailLimit: 500 });
    expect(s.runId).toBe(7);
    expect(s.nodes.words).toEqual({ emittedCount: 11, recordsIn: expect.any(Number), dropped: 0, types: { key: 'null', value: 'string' } });
    expect(s.nodes.count.emittedCount).toBe(11);
    expect(s.nodes.count.types).toEqual({ key: 'string', value: 'number' });
    expect(Object.values(s.sinkCounts)).toEqual([11]);
    expect(s.detail).toBeNull();
    expect(JSON.stringify(s)).not.toContain('summit');
  });

  it('includes the shown node\'s records and its state store', () => {
    const s = summarize(result, 1, { detailNodeId: 'count', detailLimit: 3 });
    expect(s.detail!.nodeId).toBe('count');
    expect(s.detail!.emitted.map((e) => [e.key, e.value])).toEqual([
      ['all', 1],
      ['streams', 1],
      ['lead', 1],
    ]);
    expect(s.detail!.stores).toHaveLength(1);
    expect(s.detail!.stores[0]).toMatchObject({ name: 'counts-store', size: 8 });
    expect(s.detail!.stores[0].entries.find((e) => e.key === 'kafka')!.value).toBe(3);
  });
});

describe('queries', () => {
  it('a node\'s records: only the ones asked for, and no stores for a stateless node', () => {
    const d = nodeDetail(result, 'words', 2);
    expect(d.emitted.map((e) => e.value)).toEqual(['all', 'streams']);
    expect(d.stores).toEqual([]);
    // Side by side: the line that reached flatMapValues, and each word linked to it.
    expect(d.inputs.map((r) => r.value)).toEqual(['all streams lead to kafka', 'hello kafka streams']);
    expect(d.from[d.emitted[1].id]).toEqual([d.inputs[0].id]);
    expect(answer(result, { kind: 'node', nodeId: 'nope', limit: 1 })).toBeNull();
  });

  it('lineage through state: every input line a count of 3 came from, and the path it took', () => {
    const kafka3 = result.nodes.count.emitted.find((e) => e.key === 'kafka' && e.value === 3)!;
    const l = lineageOf(result, kafka3.id)!;
    expect(l.inputIds.sort()).toEqual(['text-lines#0', 'text-lines#1', 'text-lines#2']);
    expect(l.inputs.map((i) => i.value)).toEqual(['all streams lead to kafka', 'hello kafka streams', 'join kafka summit']);
    expect(l.nodeIds.sort()).toEqual(['count', 'group', 'src', 'words']);
    const kafka1 = result.nodes.count.emitted.find((e) => e.key === 'kafka' && e.value === 1)!;
    expect(lineageOf(result, kafka1.id)!.inputIds).toEqual(['text-lines#0']);
    expect(lineageOf(result, 'count#999')).toBeNull();
  });

  it('sinks: every output record', () => {
    const sinks = answer(result, { kind: 'sinks' }) as Record<string, { key: unknown; value: unknown }[]>;
    const out = Object.values(sinks)[0];
    expect(out).toHaveLength(11);
    expect(out[out.length - 1]).toMatchObject({ key: 'summit', value: 1 });
  });
});
