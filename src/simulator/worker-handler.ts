/**
 * What the simulator worker does with a message, independent of the worker API (the browser's Web
 * Worker and Node's worker_threads in tests both call it): keeps the last samples so unchanged
 * samples are not copied on every run, reports progress, runs simulate(). A run with a view answers
 * with the designer's summary and keeps the full result (the last two runs) for queries.
 */
import { behaviourDiff } from './behaviour-diff';
import { answerFaults, type RunSource } from './faults/view';
import { toCloneable } from './plain-data';
import { answer, summarize } from './preview-view';
import { simulate } from './simulate';
import { searchInvariant } from './invariant-search';
import { testsForPage } from './test-run';
import type { SimulationRequest, SimulationResult, WorkerRequest, WorkerResponse } from './types';

const KEPT_RUNS = 2;

/**
 * Posts through `post` only what the structured clone takes: values a user function made that are
 * not data become their text on the way out (one walk over what is posted; plain data is not
 * copied). Should a post still fail, the page is told what happened instead of waiting for a
 * timeout: a failed run, or no answer to a query.
 */
function cloneSafe(post: (m: WorkerResponse) => void): (m: WorkerResponse) => void {
  return (m) => {
    try {
      post(toCloneable(m));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (m.type === 'answer') post({ type: 'answer', id: m.id, answer: null });
      else post({ type: 'failed', id: m.id, message: `the preview's result could not be sent to the page: ${message}` });
    }
  };
}

export function createWorkerHandler(postRaw: (m: WorkerResponse) => void, now: () => number = () => Date.now()) {
  const post = cloneSafe(postRaw);
  let lastSamples: SimulationRequest['doc']['samples'] = {};
  // The page may still ask about the previous run while the next one is on its way.
  const kept = new Map<number, { result: SimulationResult; source: RunSource }>();
  const handle = (msg: WorkerRequest) => {
    if (msg.type === 'query') {
      const run = kept.get(msg.runId);
      const q = msg.query;
      if (q.kind === 'behaviour') return void post({ type: 'answer', id: msg.id, answer: behaviourDiff(q.before, q.after) });
      post({ type: 'answer', id: msg.id, answer: !run ? null : q.kind === 'faults' || q.kind === 'fault-search' ? answerFaults(run.result, run.source, q, now) : q.kind === 'invariant' ? searchInvariant(run.source.doc, q) : answer(run.result, q) });
      return;
    }
    post({ type: 'started', id: msg.id });
    if (msg.samplesUnchanged) msg.request.doc = { ...msg.request.doc, samples: lastSamples };
    else lastSamples = msg.request.doc.samples;
    let last = 0;
    const result = simulate(msg.request, {
      beforeRecord: (inputId) => {
        // Normal runs report progress at most every 50 ms (cheap); the run that locates an endless
        // function reports every record, so the last report names the record that hung.
        const t = now();
        if (msg.request.reportFunctionCalls || t - last > 50) {
          last = t;
          post({ type: 'progress', id: msg.id, inputId });
        }
      },
      onUserFunction: msg.request.reportFunctionCalls ? (nodeId, param) => post({ type: 'call', id: msg.id, nodeId, param }) : undefined,
    });
    if (!msg.view) {
      post({ type: 'result', id: msg.id, result });
      return;
    }
    kept.set(msg.id, { result, source: { doc: msg.request.doc, samples: msg.request.samples ?? msg.request.doc.samples } });
    for (const id of kept.keys()) if (kept.size > KEPT_RUNS) kept.delete(id);
    // The test cases run after the preview, within the same time limit (an endless function stops both).
    post({ type: 'preview', id: msg.id, preview: { ...summarize(result, msg.id, msg.view), tests: testsForPage(msg.request.doc) } });
  };
  return (msg: WorkerRequest) => {
    try {
      handle(msg);
    } catch (e) {
      // simulate() reports user mistakes in its result; this is the simulator's own failure.
      if (msg.type === 'query') post({ type: 'answer', id: msg.id, answer: null });
      else post({ type: 'failed', id: msg.id, message: `the preview failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
}
