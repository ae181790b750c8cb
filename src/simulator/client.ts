/**
 * Runs simulations in a Web Worker with a time limit. A run that takes too long (an endless user
 * function) gets its worker terminated and replaced, and resolves as "stopped" with the input record
 * that was being processed, so the page stays responsive.
 */
import type { SimulationRequest, SimulationResult, WorkerRequest, WorkerResponse } from './types';

export type RunOutcome =
  | { kind: 'result'; result: SimulationResult }
  | { kind: 'stopped'; reason: 'timeout' | 'cancelled'; lastInputId: string | null; lastCall: { nodeId: string; param: string } | null }
  | { kind: 'superseded' };

export interface SimulatorClient {
  run(request: SimulationRequest, options?: { timeoutMs?: number }): Promise<RunOutcome>;
  dispose(): void;
}

export function createSimulatorClient(makeWorker: () => Worker): SimulatorClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: { id: number; resolve: (o: RunOutcome) => void; timer: ReturnType<typeof setTimeout>; lastInputId: string | null; lastCall: { nodeId: string; param: string } | null } | null = null;

  const ensure = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data;
      if (!pending || msg.id !== pending.id) return;
      if (msg.type === 'progress') {
        pending.lastInputId = msg.inputId;
        return;
      }
      if (msg.type === 'call') {
        pending.lastCall = { nodeId: msg.nodeId, param: msg.param };
        return;
      }
      clearTimeout(pending.timer);
      const p = pending;
      pending = null;
      p.resolve({ kind: 'result', result: msg.result });
    };
    return worker;
  };

  /** The samples object the current worker already holds (documents keep it when samples do not change). */
  let sentSamples: unknown = null;
  const kill = () => {
    worker?.terminate();
    worker = null;
    sentSamples = null;
  };

  return {
    run(request, options = {}) {
      // A newer run replaces an older one: the old worker is stopped (it may be stuck).
      if (pending) {
        clearTimeout(pending.timer);
        pending.resolve({ kind: 'superseded' });
        pending = null;
        kill();
      }
      const id = nextId++;
      const w = ensure();
      return new Promise<RunOutcome>((resolve) => {
        const timer = setTimeout(() => {
          const last = pending?.lastInputId ?? null;
          const lastCall = pending?.lastCall ?? null;
          pending = null;
          kill();
          resolve({ kind: 'stopped', reason: 'timeout', lastInputId: last, lastCall });
        }, options.timeoutMs ?? 2000);
        pending = { id, resolve, timer, lastInputId: null, lastCall: null };
        const samples = request.doc.samples;
        if (samples === sentSamples) {
          w.postMessage({ type: 'run', id, request: { ...request, doc: { ...request.doc, samples: {} } }, samplesUnchanged: true } satisfies WorkerRequest);
        } else {
          w.postMessage({ type: 'run', id, request } satisfies WorkerRequest);
          sentSamples = samples;
        }
      });
    },
    dispose() {
      if (pending) {
        clearTimeout(pending.timer);
        pending.resolve({ kind: 'stopped', reason: 'cancelled', lastInputId: pending.lastInputId, lastCall: pending.lastCall });
        pending = null;
      }
      kill();
    },
  };
}
