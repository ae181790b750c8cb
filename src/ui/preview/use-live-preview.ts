/**
 * Re-runs the simulation in the Web Worker shortly after each edit. A run that exceeds the time
 * limit is stopped; a second, instrumented run then names the node whose function never returns.
 */
import { useEffect } from 'react';
import { createSimulatorClient, type SimulatorClient } from '../../simulator/client';
import type { TopologyDocument } from '../../model/types';
import { useApp } from '../../store/store';

const DEBOUNCE_MS = 50;
// The page shows at most this many records per node (the worker counts all): cloning every trace of a
// big run back to the page would cost more than the run itself.
const TRACE_PER_NODE = 500;
const TIMEOUT_MS = 2000;

function makeWorker(): Worker {
  return new Worker(new URL('../../simulator/worker.ts', import.meta.url), { type: 'module' });
}

/** When the document last changed (the edit was applied), to report edit -> preview latency. */
let editedAt = 0;

export async function runPreview(client: SimulatorClient, doc: TopologyDocument): Promise<void> {
  const s = useApp.getState();
  s.setPreview({ running: true });
  const outcome = await client.run({ doc, maxTracePerNode: TRACE_PER_NODE }, { timeoutMs: TIMEOUT_MS });
  if (outcome.kind === 'superseded') return;
  if (outcome.kind === 'result') {
    useApp.getState().setPreview({ result: outcome.result, running: false, stopped: null, latencyMs: performance.now() - editedAt });
    return;
  }
  // Locate the endless function: same run, reporting every function call.
  const locate = await client.run({ doc, reportFunctionCalls: true, maxTracePerNode: TRACE_PER_NODE }, { timeoutMs: TIMEOUT_MS });
  if (locate.kind === 'superseded') return;
  const call = locate.kind === 'stopped' ? locate.lastCall : null;
  const node = call ? doc.nodes.find((n) => n.id === call.nodeId) : undefined;
  const lastInput = (locate.kind === 'stopped' ? locate.lastInputId : null) ?? outcome.lastInputId;
  const where = lastInput ? ` while processing input ${lastInput}` : '';
  const message = node
    ? `Stopped after ${TIMEOUT_MS / 1000}s: the ${call!.param} function of "${node.name}" did not return${where} (endless loop?)`
    : `Stopped after ${TIMEOUT_MS / 1000}s: the preview did not finish${where}`;
  useApp.getState().setPreview({ running: false, stopped: { message, nodeId: node?.id }, result: locate.kind === 'result' ? locate.result : null });
}

export function useLivePreview() {
  useEffect(() => {
    const client = createSimulatorClient(makeWorker);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (doc: TopologyDocument) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void runPreview(client, doc), DEBOUNCE_MS);
    };
    schedule(useApp.getState().doc);
    const unsub = useApp.subscribe((s, prev) => {
      if (s.doc !== prev.doc) {
        editedAt = performance.now();
        schedule(s.doc);
      }
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
      client.dispose();
    };
  }, []);
}
