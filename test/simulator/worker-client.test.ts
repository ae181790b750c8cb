/** The worker client stops an endless function: the worker is terminated and the run reports where it hung. */
import { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createSimulatorClient } from '../../src/simulator/client';
import { design, node } from '../fixtures/build';

/** A browser-Worker-shaped adapter over worker_threads running the real simulator in a tsx worker. */
function makeWorker(): Worker {
  const src = `
    const { parentPort } = require('node:worker_threads');
    require('tsx/cjs');
    const { createWorkerHandler } = require(${JSON.stringify(require.resolve('../../src/simulator/worker-handler.ts'))});
    const handle = createWorkerHandler((m) => parentPort.postMessage(m));
    parentPort.on('message', handle);`;
  const w = new NodeWorker(src, { eval: true });
  const adapter = { onmessage: null as ((e: { data: unknown }) => void) | null, postMessage: (m: unknown) => w.postMessage(m), terminate: () => void w.terminate() };
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
    const r3 = await client.run({ doc: ok }, { timeoutMs: 20_000 });
    expect(r3.kind).toBe('result');
    // Same samples object again: the worker reuses the samples it holds instead of receiving them.
    const r4 = await client.run({ doc: { ...ok, name: 'renamed' } }, { timeoutMs: 20_000 });
    expect(r4.kind === 'result' && r4.result.sinks.output).toEqual([{ key: 'a', value: 1, timestamp: 1 }]);
    client.dispose();
  }, 60_000);
});
