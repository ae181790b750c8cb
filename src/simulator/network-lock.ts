/**
 * The preview worker runs functions from whatever design the user opened. The content security
 * policy (vite.config.ts) already refuses their requests, but a refused fetch only rejects later, so
 * the function would seem to work; here every way out of the worker throws at once, naming itself,
 * and the preview shows that error on the node whose function called it.
 */
const BLOCKED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker'] as const;

export function networkBlockedMessage(name: string): string {
  return `${name} is blocked by the designer's content security policy: functions in the preview cannot reach the network or load scripts`;
}

/**
 * Replaces the worker scope's network and script-loading entry points with ones that throw, on the
 * scope and on every prototype that defines one (so `WorkerGlobalScope.prototype.fetch` is no way round).
 */
export function lockNetwork(scope: object): void {
  for (const name of BLOCKED) {
    const blocked = function () {
      throw new Error(networkBlockedMessage(name));
    };
    for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) {
      if (o === scope || Object.prototype.hasOwnProperty.call(o, name)) Object.defineProperty(o, name, { value: blocked, writable: false, configurable: false });
    }
  }
}
