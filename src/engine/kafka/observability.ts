/**
 * Observability of one instance, put together for runtime.ts: the metrics source over the runtime's
 * parts (each may not exist yet: the server starts before the clients connect, so /healthz answers
 * "starting" meanwhile), the server on METRICS_PORT, and tracing. Each is loaded only when asked
 * for (METRICS_PORT set, TRACING=on), so an app without them loads neither prom-client nor
 * OpenTelemetry.
 */
import type { BackPressure } from './back-pressure';
import type { Committer } from './committer';
import { healthOf } from './health';
import type { Lifecycle } from './lifecycle';
import type { MetricsSource } from './metrics';
import type { ObservabilityServer } from './observability-server';
import type { RecordCollector } from './record-collector';
import type { RestoreProgress } from './restore-progress';
import type { StreamThread } from './stream-thread';
import type { TaskManager } from './task-manager';
import type { RecordTracing } from './tracing';

export interface RuntimeParts {
  lifecycle?: Lifecycle;
  thread?: StreamThread;
  tasks?: TaskManager;
  committer?: Committer;
  collector?: RecordCollector;
  backPressure?: BackPressure;
  restore?: RestoreProgress;
  drops: { deserialization: number; production: number };
}

export function metricsSource(p: RuntimeParts): MetricsSource {
  return {
    nodes: () => p.tasks?.nodeCounts() ?? [],
    dropped: () => ({ ...p.drops }),
    processed: () => p.thread?.recordsIn ?? 0,
    commits: () => p.committer?.commits ?? 0,
    lags: () => p.thread?.lags() ?? [],
    rebalances: () => p.lifecycle?.rebalances ?? 0,
    storeSizes: () => p.tasks?.storeSizes() ?? [],
    restore: () => p.restore?.stores() ?? [],
    state: () => p.lifecycle?.state ?? 'CREATED',
    consumerCrashes: () => p.lifecycle?.consumerCrashes ?? 0,
    produceQueue: () => ({ records: p.collector?.unacknowledged ?? 0, bytes: p.collector?.unacknowledgedBytes ?? 0, maxRecords: p.collector?.maxUnacknowledged ?? 0 }),
    backPressure: () => ({ paused: p.backPressure?.paused ?? false, pauses: p.backPressure?.pauses ?? 0 }),
  };
}

export function healthOfParts(p: RuntimeParts) {
  return healthOf(p.lifecycle?.state ?? 'CREATED', p.tasks?.restoring() ?? 0);
}

/** The /metrics and /healthz server, when a port is configured. */
export async function startServer(port: number | undefined, host: string | undefined, parts: RuntimeParts): Promise<ObservabilityServer | null> {
  if (port === undefined) return null;
  const { startObservabilityServer } = await import('./observability-server');
  return startObservabilityServer(port, host ?? '0.0.0.0', metricsSource(parts), () => healthOfParts(parts));
}

/** The per-record tracing, when on. */
export async function startTracing(on: boolean | undefined, app: string): Promise<RecordTracing | undefined> {
  if (!on) return undefined;
  const { RecordTracing } = await import('./tracing');
  return new RecordTracing(app);
}
