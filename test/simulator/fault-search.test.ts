/** Lineage-driven fault search: only faults touching a record's lineage, singles then pairs, the minimal set, coverage, the time limit. */
import { describe, expect, it } from 'vitest';
import { prepareRun, type PreparedRun } from '../../src/simulator/faults/run';
import { candidateFaults, searchFaults } from '../../src/simulator/faults/search';
import type { FaultSettings } from '../../src/simulator/faults/types';
import type { FaultAnswers } from '../../src/simulator/faults/view';
import type { WorkerResponse } from '../../src/simulator/types';
import { createWorkerHandler } from '../../src/simulator/worker-handler';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const settings: FaultSettings = { guarantee: 'at-least-once', commit: { every: 2, unit: 'records' } };

/**
 * Final counts per 10 s window (suppressed until the window closes), shown as busy (4 or more) or
 * quiet. Window [0, 10000) of key a holds two records: one duplicate leaves it quiet, two make it busy.
 */
function busyDesign() {
  const samples = {
    in: [
      { key: 'a', value: 1, timestamp: 1000 },
      { key: 'a', value: 2, timestamp: 2000 },
      { key: 'x', value: 3, timestamp: 3000 },
      { key: 'b', value: 4, timestamp: 15_000 },
      { key: 'c', value: 5, timestamp: 30_000 },
    ],
  };
  return design(
    [
      node('s', 'stream', { topic: 'in' }),
      node('g', 'groupByKey'),
      node('w', 'windowedBy', { type: 'tumbling', sizeMs: 10_000, graceMs: 0 }),
      node('c', 'count'),
      node('u', 'suppress', { mode: 'untilWindowCloses' }),
      node('t', 'toStream'),
      node('m', 'mapValues', { mapper: "(value) => (value >= 4 ? 'busy' : 'quiet')" }),
      node('o', 'to', { topic: 'out' }),
    ],
    [['s', 'g'], ['g', 'w'], ['w', 'c'], ['c', 'u'], ['u', 't'], ['t', 'm'], ['m', 'o']],
    samples,
  );
}

function setup() {
  const doc = busyDesign();
  const prepared = prepareRun(doc) as PreparedRun;
  const result = simulate({ doc });
  const target = result.nodes.o.emitted.find((r) => (r.key as { key: string }).key === 'a')!;
  expect(target.value).toBe('quiet');
  return { prepared, result, target };
}

describe('lineage-driven fault search', () => {
  it('tries only faults on the record\'s lineage: each of its inputs duplicated, delayed, reordered, and a crash right after it', () => {
    const { prepared } = setup();
    const faults = candidateFaults(prepared, ['in#0', 'in#1'], ['duplicate', 'reorder', 'crash']);
    expect(faults).toEqual([
      { kind: 'duplicate', at: 'in#0' },
      { kind: 'reorder', at: 'in#0' },
      { kind: 'crash', at: 'in#0' },
      { kind: 'duplicate', at: 'in#1' },
      { kind: 'reorder', at: 'in#1' },
      { kind: 'crash', at: 'in#1' },
    ]);
    // The last record of its topic has nothing to swap with.
    expect(candidateFaults(prepared, ['in#4'], ['reorder'])).toEqual([]);
  });

  it('finds the minimal fault set when no single fault changes the record: a pair of duplicates', () => {
    const { prepared, result, target } = setup();
    const report = searchFaults(prepared, result, target.id, settings, { kinds: ['duplicate'] });
    expect(report.ok).toBe(true);
    expect(report.stopped).toBe('found');
    // Singles: duplicates of in#0, in#1, in#3 (none changes it); pairs until (in#0, in#1).
    expect(report.tried).toEqual({ singles: 3, pairs: 1 });
    expect(report.space).toEqual({ singles: 3, pairs: 3 });
    expect(report.coverage).toBe(4 / 6);
    expect(report.found).toHaveLength(1);
    expect(report.found[0].faults).toEqual([{ kind: 'duplicate', at: 'in#0' }, { kind: 'duplicate', at: 'in#1' }]);
    expect(report.found[0].differences.map((d) => [d.kind, d.record.value, d.to?.value])).toEqual([['changed', 'quiet', 'busy']]);
  });

  it('a crash after the record was written duplicates it under at-least-once; under exactly-once no fault of the space changes it', () => {
    const { prepared, result, target } = setup();
    // The lineage: the window's two records and in#3, whose stream time closed the window and wrote the record.
    const report = searchFaults(prepared, result, target.id, settings, { kinds: ['crash'] });
    expect(report.inputIds).toEqual(['in#0', 'in#1', 'in#3']);
    expect(report.stopped).toBe('found');
    expect(report.found.map((s) => s.faults)).toEqual([[{ kind: 'crash', at: 'in#3' }]]);
    expect(report.found[0].differences.map((d) => [d.kind, d.count])).toEqual([['duplicated', 1]]);
    const eos = searchFaults(prepared, result, target.id, { ...settings, guarantee: 'exactly-once' }, { kinds: ['crash'] });
    expect(eos.stopped).toBe('exhausted');
    expect(eos.found).toEqual([]);
    expect(eos.coverage).toBe(1);
  });

  it('stops at the time limit and says how much of the space it covered', () => {
    const { prepared, result, target } = setup();
    let t = 0;
    // A clock that moves 1 ms per reading: the limit of 3 ms allows only the first sets.
    const report = searchFaults(prepared, result, target.id, settings, { timeLimitMs: 3, now: () => t++ });
    expect(report.stopped).toBe('time');
    expect(report.tried.singles + report.tried.pairs).toBeLessThan(report.space.singles + report.space.pairs);
    expect(report.coverage).toBeGreaterThan(0);
    expect(report.coverage).toBeLessThan(1);
  });

  it('refuses a record that no sink holds', () => {
    const { prepared, result } = setup();
    const report = searchFaults(prepared, result, 'c#1', settings);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/sink/);
  });
});

describe('the worker answers the Faults tab about the run it keeps', () => {
  it('a fault report and a search, structured-cloned as the page gets them', () => {
    const doc = busyDesign();
    const posted: WorkerResponse[] = [];
    const handle = createWorkerHandler((m) => posted.push(structuredClone(m)));
    handle({ type: 'run', id: 1, request: { doc }, view: { detailNodeId: null, detailLimit: 10 } });
    handle({ type: 'query', id: 2, runId: 1, query: { kind: 'faults', faults: [{ kind: 'crash', at: 'in#3' }], settings } });
    const report = posted.find((m) => m.type === 'answer' && m.id === 2);
    const faults = report?.type === 'answer' ? (report.answer as FaultAnswers['faults']) : null;
    expect(faults?.ok).toBe(true);
    expect(faults?.restarts).toEqual([{ at: 'in#3', from: 'in#2', replayed: 2 }]);
    // in#3 closed the window of a and of x: both final records are written again.
    expect(faults?.sinks[0].differences.map((d) => [d.kind, (d.key as { key: string }).key, d.record.value, d.causes])).toEqual([
      ['duplicated', 'a', 'quiet', [{ kind: 'crash', at: 'in#3' }]],
      ['duplicated', 'x', 'quiet', [{ kind: 'crash', at: 'in#3' }]],
    ]);
    handle({ type: 'query', id: 3, runId: 1, query: { kind: 'fault-search', recordId: 'o#1', settings, kinds: ['duplicate'] } });
    const search = posted.find((m) => m.type === 'answer' && m.id === 3);
    expect(search?.type === 'answer' && (search.answer as FaultAnswers['fault-search']).found[0].faults.length).toBe(2);
    // A run the worker no longer keeps: no answer.
    handle({ type: 'query', id: 4, runId: 99, query: { kind: 'faults', faults: [], settings } });
    expect(posted.find((m) => m.type === 'answer' && m.id === 4)).toEqual({ type: 'answer', id: 4, answer: null });
  });
});
