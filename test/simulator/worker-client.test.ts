/** The worker client stops an endless function: the worker is terminated and the run reports where it hung. */
import { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createSimulatorClient } from '../../src/simulator/client';
import { design, node } from '../fixtures/build';

/** A browser-Worker-shaped adapter over worker_threads running the real simulator in a tsx worker. */
const workers: { terminated: boolean }[] = [];
function makeWorker(): Worker {
  const src = `
    const { parentPort } = require('node:worker_threads');
    require('tsx/cjs');
    const { createWorkerHandler } = require(${JSON.stringify(require.resolve('../../src/simulator/worker-handler.ts'))});
    const handle = createWorkerHandler((m) => parentPort.postMessage(m));
    parentPort.on('message', handle);`;
  const w = new NodeWorker(src, { eval: true });
  const state = { terminated: false };
  workers.push(state);
  const adapter = {
    onmessage: null as ((e: { data: unknown }) => void) | null,
    postMessage: (m: unknown) => w.postMessage(m),
    terminate: () => {
      state.terminated = true;
      void w.terminate();
    },
  };
  w.on('message', (data) => adapter.onmessage?.({ data }));
  return adapter as unknown as Worker;
}

describe('simulator client', () => {
  it('returns results, and stops an endless loop naming the node and the input record', async () => {
    const client = createSimulatorClient(makeWorker);
    const ok = design([node('s', 'stream', { topic: 'in' }), node('o', 'to')], [['s', 'o']], { in: [{ key: 'a', value: 1, timestamp: 1 }] });
    const r1 = await client.run({ doc: ok }, { timeoutMs: 20_000 });
    expect(r1.kind).toBe('result');
    const endless = design([node('s', 'stream', { topic: 'in' }), node('f', 'filter', { predicate: '(k, v) => { while (v > 1) {} return true; }' }), node('o', 'to')], [['s', 'f'], ['f', 'o']], {
      in: [{ key: 'a', value: 1, timestamp: 1 }, { key: 'b', value: 2, timestamp: 2 }],
    });
    const r2 = await client.run({ doc: endless, reportFunctionCalls: true }, { timeoutMs: 4000 });
    expect(r2).toMatchObject({ kind: 'stopped', reason: 'timeout', lastInputId: 'in#1', lastCall: { nodeId: 'f', param: 'predicate' } });
    // The hung worker was terminated (not left spinning); the next run gets a new one.
    expect(workers.map((x) => x.terminated)).toEqual([true]);
    const r3 = await client.run({ doc: ok }, { timeoutMs: 20_000 });
    expect(r3.kind).toBe('result');
    // Same samples object again: the worker reuses the samples it holds instead of receiving them.
    const r4 = await client.run({ doc: { ...ok, name: 'renamed' } }, { timeoutMs: 20_000 });
    expect(r4.kind === 'result' && r4.result.sinks.output).toEqual([{ key: 'a', value: 1, timestamp: 1 }]);
    client.dispose();
  }, 60_000);

  it('a run with a view answers with a summary, and queries about the kept runs get the records', async () => {
    const client = createSimulatorClient(makeWorker);
    const samples = { in: [{ key: 'a', value: 1, timestamp: 1 }, { key: 'b', value: 2, timestamp: 2 }] };
    const doc = design([node('s', 'stream', { topic: 'in' }), node('o', 'to')], [['s', 'o']], samples);
    const r1 = await client.run({ doc, maxTracePerNode: 500 }, { timeoutMs: 20_000, view: { detailNodeId: 'o', detailLimit: 1 } });
    if (r1.kind !== 'preview') throw new Error(r1.kind);
    expect(r1.preview.nodes.o.emittedCount).toBe(2);
    expect(r1.preview.sinkCounts).toEqual({ output: 2 });
    expect(r1.preview.detail?.emitted.map((e) => e.key)).toEqual(['a']);
    const r2 = await client.run({ doc: { ...doc, name: 'again' }, maxTracePerNode: 500 }, { timeoutMs: 20_000, view: { detailNodeId: null, detailLimit: 1 } });
    if (r2.kind !== 'preview') throw new Error(r2.kind);
    expect(r2.preview.detail).toBeNull();
    // Both runs are still held: the page may ask about the previous one while the next is on its way.
    await expect(client.query(r1.preview.runId, { kind: 'sinks' })).resolves.toEqual({ output: [{ key: 'a', value: 1, timestamp: 1 }, { key: 'b', value: 2, timestamp: 2 }] });
    const detail = await client.query(r2.preview.runId, { kind: 'node', nodeId: 's', limit: 10 });
    expect(detail?.emitted.map((e) => e.value)).toEqual([1, 2]);
    const lineage = await client.query(r2.preview.runId, { kind: 'lineage', recordId: detail!.emitted[1].id });
    expect(lineage?.inputs.map((i) => i.key)).toEqual(['b']);
    // A stopped run takes its worker, and the runs it held, with it.
    const endless = design([node('s', 'stream', { topic: 'in' }), node('f', 'filter', { predicate: '(k, v) => { while (true) {} }' })], [['s', 'f']], samples);
    await expect(client.run({ doc: endless }, { timeoutMs: 1500, view: { detailNodeId: null, detailLimit: 1 } })).resolves.toMatchObject({ kind: 'stopped' });
    await expect(client.query(r2.preview.runId, { kind: 'sinks' })).resolves.toBeNull();
    client.dispose();
  }, 60_000);
});
