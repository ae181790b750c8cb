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
  return new WorkerClient(makeWorker);
}

/** One worker at a time (replaced when a run is stopped), the run in flight, and the queries waiting for answers. */
class WorkerClient implements SimulatorClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: Pending | null = null;
  private readonly queries = new Map<number, (answer: unknown) => void>();
  /** The samples object the current worker already holds (documents keep it when samples do not change). */
  private sentSamples: unknown = null;

  constructor(private readonly makeWorker: () => Worker) {}

  run(request: SimulationRequest, options: { timeoutMs?: number; view?: PreviewView } = {}): Promise<RunOutcome> {
    // A newer run replaces an older one: the old worker is stopped (it may be stuck).
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending.resolve({ kind: 'superseded' });
      this.pending = null;
      this.kill();
    }
    const id = this.nextId++;
    const w = this.ensure();
    return new Promise<RunOutcome>((resolve) => {
      this.pending = this.timedRun(id, resolve, options.timeoutMs ?? 2000);
      this.post(w, id, request, options.view);
    });
  }

  query<Q extends PreviewQuery>(runId: number, query: Q): Promise<PreviewAnswers[Q['kind']] | null> {
    if (!this.worker) return Promise.resolve(null);
    const id = this.nextId++;
    const w = this.worker;
    return new Promise((resolve) => {
      this.queries.set(id, resolve as (answer: unknown) => void);
      w.postMessage({ type: 'query', id, runId, query } satisfies WorkerRequest);
    });
  }

  runningSince(): number | null {
    return this.pending?.startedAt ?? null;
  }

  dispose(): void {
    const p = this.pending;
    if (p) {
      clearTimeout(p.timer);
      p.resolve({ kind: 'stopped', reason: 'cancelled', lastInputId: p.lastInputId, lastCall: p.lastCall });
      this.pending = null;
    }
    this.kill();
  }

  /**
   * The run's time limits. The run's own limit counts from when the worker starts it: loading a new
   * worker's code (slow on a busy machine) is not the user's function running.
   */
  private timedRun(id: number, resolve: (o: RunOutcome) => void, limit: number): Pending {
    const stop = (reason: 'timeout' | 'not-started') => () => {
      const last = this.pending?.lastInputId ?? null;
      const lastCall = this.pending?.lastCall ?? null;
      this.pending = null;
      this.kill();
      resolve({ kind: 'stopped', reason, lastInputId: last, lastCall });
    };
    const timer = setTimeout(stop('not-started'), Math.max(limit, START_LIMIT_MS));
    const started = () => {
      if (this.pending?.id !== id) return;
      clearTimeout(this.pending.timer);
      this.pending.timer = setTimeout(stop('timeout'), limit);
    };
    return { id, resolve, timer, startedAt: now(), lastInputId: null, lastCall: null, started };
  }

  /** Sends the run; samples the worker already holds are not copied again. */
  private post(w: Worker, id: number, request: SimulationRequest, view: PreviewView | undefined): void {
    const samples = request.doc.samples;
    if (samples === this.sentSamples) {
      w.postMessage({ type: 'run', id, request: { ...request, doc: { ...request.doc, samples: {} } }, samplesUnchanged: true, view } satisfies WorkerRequest);
    } else {
      w.postMessage({ type: 'run', id, request, view } satisfies WorkerRequest);
      this.sentSamples = samples;
    }
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = (this.worker = this.makeWorker());
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => this.received(ev.data);
    // An error the worker did not catch (or a message the page could not read) ends the run with what it said.
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.settle({ kind: 'failed', message: `the preview worker failed: ${ev.message || 'unknown error'}` });
      this.kill();
    };
    worker.onmessageerror = () => this.settle({ kind: 'failed', message: "the preview's result could not be read by the page" });
    return worker;
  }

  private received(msg: WorkerResponse): void {
    if (msg.type === 'answer') {
      this.queries.get(msg.id)?.(msg.answer);
      this.queries.delete(msg.id);
      return;
    }
    const p = this.pending;
    if (!p || msg.id !== p.id) return;
    if (msg.type === 'started') p.started();
    else if (msg.type === 'progress') p.lastInputId = msg.inputId;
    else if (msg.type === 'call') p.lastCall = { nodeId: msg.nodeId, param: msg.param };
    else this.settle(msg.type === 'preview' ? { kind: 'preview', preview: msg.preview } : msg.type === 'failed' ? { kind: 'failed', message: msg.message } : { kind: 'result', result: msg.result });
  }

  private settle(outcome: RunOutcome): void {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    const p = this.pending;
    this.pending = null;
    p.resolve(outcome);
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sentSamples = null;
    // The runs those queries asked about went with the worker.
    for (const resolve of this.queries.values()) resolve(null);
    this.queries.clear();
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
