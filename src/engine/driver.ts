/**
 * The in-memory driver, like Kafka's TopologyTestDriver: pipe records into source topics one at a
 * time; each is processed completely (including everything it sends through repartition topics)
 * before the next, with caches flushed after every record, as TTD commits after every record.
 */
import type { StreamRecord } from './core/record';
import { Task, type NodeRuntime, type TraceEvent } from './core/task';
import type { NodeSpec } from './core/topology-spec';
import { Serdes, type Serde } from './serdes';
import type { StateStore, StoreEntry } from './stores/state-store';
import type { Topology } from './topology';
import { RecordQueue } from './record-queue';

export interface DriverConfig {
  defaultKeySerde?: Serde;
  defaultValueSerde?: Serde;
}

export interface OutputRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  headers?: Record<string, string>;
}

export interface ProcessorMetrics {
  processor: string;
  owner: string;
  recordsIn: number;
  recordsOut: number;
  dropped: number;
}

interface InputTopic {
  topic: string;
  sources: readonly NodeRuntime[];
  keySerde: Serde;
  valueSerde: Serde;
}

/** Records one input may feed back through topics the topology both writes and reads. */
const MAX_FED_BACK = 100_000;

export class TopologyTestDriver {
  private readonly task: Task;
  private readonly outputs = new Map<string, OutputRecord[]>();
  private readonly unread = new Map<string, number>();
  private readonly internalQueues = new Map<string, RecordQueue>();
  /** The queue and its sources when there is one internal queue (set on the first drain; queues are all made with the task). */
  private onlyQueue: { queue: RecordQueue; sources: readonly NodeRuntime[] } | null = null;
  private readonly inputs: InputTopic[] = [];
  private readonly listeners: ((e: TraceEvent) => void)[] = [];
  private readonly defaultKeySerde: Serde;
  private readonly defaultValueSerde: Serde;
  private nextInputId = 0;
  /** Records waiting in repartition topics (saves scanning the queues when there are none). */
  private pendingInternal = 0;
  /** Records fed back from output topics the topology also reads, for the current input record. */
  private fedBack = 0;
  wallClockMs = 0;

  constructor(
    readonly topology: Topology,
    config: DriverConfig = {},
  ) {
    this.defaultKeySerde = config.defaultKeySerde ?? Serdes.Json();
    this.defaultValueSerde = config.defaultValueSerde ?? Serdes.Json();
    this.task = new Task(topology.spec, {
      emit: (topic, record, internal, sink) => this.sinkWriter(sink)(record),
      sinkWriter: (sink) => this.sinkWriter(sink),
      trace: undefined,
    });
  }

  /** Receive every forward of every processor (the simulator's per-node output and lineage). */
  onTrace(listener: (e: TraceEvent) => void): void {
    this.listeners.push(listener);
    const ls = this.listeners;
    this.task.setTrace(ls.length === 1 ? ls[0] : (e) => ls.forEach((l) => l(e)));
  }

  /** Told of every record a processor drops (`owner`: the DSL operation the processor belongs to). */
  onDrop(listener: (processor: { name: string; owner: string }) => void): void {
    this.task.onDrop = listener;
  }

  /**
   * Stops sending one processor's forwards to the trace listeners (metrics keep counting them). The
   * simulator does this once it has kept enough records of a node, so the rest runs untraced (fused).
   */
  stopTracing(processor: string): void {
    this.task.stopTracing(processor);
  }

  createInputTopic(topic: string) {
    return {
      pipeInput: (key: unknown, value: unknown, timestamp?: number, headers?: Record<string, string>) =>
        this.pipe(topic, key, value, timestamp ?? this.wallClockMs, headers),
    };
  }

  createOutputTopic(topic: string) {
    return {
      readRecordsToList: (): OutputRecord[] => this.readOutput(topic),
      readKeyValuesToMap: (): Map<unknown, unknown> => new Map(this.readOutput(topic).map((r) => [r.key, r.value])),
      isEmpty: (): boolean => (this.outputs.get(topic)?.length ?? 0) <= (this.unread.get(topic) ?? 0),
    };
  }

  /** Pipes one record and processes it completely. Returns the id given to it (for lineage). */
  pipe(topic: string, key: unknown, value: unknown, timestamp: number, headers?: Record<string, string>): number {
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) throw new Error(`record for topic "${topic}" has no valid timestamp (got ${typeof timestamp === 'string' ? JSON.stringify(timestamp) : String(timestamp)})`);
    if (timestamp < 0) throw new Error(`record for topic "${topic}" has a negative timestamp (${timestamp}); Kafka timestamps are epoch milliseconds >= 0`);
    const id = this.nextInputId++;
    this.fedBack = 0;
    const input = this.inputTopic(topic);
    const k = convert(input.keySerde, key, 'key', null, topic);
    const v = convert(input.valueSerde, value, 'value', null, topic);
    this.task.processParts(input.sources, k, v, timestamp, headers, id);
    this.task.flush();
    if (this.pendingInternal > 0) this.drainInternal(id);
    return id;
  }

  /** The sources reading a topic and the serdes records are read with (looked up once per topic). */
  private inputTopic(topic: string): InputTopic {
    // A short list scanned by identity beats a Map lookup: designs read a handful of topics.
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) if (inputs[i].topic === topic) return inputs[i];
    const sources = this.task.sourcesByTopic.get(topic) ?? [];
    const spec = sources[0]?.spec;
    const input = { topic, sources, keySerde: spec?.keySerde ?? this.defaultKeySerde, valueSerde: spec?.valueSerde ?? this.defaultValueSerde };
    inputs.push(input);
    return input;
  }

  private drainInternal(inputId: number) {
    // One repartition topic (the common case): plain FIFO, no search for the lowest timestamp.
    // (The queues exist from the start, one per repartition topic.) Records appended while draining
    // are processed in the same pass.
    if (this.internalQueues.size === 1) {
      // Looked up once: the entries iterator allocated two objects per input record.
      const only = (this.onlyQueue ??= this.firstQueue());
      const q = only.queue;
      const sources = only.sources;
      try {
        for (let rec = q.shift(); rec !== undefined; rec = q.shift()) {
          this.task.processFrom(sources, rec, inputId);
          this.task.flush();
        }
      } finally {
        this.pendingInternal = q.size;
      }
      return;
    }
    for (;;) {
      let best: RecordQueue | null = null;
      let bestTopic = '';
      let bestTs = Infinity;
      for (const [t, q] of this.internalQueues) {
        const head = q.peek();
        if (head !== undefined && head.timestamp < bestTs) {
          best = q;
          bestTopic = t;
          bestTs = head.timestamp;
        }
      }
      if (best === null) return;
      const rec = best.shift()!;
      this.pendingInternal--;
      this.task.process(bestTopic, rec, inputId);
      this.task.flush();
    }
  }

  private firstQueue(): { queue: RecordQueue; sources: readonly NodeRuntime[] } {
    const [topic, queue] = this.internalQueues.entries().next().value as [string, RecordQueue];
    return { queue, sources: this.task.sourcesByTopic.get(topic) ?? [] };
  }

  /** Where a sink's records go: a repartition topic's queue, or an output topic (through the sink's serdes). */
  private sinkWriter(sink: NodeSpec): (record: StreamRecord) => void {
    const topic = sink.topics[0];
    if (sink.internal) {
      let q = this.internalQueues.get(topic);
      if (!q) this.internalQueues.set(topic, (q = new RecordQueue()));
      const queue = q;
      return (record) => {
        queue.push(record);
        this.pendingInternal++;
      };
    }
    const keySerde = sink.keySerde ?? this.defaultKeySerde;
    const valueSerde = sink.valueSerde ?? this.defaultValueSerde;
    let list: OutputRecord[] | undefined;
    const feedback = this.feedbackWriter(topic);
    return (record) => {
      const key = convert(keySerde, record.key, 'key', sink, topic);
      const value = convert(valueSerde, record.value, 'value', sink, topic);
      // Plain data reads back identical: keep the record itself instead of copying it.
      const out: OutputRecord = key === record.key && value === record.value ? record : { key, value, timestamp: record.timestamp, headers: record.headers };
      if (!list) {
        list = this.outputs.get(topic);
        if (!list) this.outputs.set(topic, (list = []));
      }
      list.push(out);
      feedback?.(out);
    };
  }

  /**
   * As in TopologyTestDriver, records written to a topic the topology also reads are fed back in
   * after the current record, through a queue like a repartition topic's (null: nobody reads it).
   */
  private feedbackWriter(topic: string): ((out: OutputRecord) => void) | null {
    // Called while the task is being built, so the sources are looked up in the topology spec.
    const source = [...this.topology.spec.nodes.values()].find((n) => n.type === 'source' && n.topics.includes(topic));
    if (!source) return null;
    const keySerde = source.keySerde ?? this.defaultKeySerde;
    const valueSerde = source.valueSerde ?? this.defaultValueSerde;
    let q = this.internalQueues.get(topic);
    if (!q) this.internalQueues.set(topic, (q = new RecordQueue()));
    const queue = q;
    return (out) => {
      // A topology that reads what it writes can feed itself forever (Kafka would too): stop it.
      if (++this.fedBack > MAX_FED_BACK) throw new Error(`topic "${topic}" is written and read by the topology and keeps feeding records back (more than ${MAX_FED_BACK} for one input record)`);
      queue.push({ key: convert(keySerde, out.key, 'key', null, topic), value: convert(valueSerde, out.value, 'value', null, topic), timestamp: out.timestamp, headers: out.headers });
      this.pendingInternal++;
    };
  }

  private readOutput(topic: string): OutputRecord[] {
    const all = this.outputs.get(topic) ?? [];
    const from = this.unread.get(topic) ?? 0;
    this.unread.set(topic, all.length);
    return all.slice(from);
  }

  /** Everything ever written to a topic (reading does not consume it here). */
  allOutputs(topic: string): OutputRecord[] {
    return this.outputs.get(topic) ?? [];
  }

  outputTopics(): string[] {
    return [...this.outputs.keys()];
  }

  getStateStore(name: string): StateStore | undefined {
    return this.task.stores.get(name);
  }

  storeContents(): Record<string, StoreEntry[]> {
    const out: Record<string, StoreEntry[]> = {};
    for (const [name, s] of this.task.stores) out[name] = s.all();
    return out;
  }

  metrics(): ProcessorMetrics[] {
    return [...this.task.nodes.values()].map((n) => ({ processor: n.spec.name, owner: n.spec.owner, recordsIn: n.recordsIn, recordsOut: n.recordsOut, dropped: n.dropped }));
  }

  droppedRecords(): number {
    let d = 0;
    for (const n of this.task.nodes.values()) d += n.dropped;
    return d;
  }

  advanceWallClockTime(ms: number): void {
    this.wallClockMs += ms;
  }
}

/** Passes a value through a serde; the message is built only on failure (this runs for every record). */
function convert(serde: Serde, v: unknown, part: 'key' | 'value', sink: NodeSpec | null, topic: string): unknown {
  try {
    return serde.roundTrip(v);
  } catch (e) {
    const what = sink ? `${part} written by "${sink.owner}" to topic "${topic}"` : `${part} of a record for topic "${topic}"`;
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
