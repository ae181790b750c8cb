/// <reference lib="webworker" />
/**
 * The simulator's Web Worker entry: runs simulate() off the page's thread. The page terminates
 * the worker when a run exceeds its time limit (an endless user function), so the page never freezes.
 */
import { simulate } from './simulate';
import type { WorkerRequest, WorkerResponse } from './types';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type !== 'run') return;
  let last = 0;
  const result = simulate(msg.request, {
    beforeRecord: (inputId) => {
      // Progress at most every 50 ms: cheap, and enough to say which record hung.
      const t = performance.now();
      if (t - last > 50) {
        last = t;
        scope.postMessage({ type: 'progress', id: msg.id, inputId } satisfies WorkerResponse);
      }
    },
    onUserFunction: msg.request.reportFunctionCalls
      ? (nodeId, param) => scope.postMessage({ type: 'call', id: msg.id, nodeId, param } satisfies WorkerResponse)
      : undefined,
  });
  scope.postMessage({ type: 'result', id: msg.id, result } satisfies WorkerResponse);
};
