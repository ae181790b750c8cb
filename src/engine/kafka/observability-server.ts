/**
 * The HTTP server on METRICS_PORT: /metrics (Prometheus text, prom-client), /healthz (ready: 200 when
 * running, else 503) and /livez (alive: 200 unless failed or stopped), each health answer a small
 * JSON document naming the status. Loaded only when METRICS_PORT is set; it never keeps the process
 * alive by itself (unref), so an app that stops exits.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Health } from './health';
import { AppMetrics, type MetricsSource } from './metrics';

export interface ObservabilityServer {
  metrics: AppMetrics;
  /** The port it listens on (METRICS_PORT=0 picks a free one). */
  port: number;
  close(): Promise<void>;
}

export async function startObservabilityServer(port: number, host: string, source: MetricsSource, health: () => Health): Promise<ObservabilityServer> {
  const metrics = new AppMetrics(source);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e)),
      );
    } else if (path === '/healthz' || path === '/livez') {
      const h = health();
      const ok = path === '/healthz' ? h.ready : h.live;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: h.status }) + '\n');
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: /metrics, /healthz, /livez\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.unref();
  return {
    metrics,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
