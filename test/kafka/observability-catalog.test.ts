/**
 * One definition of the metrics: the runtime registers exactly the catalog's metrics (names, types,
 * labels), and the generated README lists every one of them with the design's node names; the
 * generated Dockerfile and .env.example show the health probe and the settings. /healthz's answer
 * for every state of the instance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../codegen/generate';
import { METRIC_CATALOG, metricCatalogMarkdown } from '../../src/engine/metric-catalog';
import { healthOf } from '../../src/engine/kafka/health';
import { AppMetrics, type MetricsSource } from '../../src/engine/kafka/metrics';
import { example } from './helpers';

const emptySource: MetricsSource = {
  nodes: () => [{ processor: 'p', designNode: 'n', recordsIn: 3, recordsOut: 2, dropped: 1 }],
  dropped: () => ({ deserialization: 0, production: 0 }),
  processed: () => 0,
  commits: () => 0,
  lags: () => [],
  rebalances: () => 0,
  storeSizes: () => [],
  restore: () => [],
  state: () => 'RUNNING',
  consumerCrashes: () => 0,
  produceQueue: () => ({ records: 0, bytes: 0, maxRecords: 0 }),
  backPressure: () => ({ paused: false, pauses: 0 }),
};

describe('metric catalog', () => {
  it('the runtime registers exactly the catalog, with its types and labels', async () => {
    const metrics = new AppMetrics(emptySource);
    const registered = await metrics.registry.getMetricsAsJSON();
    expect(registered.map((m) => m.name).sort()).toEqual(METRIC_CATALOG.map((m) => m.name).sort());
    for (const def of METRIC_CATALOG) {
      const m = registered.find((r) => r.name === def.name)!;
      expect(m.type, def.name).toBe(def.type);
      expect(m.help, def.name).toBe(def.help);
    }
    const text = await metrics.text();
    expect(text).toContain('kafka_streams_processor_node_process_total{processor_node_id="p",design_node="n"} 3');
    expect(text).toContain('kafka_streams_processor_node_forward_total{processor_node_id="p",design_node="n"} 2');
    expect(text).toContain('kafka_streams_client_state{state="RUNNING"} 1');
  });

  it('the generated README lists every metric and the design nodes; Dockerfile and .env.example show health and settings', () => {
    const doc = example('orders-payments-join');
    const files = generateProject(doc, new Map());
    const readme = files.get('README.md')!;
    for (const def of METRIC_CATALOG) expect(readme, def.name).toContain(`| \`${def.name}\` | ${def.type} |`);
    for (const n of doc.nodes) expect(readme).toContain(`- \`${JSON.stringify(n.name)}\` (${n.kind})`);
    expect(files.get('Dockerfile')).toMatch(/HEALTHCHECK .*\/healthz/);
    expect(files.get('Dockerfile')).toContain('ENV METRICS_PORT=9464');
    const env = files.get('.env.example')!;
    for (const key of ['METRICS_PORT', 'TRACING', 'PRODUCE_QUEUE_MAX_RECORDS', 'PRODUCE_QUEUE_MAX_BYTES', 'PRODUCE_QUEUE_RESUME_RATIO']) expect(env).toMatch(new RegExp(`^${key}=`, 'm'));
    expect(JSON.parse(files.get('package.json')!).dependencies).toMatchObject({ 'prom-client': expect.any(String), '@opentelemetry/api': expect.any(String) });
  });


  it('docs/observability.md shows the catalog as it is', () => {
    const doc = readFileSync(new URL('../../docs/observability.md', import.meta.url), 'utf8');
    const table = /<!-- metric-catalog:begin -->\n([\s\S]*?)\n<!-- metric-catalog:end -->/.exec(doc)?.[1];
    expect(table).toBe(metricCatalogMarkdown());
  });
});

describe('/healthz', () => {
  it('is ready only when running with every task restored; alive unless failed or stopped', () => {
    expect(healthOf('CREATED', 0)).toEqual({ status: 'starting', ready: false, live: true });
    expect(healthOf('REBALANCING', 0)).toEqual({ status: 'rebalancing', ready: false, live: true });
    expect(healthOf('RUNNING', 1)).toEqual({ status: 'restoring', ready: false, live: true });
    expect(healthOf('RUNNING', 0)).toEqual({ status: 'running', ready: true, live: true });
    expect(healthOf('PENDING_SHUTDOWN', 0)).toEqual({ status: 'stopping', ready: false, live: true });
    expect(healthOf('NOT_RUNNING', 0)).toEqual({ status: 'stopped', ready: false, live: false });
    expect(healthOf('ERROR', 0)).toEqual({ status: 'failed', ready: false, live: false });
  });
});
