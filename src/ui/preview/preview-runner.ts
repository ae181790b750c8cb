/**
 * Keeps the preview up to date with the design. An edit starts a run at once when the worker is
 * idle; edits made while a run is in flight wait for it and then run once, with the latest document
 * (a burst of keystrokes costs one extra run, not one per key). A run that is taking much longer
 * than the last one (stuck, or about to be wasted) is stopped and replaced instead. A run that
 * exceeds the time limit is stopped; a second, instrumented run then names the node whose function
 * never returns (if that run finishes, there is none: its result is shown). Whatever happens to a
 * run, the preview ends on the last edited document. The page gets a summary back; the shown node's
 * records, lineage and sink outputs are asked of the worker when needed.
 */
import { START_LIMIT_MS, type RunOutcome, type SimulatorClient } from '../../simulator/client';
import type { PreviewResult, SimulationRequest } from '../../simulator/types';
import type { TopologyDocument } from '../../model/types';
import type { AppState } from '../../store/store';

// The page shows at most this many records per node (the worker counts all): tracing every record
// of a big run would cost more than the run itself.
export const TRACE_PER_NODE = 500;
export const TIMEOUT_MS = 2000;
/** Replacing a run costs a new worker and resending the samples: worth it only when the run in flight would take longer. */
const RESTART_COST_MS = 150;

interface Store {
  getState: () => AppState;
  subscribe: (listener: (s: AppState, prev: AppState) => void) => () => void;
}

export interface PreviewRunner {
  /** The document changed (at `editedAt`, performance.now()). */
  edited(doc: TopologyDocument, editedAt?: number): void;
  /** Highlights where an output record came from. */
  showLineage(recordId: string): Promise<void>;
  /** The sink outputs of the shown run (null: not available any more). */
  sinks(runId: number): Promise<Record<string, { key: unknown; value: unknown; timestamp: number }[]> | null>;
  dispose(): void;
}

export function createPreviewRunner(client: SimulatorClient, store: Store, now: () => number = () => performance.now()): PreviewRunner {
  const runner = new Runner(client, store, now);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.selectedNodeIds !== prev.selectedNodeIds) void runner.refreshDetail();
  });
  return {
    edited: (doc, editedAt = now()) => runner.edited(doc, editedAt),
    showLineage: (recordId) => runner.showLineage(recordId),
    sinks: (runId) => client.query(runId, { kind: 'sinks' }),
    dispose() {
      unsubscribe();
      runner.dispose();
    },
  };
}

/** The runner's state and steps: when to run (pump), a run and its endings, and what the page is shown. */
class Runner {
  private queued: { doc: TopologyDocument; editedAt: number } | null = null;
  /** The last edit: whatever happens to runs, the preview ends up showing this document. */
  private latest: { doc: TopologyDocument; editedAt: number } | null = null;
  /** Counts the runs started: a run that ends "superseded" while still the newest was dropped, not replaced. */
  private generation = 0;
  private inFlight = false;
  private lastRunMs = 0;
  private recheck: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: SimulatorClient,
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  edited(doc: TopologyDocument, editedAt: number): void {
    this.queued = this.latest = { doc, editedAt };
    this.pump();
  }

  dispose(): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.client.dispose();
  }

  private set(p: Parameters<AppState['setPreview']>[0]): void {
    this.store.getState().setPreview(p);
  }

  private view() {
    const sel = this.store.getState().selectedNodeIds;
    return { detailNodeId: sel.length === 1 ? sel[0] : null, detailLimit: TRACE_PER_NODE };
  }

  /** Starts the queued document's run, unless the run in flight is about to finish (then: right after it). */
  private pump(): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
    if (!this.queued) return;
    const since = this.client.runningSince();
    if (this.inFlight && since !== null) {
      const elapsed = this.now() - since;
      // Let a run that is about to finish finish; the latest document runs right after it.
      if (this.lastRunMs - elapsed < RESTART_COST_MS && elapsed < this.lastRunMs + RESTART_COST_MS) {
        this.recheck = setTimeout(() => this.pump(), this.lastRunMs + RESTART_COST_MS - elapsed + 1);
        return;
      }
    }
    const next = this.queued;
    this.queued = null;
    void this.run(next.doc, next.editedAt);
  }

  private async run(doc: TopologyDocument, editedAt: number): Promise<void> {
    this.inFlight = true;
    this.set({ running: true });
    const clock = this.store.getState().wallClock;
    const moves = clock.advanceMs > 0 || clock.perRecordMs > 0 || clock.followEventTime;
    const request: SimulationRequest = { doc, maxTracePerNode: TRACE_PER_NODE, ...(moves ? { wallClock: clock } : {}) };
    const started = this.now();
    const generation = ++this.generation;
    const outcome = await this.client.run(request, { timeoutMs: TIMEOUT_MS, view: this.view() });
    if (outcome.kind === 'superseded') return this.dropped(generation);
    if (outcome.kind === 'preview') {
      this.lastRunMs = this.now() - started;
      this.inFlight = false;
      this.catchUp(doc);
      this.show(outcome.preview, this.queued === null ? { latencyMs: this.now() - editedAt } : {});
      this.pump();
      return;
    }
    if (outcome.kind === 'result') throw new Error('a preview run answered without a view');
    if (outcome.kind === 'failed') return this.failed(outcome.message, this.now() - started);
    if (outcome.reason === 'not-started') return this.failed(`the preview worker did not start within ${START_LIMIT_MS / 1000} s`, this.now() - started);
    await this.locateEndless(request, doc, outcome);
  }

  /**
   * The run hit the time limit: the same run again, reporting every function call, names the
   * function that never returns. Should that run finish, there is none (the first one was stopped
   * by a busy machine or a worker still warming up): its result is shown as any other.
   */
  private async locateEndless(request: SimulationRequest, doc: TopologyDocument, first: Extract<RunOutcome, { kind: 'stopped' }>): Promise<void> {
    const generation = ++this.generation;
    const locate = await this.client.run({ ...request, reportFunctionCalls: true }, { timeoutMs: TIMEOUT_MS, view: this.view() });
    if (locate.kind === 'superseded') return this.dropped(generation);
    if (locate.kind === 'failed') return this.failed(locate.message, TIMEOUT_MS);
    this.inFlight = false;
    this.lastRunMs = TIMEOUT_MS;
    if (locate.kind === 'preview') {
      this.catchUp(doc);
      this.show(locate.preview, {});
      this.pump();
      return;
    }
    const call = locate.kind === 'stopped' ? locate.lastCall : null;
    const node = call ? doc.nodes.find((n) => n.id === call.nodeId) : undefined;
    const lastInput = (locate.kind === 'stopped' ? locate.lastInputId : null) ?? first.lastInputId;
    const where = lastInput ? ` while processing input ${lastInput}` : '';
    const message = node
      ? `Stopped after ${TIMEOUT_MS / 1000}s: the ${call!.param} function of "${node.name}" did not return${where} (endless loop?)`
      : `Stopped after ${TIMEOUT_MS / 1000}s: the preview did not finish${where}`;
    this.set({ running: this.queued !== null, stopped: { message, nodeId: node?.id }, result: null, detail: null });
    this.pump();
  }

  /**
   * A run ended "superseded" though no newer run of ours replaced it (the client dropped it): the
   * latest document runs again, so the status never says "up to date" over an older result.
   */
  private dropped(generation: number): void {
    if (generation !== this.generation) return;
    this.inFlight = false;
    this.queued ??= this.latest;
    this.pump();
  }

  /** The shown run was of an older document than the last edit and none is queued: run the last edit. */
  private catchUp(shown: TopologyDocument): void {
    if (this.latest && this.latest.doc !== shown && this.queued === null) this.queued = this.latest;
  }

  /** The worker could not finish the run (not a timeout): say so, with what it reported. */
  private failed(message: string, tookMs: number): void {
    this.inFlight = false;
    this.lastRunMs = tookMs;
    this.set({ running: this.queued !== null, stopped: { message: `The preview stopped: ${message}` }, result: null, detail: null });
    this.pump();
  }

  private show(preview: PreviewResult, extra: Parameters<AppState['setPreview']>[0]): void {
    const detail = preview.detail ? { ...preview.detail, runId: preview.runId } : this.store.getState().detail;
    this.set({ result: preview, detail, running: this.queued !== null, stopped: null, ...extra });
    void this.refreshDetail();
    const lineage = this.store.getState().lineage;
    if (lineage) void this.showLineage(lineage.recordId);
  }

  /** The shown node's records, when the selection or the run changed since they were fetched. */
  async refreshDetail(): Promise<void> {
    const s = this.store.getState();
    const nodeId = s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null;
    if (!s.result || !nodeId || (s.detail?.nodeId === nodeId && s.detail.runId === s.result.runId)) return;
    const runId = s.result.runId;
    const detail = await this.client.query(runId, { kind: 'node', nodeId, limit: TRACE_PER_NODE });
    if (detail && this.store.getState().result?.runId === runId) this.set({ detail: { ...detail, runId } });
  }

  async showLineage(recordId: string): Promise<void> {
    const runId = this.store.getState().result?.runId;
    if (runId === undefined) return;
    const lineage = await this.client.query(runId, { kind: 'lineage', recordId });
    if (this.store.getState().result?.runId === runId) this.store.getState().setLineage(lineage);
  }
}
