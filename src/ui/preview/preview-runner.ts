/**
 * Keeps the preview up to date with the design. An edit starts a run at once when the worker is
 * idle; edits made while a run is in flight wait for it and then run once, with the latest document
 * (a burst of keystrokes costs one extra run, not one per key). A run that is taking much longer
 * than the last one (stuck, or about to be wasted) is stopped and replaced instead. A run that
 * exceeds the time limit is stopped; a second, instrumented run then names the node whose function
 * never returns. The page gets a summary back; the shown node's records, lineage and sink outputs
 * are asked of the worker when needed.
 */
import { START_LIMIT_MS, type SimulatorClient } from '../../simulator/client';
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
  let queued: { doc: TopologyDocument; editedAt: number } | null = null;
  let inFlight = false;
  let lastRunMs = 0;
  let recheck: ReturnType<typeof setTimeout> | null = null;
  const set = (p: Parameters<AppState['setPreview']>[0]) => store.getState().setPreview(p);

  const view = () => {
    const sel = store.getState().selectedNodeIds;
    return { detailNodeId: sel.length === 1 ? sel[0] : null, detailLimit: TRACE_PER_NODE };
  };

  const pump = () => {
    if (recheck) clearTimeout(recheck);
    recheck = null;
    if (!queued) return;
    const since = client.runningSince();
    if (inFlight && since !== null) {
      const elapsed = now() - since;
      // Let a run that is about to finish finish; the latest document runs right after it.
      if (lastRunMs - elapsed < RESTART_COST_MS && elapsed < lastRunMs + RESTART_COST_MS) {
        recheck = setTimeout(pump, lastRunMs + RESTART_COST_MS - elapsed + 1);
        return;
      }
    }
    const next = queued;
    queued = null;
    void run(next.doc, next.editedAt);
  };

  const run = async (doc: TopologyDocument, editedAt: number) => {
    inFlight = true;
    set({ running: true });
    const advanceMs = store.getState().wallClockAdvanceMs;
    const request: SimulationRequest = { doc, maxTracePerNode: TRACE_PER_NODE, ...(advanceMs > 0 ? { wallClock: { advanceMs } } : {}) };
    const started = now();
    const outcome = await client.run(request, { timeoutMs: TIMEOUT_MS, view: view() });
    if (outcome.kind === 'superseded') return;
    if (outcome.kind === 'preview') {
      lastRunMs = now() - started;
      inFlight = false;
      show(outcome.preview, queued === null ? { latencyMs: now() - editedAt } : {});
      pump();
      return;
    }
    if (outcome.kind === 'result') throw new Error('a preview run answered without a view');
    if (outcome.kind === 'failed') return failed(outcome.message, now() - started);
    if (outcome.reason === 'not-started') return failed(`the preview worker did not start within ${START_LIMIT_MS / 1000} s`, now() - started);
    // Locate the endless function: same run, reporting every function call.
    const locate = await client.run({ ...request, reportFunctionCalls: true }, { timeoutMs: TIMEOUT_MS, view: view() });
    if (locate.kind === 'superseded') return;
    if (locate.kind === 'failed') return failed(locate.message, TIMEOUT_MS);
    inFlight = false;
    lastRunMs = TIMEOUT_MS;
    const call = locate.kind === 'stopped' ? locate.lastCall : null;
    const node = call ? doc.nodes.find((n) => n.id === call.nodeId) : undefined;
    const lastInput = (locate.kind === 'stopped' ? locate.lastInputId : null) ?? outcome.lastInputId;
    const where = lastInput ? ` while processing input ${lastInput}` : '';
    const message = node
      ? `Stopped after ${TIMEOUT_MS / 1000}s: the ${call!.param} function of "${node.name}" did not return${where} (endless loop?)`
      : `Stopped after ${TIMEOUT_MS / 1000}s: the preview did not finish${where}`;
    if (locate.kind === 'preview') show(locate.preview, { stopped: { message, nodeId: node?.id } });
    else set({ running: queued !== null, stopped: { message, nodeId: node?.id }, result: null, detail: null });
    pump();
  };

  /** The worker could not finish the run (not a timeout): say so, with what it reported. */
  const failed = (message: string, tookMs: number) => {
    inFlight = false;
    lastRunMs = tookMs;
    set({ running: queued !== null, stopped: { message: `The preview stopped: ${message}` }, result: null, detail: null });
    pump();
  };

  const show = (preview: PreviewResult, extra: Parameters<AppState['setPreview']>[0]) => {
    const detail = preview.detail ? { ...preview.detail, runId: preview.runId } : store.getState().detail;
    set({ result: preview, detail, running: queued !== null, stopped: null, ...extra });
    void refreshDetail();
    const lineage = store.getState().lineage;
    if (lineage) void showLineage(lineage.recordId);
  };

  /** The shown node's records, when the selection or the run changed since they were fetched. */
  const refreshDetail = async () => {
    const s = store.getState();
    const nodeId = s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null;
    if (!s.result || !nodeId || (s.detail?.nodeId === nodeId && s.detail.runId === s.result.runId)) return;
    const runId = s.result.runId;
    const detail = await client.query(runId, { kind: 'node', nodeId, limit: TRACE_PER_NODE });
    if (detail && store.getState().result?.runId === runId) set({ detail: { ...detail, runId } });
  };

  const showLineage = async (recordId: string) => {
    const runId = store.getState().result?.runId;
    if (runId === undefined) return;
    const lineage = await client.query(runId, { kind: 'lineage', recordId });
    if (store.getState().result?.runId === runId) store.getState().setLineage(lineage);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.selectedNodeIds !== prev.selectedNodeIds) void refreshDetail();
  });

  return {
    edited(doc, editedAt = now()) {
      queued = { doc, editedAt };
      pump();
    },
    showLineage,
    sinks: (runId) => client.query(runId, { kind: 'sinks' }),
    dispose() {
      unsubscribe();
      if (recheck) clearTimeout(recheck);
      client.dispose();
    },
  };
}
