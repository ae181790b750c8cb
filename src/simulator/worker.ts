/// <reference lib="webworker" />
/**
 * The simulator's Web Worker entry: runs simulate() off the page's thread. The page terminates
 * the worker when a run exceeds its time limit (an endless user function), so the page never freezes.
 */
import { lockNetwork } from './network-lock';
import type { WorkerRequest } from './types';
import { createWorkerHandler } from './worker-handler';

const scope = self as unknown as DedicatedWorkerGlobalScope;
lockNetwork(scope);
const handle = createWorkerHandler((m) => scope.postMessage(m), () => performance.now());
scope.onmessage = (ev: MessageEvent<WorkerRequest>) => handle(ev.data);
