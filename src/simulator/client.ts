/**
 * Runs simulations in a Web Worker with a time limit. A run that takes too long (an endless user
 * function) gets its worker terminated and replaced, and resolves as "stopped" with the input record
 * that was being processed, so the page stays responsive. A run with a view resolves with the
 * designer's summary; query() then asks the worker about that run.
 */
import type { PreviewAnswers, PreviewQuery, PreviewResult, PreviewView, SimulationRequest, SimulationResult, WorkerRequest, WorkerResponse } from './types';

export type RunOutcome =
  | { kind: 'result'; result: SimulationResult }
  | { kind: 'preview'; preview: PreviewResult }
  | { kind: 'stopped'; reason: 'timeout' | 'cancelled' | 'not-started'; lastInputId: string | null; lastCall: { nodeId: string; param: string } | null }
  /** The worker could not finish the run for another reason than time (message: what happened). */
  | { kind: 'failed'; message: string }
  | { kind: 'superseded' };

export interface SimulatorClient {
  run(request: SimulationRequest, options?: { timeoutMs?: number; view?: PreviewView }): Promise<RunOutcome>;
  /** Asks about a run made with a view; null when the worker no longer holds it. */
  query<Q extends PreviewQuery>(runId: number, query: Q): Promise<PreviewAnswers[Q['kind']] | null>;
  /** When the run in flight started (performance.now()), or null when idle. */
  runningSince(): number | null;
  dispose(): void;
}

interface Pending {
  id: number;
  resolve: (o: RunOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
  startedAt: number;
  lastInputId: string | null;
  lastCall: { nodeId: string; param: string } | null;
  /** The worker began the run: the run's own time limit starts now. */
  started: () => void;
}

/** How long a worker may take to load and begin a run (its code is fetched and compiled first). */
export const START_LIMIT_MS = 30_000;

export function createSimulatorClient(makeWorker: () => Worker): SimulatorClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: Pending | null = null;
  const queries = new Map<number, (answer: unknown) => void>();

  const ensure = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data;
      if (msg.type === 'answer') {
        queries.get(msg.id)?.(msg.answer);
        queries.delete(msg.id);
        return;
      }
      if (!pending || msg.id !== pending.id) return;
      if (msg.type === 'started') {
        pending.started();
        return;
      }
      if (msg.type === 'progress') {
        pending.lastInputId = msg.inputId;
        return;
      }
      if (msg.type === 'call') {
        pending.lastCall = { nodeId: msg.nodeId, param: msg.param };
        return;
      }
      settle(msg.type === 'preview' ? { kind: 'preview', preview: msg.preview } : msg.type === 'failed' ? { kind: 'failed', message: msg.message } : { kind: 'result', result: msg.result });
    };
    // An error the worker did not catch (or a message the page could not read) ends the run with what it said.
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      settle({ kind: 'failed', message: `the preview worker failed: ${ev.message || 'unknown error'}` });
      kill();
    };
    worker.onmessageerror = () => settle({ kind: 'failed', message: "the preview's result could not be read by the page" });
    return worker;
  };

  const settle = (outcome: RunOutcome) => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const p = pending;
    pending = null;
    p.resolve(outcome);
  };

  /** The samples object the current worker already holds (documents keep it when samples do not change). */
  let sentSamples: unknown = null;
  const kill = () => {
    worker?.terminate();
    worker = null;
    sentSamples = null;
    // The runs those queries asked about went with the worker.
    for (const resolve of queries.values()) resolve(null);
    queries.clear();
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
        // The time limit counts from when the worker starts the run: loading a new worker's code
        // (slow on a busy machine) is not the user's function running.
        const stop = (reason: 'timeout' | 'not-started') => () => {
          const last = pending?.lastInputId ?? null;
          const lastCall = pending?.lastCall ?? null;
          pending = null;
          kill();
          resolve({ kind: 'stopped', reason, lastInputId: last, lastCall });
        };
        const limit = options.timeoutMs ?? 2000;
        const timer = setTimeout(stop('not-started'), Math.max(limit, START_LIMIT_MS));
        const started = () => {
          if (pending?.id !== id) return;
          clearTimeout(pending.timer);
          pending.timer = setTimeout(stop('timeout'), limit);
        };
        pending = { id, resolve, timer, startedAt: now(), lastInputId: null, lastCall: null, started };
        const samples = request.doc.samples;
        const view = options.view;
        if (samples === sentSamples) {
          w.postMessage({ type: 'run', id, request: { ...request, doc: { ...request.doc, samples: {} } }, samplesUnchanged: true, view } satisfies WorkerRequest);
        } else {
          w.postMessage({ type: 'run', id, request, view } satisfies WorkerRequest);
          sentSamples = samples;
        }
      });
    },
    query(runId, query) {
      if (!worker) return Promise.resolve(null);
      const id = nextId++;
      const w = worker;
      return new Promise((resolve) => {
        queries.set(id, resolve as (answer: unknown) => void);
        w.postMessage({ type: 'query', id, runId, query } satisfies WorkerRequest);
      });
    },
    runningSince: () => pending?.startedAt ?? null,
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

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
