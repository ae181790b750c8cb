/**
 * What /healthz answers (container probes): the instance's state as one word, and whether it is
 * ready (HTTP 200) or not (503). Ready only when RUNNING with every task restored: a readiness
 * probe then routes nothing to an instance that rebalances or restores. /livez answers 200 unless
 * the instance failed or stopped, so a liveness probe does not kill one in a long restore.
 */
import type { AppState } from './lifecycle';

export type HealthStatus = 'starting' | 'rebalancing' | 'restoring' | 'running' | 'stopping' | 'stopped' | 'failed';

export interface Health {
  status: HealthStatus;
  /** HTTP 200 on /healthz. */
  ready: boolean;
  /** HTTP 200 on /livez. */
  live: boolean;
}

export function healthOf(state: AppState, restoringTasks: number): Health {
  const status: HealthStatus =
    state === 'CREATED' ? 'starting'
    : state === 'REBALANCING' ? 'rebalancing'
    : state === 'RUNNING' ? (restoringTasks > 0 ? 'restoring' : 'running')
    : state === 'PENDING_SHUTDOWN' ? 'stopping'
    : state === 'NOT_RUNNING' ? 'stopped'
    : 'failed';
  return { status, ready: status === 'running', live: status !== 'failed' && status !== 'stopped' };
}
