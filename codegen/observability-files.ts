/**
 * The observability parts of a generated project's README and .env.example: the metrics the app
 * publishes (printed from the engine's one catalog, which the runtime registers), the design's node
 * names as they label the per-processor metrics, health probes, tracing and back-pressure.
 */
import type { TopologyDocument } from '../src/model/types';
import { DEFAULT_BACK_PRESSURE, metricCatalogMarkdown } from '../src/engine';

const BP = DEFAULT_BACK_PRESSURE;

/** A Markdown code span holding `text` exactly (a fence longer than any run of backticks in it). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

export function observabilityReadme(doc: TopologyDocument): string {
  const nodes = doc.nodes.map((n) => `- ${codeSpan(JSON.stringify(n.name))} (${n.kind})`).join('\n');
  return `
## Metrics and health

Set \`METRICS_PORT\` (off by default) and the app serves, on that port:
- \`/metrics\`: Prometheus text (prom-client), the metrics below;
- \`/healthz\`: \`{"status": ...}\` with HTTP 200 when \`running\`, 503 when \`starting\`, \`rebalancing\`, \`restoring\` (a task is restoring its stores from their changelogs), \`stopping\`, \`stopped\` or \`failed\`: a readiness probe;
- \`/livez\`: 200 unless \`failed\` or \`stopped\`: a liveness probe that lets a long restore finish.

The Dockerfile sets \`METRICS_PORT=9464\` and probes \`/healthz\`; in Kubernetes:

\`\`\`yaml
readinessProbe: { httpGet: { path: /healthz, port: 9464 } }
livenessProbe: { httpGet: { path: /livez, port: 9464 }, initialDelaySeconds: 30 }
\`\`\`

Metrics this app publishes (names after Kafka Streams' metrics where Kafka has one):

${metricCatalogMarkdown()}

\`design_node\` is the name of the designer node a processor was made for; \`processor_node_id\` the
Kafka processor's name (the node's name, or derived from it when one node makes several processors,
such as a join's \`-this-join\` and \`-other-join\`). This design's nodes:

${nodes}

## Tracing

\`TRACING=on\` gives every input record a span (\`process <topic>\`, through \`@opentelemetry/api\`)
whose parent is the record's W3C \`traceparent\` header, with the processors it passes as span
events; every record produced while it is processed (sinks and repartition topics) carries the
span's context in \`traceparent\`, so one trace follows a record across topics and instances. No
exporter is bundled: register one before the app starts, e.g. \`tracing.mjs\`:

\`\`\`js
// npm install @opentelemetry/sdk-trace-node @opentelemetry/exporter-trace-otlp-http
import { NodeTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] }).register();
\`\`\`

then \`TRACING=on node --import ./tracing.mjs dist/main.js\`. With \`TRACING=off\` (the default)
headers are neither read nor written. Records a record cache or suppression emits at a commit carry
no trace context (they come from many inputs): set \`RECORD_CACHE=off\` to trace every update.

## Back-pressure

When the records produced and not yet acknowledged pass \`PRODUCE_QUEUE_MAX_RECORDS\` (${BP.maxRecords}) or
\`PRODUCE_QUEUE_MAX_BYTES\` (${BP.maxBytes}), the app pauses fetching its input partitions, keeps
heartbeating, and resumes once both are at or below \`PRODUCE_QUEUE_RESUME_RATIO\` (${BP.resumeRatio}) of their limits,
so a slow broker slows the app instead of filling its memory (processing itself waits only at twice the limits).
`;
}

export const OBSERVABILITY_ENV = `# Port of /metrics (Prometheus), /healthz and /livez (empty: no server); METRICS_HOST: interface (default 0.0.0.0)
METRICS_PORT=
# on: a span per input record (@opentelemetry/api; register a tracer provider) and W3C traceparent headers on outputs
TRACING=off
# Back-pressure: pause fetching above this many unacknowledged produced records or bytes, resume below the ratio of both
PRODUCE_QUEUE_MAX_RECORDS=${BP.maxRecords}
PRODUCE_QUEUE_MAX_BYTES=${BP.maxBytes}
PRODUCE_QUEUE_RESUME_RATIO=${BP.resumeRatio}
`;
