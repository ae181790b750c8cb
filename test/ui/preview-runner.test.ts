/** When the preview runs: at once when idle, once more with the latest document after a burst, replacing a run only when that is faster. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome, SimulatorClient } from '../../src/simulator/client';
import type { PreviewQuery, PreviewResult, PreviewView, SimulationRequest } from '../../src/simulator/types';
import type { TopologyDocument } from '../../src/model/types';
import { createAppStore } from '../../src/store/store';
import { createPreviewRunner } from '../../src/ui/preview/preview-runner';
import { design, node } from '../fixtures/build';

/** A client whose runs finish when the test says so; it records what was asked. */
function fakeClient(clock: { t: number }) {
  const runs: { doc: TopologyDocument; view?: PreviewView; startedAt: number; finish: (o: RunOutcome) => void; settled: boolean }[] = [];
  const queries: { runId: number; query: PreviewQuery }[] = [];
  let killed = 0;
  const client: SimulatorClient = {
    run(request: SimulationRequest, options) {
      const open = runs.find((r) => !r.settled);
      if (open) {
        open.settled = true;
        open.finish({ kind: 'superseded' });
        killed++;
      }
      return new Promise((resolve) => {
        const run = { doc: request.doc, view: options?.view, startedAt: clock.t, settled: false, finish: (o: RunOutcome) => ((run.settled = true), resolve(o)) };
        runs.push(run);
      });
    },
    query(runId, query) {
      queries.push({ runId, query });
      if (query.kind === 'node') return Promise.resolve({ nodeId: query.nodeId, emitted: [], stores: [] }) as never;
      if (query.kind === 'lineage') return Promise.resolve({ recordId: query.recordId, inputIds: ['in#0'], nodeIds: ['s'], inputs: [] }) as never;
      return Promise.resolve(null);
    },
    runningSince: () => runs.find((r) => !r.settled)?.startedAt ?? null,
    dispose: () => undefined,
  };
  return { client, runs, queries, killed: () => killed };
}

const preview = (runId: number, durationMs = 5): PreviewResult => ({ runId, ok: true, nodes: {}, sinkCounts: {}, storeOwners: {}, describe: '', diagnostics: [], durationMs, detail: null });
const doc = (name: string) => ({ ...design([node('s', 'stream', { topic: 'in' })], []), name });

let clock: { t: number };
beforeEach(() => {
  clock = { t: 1000 };
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

/** A run stopped at the time limit, and its instrumented re-run ending with `then`: the store after. */
async function stoppedThen(then: RunOutcome) {
  const store = createAppStore();
  const fake = fakeClient(clock);
  const runner = createPreviewRunner(fake.client, store, () => clock.t);
  runner.edited(doc('a'), clock.t);
  fake.runs[0].finish({ kind: 'stopped', reason: 'timeout', lastInputId: 'in#3', lastCall: null });
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.runs).toHaveLength(2);
  fake.runs[1].finish(then);
  await vi.advanceTimersByTimeAsync(0);
  runner.dispose();
  return store;
}

describe('preview runner', () => {
  it('a run the worker could not finish says what happened, without looking for an endless loop', async () => {
    const store = createAppStore();
    const fake = fakeClient(clock);
    const runner = createPreviewRunner(fake.client, store, () => clock.t);
    runner.edited(doc('a'), clock.t);
    fake.runs[0].finish({ kind: 'failed', message: 'the preview worker failed: out of memory' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.runs).toHaveLength(1);
    expect(store.getState()).toMatchObject({ running: false, result: null, stopped: { message: 'The preview stopped: the preview worker failed: out of memory' } });
    runner.dispose();
  });

  it('a run stopped at the time limit whose instrumented re-run finishes shows that result, not "stopped"', async () => {
    // A cold worker on a busy machine (or a page too busy to read the answer in time) can miss the
    // limit once: the re-run that looks for an endless function finishing proves there is none.
    const store = await stoppedThen({ kind: 'preview', preview: preview(2) });
    expect(store.getState()).toMatchObject({ running: false, stopped: null, result: { runId: 2 } });
  });

  it('a run stopped at the time limit names the function its re-run was stuck in', async () => {
    const store = await stoppedThen({ kind: 'stopped', reason: 'timeout', lastInputId: 'in#3', lastCall: { nodeId: 's', param: 'mapper' } });
    expect(store.getState()).toMatchObject({ running: false, result: null, stopped: { message: 'Stopped after 2s: the mapper function of "s" did not return while processing input in#3 (endless loop?)', nodeId: 's' } });
  });

  it('runs an edit at once, and a burst during a run as one run of the latest document', async () => {
    const store = createAppStore();
    const fake = fakeClient(clock);
    const runner = createPreviewRunner(fake.client, store, () => clock.t);
    runner.edited(doc('a'), clock.t);
    expect(fake.runs.map((r) => r.doc.name)).toEqual(['a']);
    expect(store.getState().running).toBe(true);
    clock.t += 40;
    fake.runs[0].finish({ kind: 'preview', preview: preview(1) });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().result?.runId).toBe(1);
    expect(store.getState().latencyMs).toBe(40);
    expect(store.getState().running).toBe(false);

    // Two more edits while the next run is in flight (and expected to finish soon): no restart.
    runner.edited(doc('b'), clock.t);
    clock.t += 5;
    runner.edited(doc('c'), clock.t);
    clock.t += 5;
    runner.edited(doc('d'), clock.t);
    expect(fake.runs.map((r) => r.doc.name)).toEqual(['a', 'b']);
    clock.t += 30;
    fake.runs[1].finish({ kind: 'preview', preview: preview(2) });
    await vi.advanceTimersByTimeAsync(0);
    // The result of "b" is shown but is not the latest edit: still running, no latency figure for it.
    expect(store.getState().result?.runId).toBe(2);
    expect(store.getState().running).toBe(true);
    expect(store.getState().latencyMs).toBe(40);
    expect(fake.runs.map((r) => r.doc.name)).toEqual(['a', 'b', 'd']);
    clock.t += 20;
    fake.runs[2].finish({ kind: 'preview', preview: preview(3) });
    await vi.advanceTimersByTimeAsync(0);
    // From the edit of "d" (at +50 ms) to its result (at +100 ms).
    expect(store.getState().latencyMs).toBe(50);
    expect(store.getState().running).toBe(false);
    expect(fake.killed()).toBe(0);
    runner.dispose();
  });

  it('ends on the last edit even when the client drops a run without replacing it', async () => {
    const store = createAppStore();
    const fake = fakeClient(clock);
    const runner = createPreviewRunner(fake.client, store, () => clock.t);
    runner.edited(doc('a'), clock.t);
    // Dropped: "superseded" though the runner started no newer run.
    fake.runs[0].finish({ kind: 'superseded' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.runs.map((r) => r.doc.name)).toEqual(['a', 'a']);
    fake.runs[1].finish({ kind: 'preview', preview: preview(2) });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().result?.runId).toBe(2);
    expect(store.getState().running).toBe(false);
    runner.dispose();
  });

  it('replaces a run that takes much longer than the last one', async () => {
    const store = createAppStore();
    const fake = fakeClient(clock);
    const runner = createPreviewRunner(fake.client, store, () => clock.t);
    runner.edited(doc('a'));
    clock.t += 20;
    fake.runs[0].finish({ kind: 'preview', preview: preview(1) });
    await vi.advanceTimersByTimeAsync(0);
    runner.edited(doc('slow'));
    clock.t += 10;
    runner.edited(doc('fixed'));
    expect(fake.runs).toHaveLength(2);
    // Still running well past the last run's time: replaced, without waiting for it.
    clock.t += 500;
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.runs.map((r) => r.doc.name)).toEqual(['a', 'slow', 'fixed']);
    expect(fake.killed()).toBe(1);
    runner.dispose();
  });

  it('asks for the selected node\'s records and a record\'s lineage, again after each run', async () => {
    const store = createAppStore();
    const fake = fakeClient(clock);
    const runner = createPreviewRunner(fake.client, store, () => clock.t);
    store.getState().select(['s']);
    runner.edited(doc('a'));
    expect(fake.runs[0].view).toEqual({ detailNodeId: 's', detailLimit: 500 });
    fake.runs[0].finish({ kind: 'preview', preview: { ...preview(1), detail: { nodeId: 's', emitted: [], stores: [], dropped: [], inputs: [], from: {}, rule: 'cause' } } });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().detail).toMatchObject({ nodeId: 's', runId: 1 });
    expect(fake.queries).toEqual([]);
    store.getState().select(['t']);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.queries).toEqual([{ runId: 1, query: { kind: 'node', nodeId: 't', limit: 500 } }]);
    expect(store.getState().detail).toMatchObject({ nodeId: 't', runId: 1 });

    await runner.showLineage('t#1');
    expect(fake.queries[1]).toEqual({ runId: 1, query: { kind: 'lineage', recordId: 't#1' } });
    expect(store.getState().lineage?.nodeIds).toEqual(['s']);
    runner.edited(doc('b'));
    fake.runs[1].finish({ kind: 'preview', preview: preview(2) });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.queries.slice(2)).toEqual([
      { runId: 2, query: { kind: 'node', nodeId: 't', limit: 500 } },
      { runId: 2, query: { kind: 'lineage', recordId: 't#1' } },
    ]);
    runner.dispose();
  });
});
