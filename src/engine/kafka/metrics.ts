/**
 * The app's Prometheus metrics (prom-client), registered from the one catalog (../metric-catalog.ts)
 * that the generated README prints. Counters and gauges are read from the runtime's parts when
 * scraped, so the processing path pays nothing for them; only the two latency histograms are
 * observed as records are processed and offsets committed. Loaded only when METRICS_PORT is set.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS, METRIC_CATALOG, type MetricDef } from '../metric-catalog';
import type { AppState } from './lifecycle';
import type { NodeCounts } from './task-manager';

/** What the metrics read at each scrape (runtime.ts wires it to the parts). */
export interface MetricsSource {
  nodes(): NodeCounts[];
  dropped(): { deserialization: number; production: number };
  processed(): number;
  commits(): number;
  lags(): { topic: string; partition: number; lag: number }[];
  rebalances(): number;
  storeSizes(): { store: string; partition: string; size: number }[];
  restore(): { store: string; restored: number; remaining: number }[];
  state(): AppState;
  consumerCrashes(): number;
  produceQueue(): { records: number; bytes: number; maxRecords: number };
  backPressure(): { paused: boolean; pauses: number };
}

type Labels = Record<string, string | number>;
type Sample = [labels: Labels, value: number];

const STATES: AppState[] = ['CREATED', 'REBALANCING', 'RUNNING', 'PENDING_SHUTDOWN', 'NOT_RUNNING', 'ERROR'];

/** Per catalog metric (counters and gauges), how its samples are read. */
function readers(s: MetricsSource): Record<string, () => Sample[]> {
  const node = (n: NodeCounts) => ({ processor_node_id: n.processor, design_node: n.designNode });
  return {
    kafka_streams_processor_node_process_total: () => s.nodes().map((n) => [node(n), n.recordsIn]),
    kafka_streams_processor_node_forward_total: () => s.nodes().map((n) => [node(n), n.recordsOut]),
    kafka_streams_processor_node_dropped_records_total: () => s.nodes().map((n) => [node(n), n.dropped]),
    kafka_streams_task_dropped_records_total: () => Object.entries(s.dropped()).map(([reason, n]) => [{ reason }, n]),
    kafka_streams_thread_process_total: () => [[{}, s.processed()]],
    kafka_streams_thread_commit_total: () => [[{}, s.commits()]],
    kafka_consumer_fetch_manager_records_lag: () => s.lags().map((l) => [{ topic: l.topic, partition: l.partition }, l.lag]),
    kafka_consumer_coordinator_rebalance_total: () => [[{}, s.rebalances()]],
    kafka_streams_state_estimate_num_keys: () => s.storeSizes().map((x) => [{ store: x.store, partition: x.partition }, x.size]),
    kafka_streams_state_restore_total: () => s.restore().map((r) => [{ store: r.store }, r.restored]),
    kafka_streams_state_restore_remaining_records_total: () => s.restore().map((r) => [{ store: r.store }, r.remaining]),
    kafka_streams_client_state: () => STATES.map((st) => [{ state: st }, s.state() === st ? 1 : 0]),
    kafka_streams_client_failed_stream_threads: () => [[{}, s.consumerCrashes()]],
    streamwright_produce_queue_records: () => [[{}, s.produceQueue().records]],
    streamwright_produce_queue_bytes: () => [[{}, s.produceQueue().bytes]],
    streamwright_produce_queue_records_max: () => [[{}, s.produceQueue().maxRecords]],
    streamwright_backpressure_paused: () => [[{}, s.backPressure().paused ? 1 : 0]],
    streamwright_backpressure_pauses_total: () => [[{}, s.backPressure().pauses]],
  };
}

export class AppMetrics {
  readonly registry = new Registry();
  private readonly histograms = new Map<string, Histogram>();

  constructor(source: MetricsSource) {
    const read = readers(source);
    for (const def of METRIC_CATALOG) {
      if (def.type === 'histogram') {
        this.histograms.set(def.name, new Histogram({ name: def.name, help: def.help, labelNames: [...def.labels], buckets: LATENCY_BUCKETS, registers: [this.registry] }));
        continue;
      }
      const samples = read[def.name];
      if (!samples) throw new Error(`metric ${def.name} of the catalog has no reader`);
      register(def, samples, this.registry);
    }
  }

  /** The observe function of a catalog histogram. */
  histogram(name: string): (seconds: number) => void {
    const h = this.histograms.get(name);
    if (!h) throw new Error(`no histogram ${name} in the metric catalog`);
    return (seconds) => h.observe(seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** A counter or gauge whose samples are read at each scrape (counters: the runtime's totals, which only grow). */
function register(def: MetricDef, samples: () => Sample[], registry: Registry): void {
  const common = { name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] };
  if (def.type === 'counter') {
    new Counter({
      ...common,
      collect() {
        this.reset();
        for (const [labels, value] of samples()) this.inc(labels, value);
      },
    });
  } else {
    new Gauge({
      ...common,
      collect() {
        this.reset();
        for (const [labels, value] of samples()) this.set(labels, value);
      },
    });
  }
}
