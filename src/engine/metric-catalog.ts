/**
 * The metrics a generated app publishes on METRICS_PORT (Prometheus text), in one list: the Kafka
 * runtime registers exactly these (src/engine/kafka/metrics.ts) and the generated README prints this
 * table, so the two cannot disagree. Pure data: the designer's export reads it in the browser.
 *
 * Names follow Kafka Streams' metric where one exists, made Prometheus-friendly the way the JMX
 * exporter does it: `kafka_streams_<group>_<metric>` with dashes as underscores (process-total of
 * stream-processor-node-metrics -> kafka_streams_processor_node_process_total). Kafka's -avg/-max
 * latency pairs become one histogram in seconds (avg = _sum / _count; max: the top bucket).
 * Metrics Kafka has no name for start with `streamwright_`.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricDef {
  name: string;
  type: MetricType;
  labels: readonly string[];
  help: string;
  /** The Kafka metric it maps to (name and group), or null when Kafka has none. */
  kafka: string | null;
}

/** Latency histogram buckets (seconds): 10 µs to 10 s. */
export const LATENCY_BUCKETS = [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

export const METRIC_CATALOG: readonly MetricDef[] = [
  { name: 'kafka_streams_processor_node_process_total', type: 'counter', labels: ['processor_node_id', 'design_node'], help: 'Records the processor received', kafka: 'process-total (stream-processor-node-metrics)' },
  { name: 'kafka_streams_processor_node_forward_total', type: 'counter', labels: ['processor_node_id', 'design_node'], help: 'Records the processor passed downstream (a sink: wrote to its topic)', kafka: 'forward-total (stream-processor-node-metrics, Kafka before 3.0)' },
  { name: 'kafka_streams_processor_node_dropped_records_total', type: 'counter', labels: ['processor_node_id', 'design_node'], help: 'Records the processor dropped (late, expired, null key or value)', kafka: 'dropped-records-total (stream-task-metrics; here per processor)' },
  { name: 'kafka_streams_task_dropped_records_total', type: 'counter', labels: ['reason'], help: 'Records an exception handler skipped (reason: deserialization or production)', kafka: 'dropped-records-total (stream-task-metrics)' },
  { name: 'kafka_streams_thread_process_total', type: 'counter', labels: [], help: 'Input records processed', kafka: 'process-total (stream-thread-metrics)' },
  { name: 'kafka_streams_thread_process_latency_seconds', type: 'histogram', labels: [], help: 'Time to process one input record through the topology', kafka: 'process-latency-avg, process-latency-max (stream-thread-metrics)' },
  { name: 'kafka_streams_thread_commit_total', type: 'counter', labels: [], help: 'Commits that committed offsets or a transaction', kafka: 'commit-total (stream-thread-metrics)' },
  { name: 'kafka_streams_thread_commit_latency_seconds', type: 'histogram', labels: [], help: 'Time of one commit: caches flushed, outputs acknowledged, offsets committed', kafka: 'commit-latency-avg, commit-latency-max (stream-thread-metrics)' },
  { name: 'kafka_consumer_fetch_manager_records_lag', type: 'gauge', labels: ['topic', 'partition'], help: 'Records from the next one to process to the end of the input partition', kafka: 'records-lag (consumer-fetch-manager-metrics)' },
  { name: 'kafka_consumer_coordinator_rebalance_total', type: 'counter', labels: [], help: 'Assignments this instance received from the group', kafka: 'rebalance-total (consumer-coordinator-metrics)' },
  { name: 'kafka_streams_state_estimate_num_keys', type: 'gauge', labels: ['store', 'partition'], help: 'Entries of a state store in one task (partition "global": a global table)', kafka: 'estimate-num-keys (stream-state-metrics)' },
  { name: 'kafka_streams_state_restore_total', type: 'counter', labels: ['store'], help: 'Changelog records restored into a store', kafka: 'restore-total (KIP-869 state restoration metrics)' },
  { name: 'kafka_streams_state_restore_remaining_records_total', type: 'gauge', labels: ['store'], help: 'Changelog records still to restore into a store', kafka: 'restore-remaining-records-total (KIP-869 state restoration metrics)' },
  { name: 'kafka_streams_client_state', type: 'gauge', labels: ['state'], help: '1 for the state the instance is in (CREATED, REBALANCING, RUNNING, PENDING_SHUTDOWN, NOT_RUNNING, ERROR), 0 for the others', kafka: 'state (stream-client-metrics)' },
  { name: 'kafka_streams_client_failed_stream_threads', type: 'counter', labels: [], help: 'Consumer crashes (each consumer replaced, as Kafka Streams replaces a thread)', kafka: 'failed-stream-threads (stream-client-metrics)' },
  { name: 'streamwright_produce_queue_records', type: 'gauge', labels: [], help: 'Records produced and not yet acknowledged by the broker', kafka: null },
  { name: 'streamwright_produce_queue_bytes', type: 'gauge', labels: [], help: 'Bytes (keys, values, headers) produced and not yet acknowledged', kafka: null },
  { name: 'streamwright_produce_queue_records_max', type: 'gauge', labels: [], help: 'The most records the produce queue held since the start', kafka: null },
  { name: 'streamwright_backpressure_paused', type: 'gauge', labels: [], help: '1 while fetching is paused because the produce queue passed its limit', kafka: null },
  { name: 'streamwright_backpressure_pauses_total', type: 'counter', labels: [], help: 'Times fetching was paused by back-pressure', kafka: null },
];

/** The catalog as a Markdown table (the generated README and docs/observability.md print it). */
export function metricCatalogMarkdown(): string {
  const rows = METRIC_CATALOG.map((m) => `| \`${m.name}\` | ${m.type} | ${m.labels.map((l) => `\`${l}\``).join(', ') || '-'} | ${m.help} | ${m.kafka ?? '-'} |`);
  return ['| metric | type | labels | meaning | Kafka metric |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
