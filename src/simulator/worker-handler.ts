/**
 * What the simulator worker does with a message, independent of the worker API (the browser's Web
 * Worker and Node's worker_threads in tests both call it): keeps the last samples so unchanged
 * samples are not copied on every run, reports progress, runs simulate().
 */
import { simulate } from './simulate';
import type { SimulationRequest, WorkerRequest, WorkerResponse } from './types';

export function createWorkerHandler(post: (m: WorkerResponse) => void, now: () => number = () => Date.now()) {
  let lastSamples: SimulationRequest['doc']['samples'] = {};
  return (msg: WorkerRequest) => {
    if (msg.type !== 'run') return;
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
    post({ type: 'result', id: msg.id, result });
  };
}
