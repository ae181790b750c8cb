/**
 * The in-memory driver, like Kafka's TopologyTestDriver: pipe records into source topics one at a
 * time; each is processed completely (including everything it sends through repartition topics)
 * before the next, with caches flushed after every record, as TTD commits after every record.
 */
import type { StreamRecord } from './core/record';
import type { DropReason } from './core/context';
import type { EnterFunction } from './core/fused-code';
import { Task, type NodeRuntime, type PunctuationEvent, type TraceEvent } from './core/task';
import type { NodeSpec } from './core/topology-spec';
import { Serdes, type Serde } from './serdes';
import type { StateStore, StoreEntry } from './stores/state-store';
import type { Topology } from './topology';
import { RecordQueue } from './record-queue';
import { convert, FeedbackWriter, OutputWriter, QueueWriter, type DriverCounts, type OutputListener, type OutputRecord } from './topic-writers';
import { nameTable } from './name-table';
import type { DriverConfig, ProcessorMetrics } from './driver-config';

export type { DriverConfig, OutputRecord, ProcessorMetrics } from './driver-config';

interface InputTopic {
  topic: string;
  sources: readonly NodeRuntime[];
  keySerde: Serde;
  valueSerde: Serde;
  /** The topic's only source when its only child starts a compiled fused run: records enter the run directly. */
  direct: NodeRuntime | null;
  enter: EnterFunction | null;
}

export class TopologyTestDriver {
  private readonly task: Task;
  private readonly outputs = new Map<string, OutputRecord[]>();
  private readonly unread = new Map<string, number>();
  private readonly internalQueues = new Map<string, RecordQueue>();
  /** The queue and its sources when there is one internal queue (set on the first drain; queues are all made with the task). */
  private onlyQueue: { topic: string; queue: RecordQueue; sources: readonly NodeRuntime[] } | null = null;
  private readonly inputs: InputTopic[] = [];
  private readonly listeners: ((e: TraceEvent) => void)[] = [];
  private readonly dropListeners: ((processor: { name: string; owner: string }, reason: DropReason | undefined) => void)[] = [];
  private readonly defaultKeySerde: Serde;
  private readonly defaultValueSerde: Serde;
  private nextInputId = 0;
  /** Records waiting in repartition topics (saves scanning the queues when there are none) and fed back for the current input. */
  private readonly counts: DriverCounts = { pendingInternal: 0, fedBack: 0 };
  wallClockMs = 0;
  /** Per input topic, the offset of the next record piped into it (processors read it in recordMetadata()). */
  private readonly offsets = new Map<string, number>();
  private readonly onOutput: OutputListener | null;
  private readonly routeInternal: DriverConfig['routeInternal'] | null;
  private readonly retainOutputs: boolean;

  constructor(
    readonly topology: Topology,
    config: DriverConfig = {},
  ) {
    this.defaultKeySerde = config.defaultKeySerde ?? Serdes.Json();
    this.defaultValueSerde = config.defaultValueSerde ?? Serdes.Json();
    this.onOutput = config.onOutput ?? null;
    this.routeInternal = config.routeInternal ?? null;
    this.retainOutputs = config.retainOutputs ?? true;
    this.wallClockMs = config.wallClockStartMs ?? 0;
    this.task = new Task(topology.spec, {
      emit: (topic, record, internal, sink) => this.sinkWriter(sink)(record),
      sinkWriter: (sink) => this.sinkWriter(sink),
      trace: undefined,
      wallClock: () => this.wallClockMs,
    });
  }

  /** Receive every forward of every processor (the simulator's per-node output and lineage). */
  onTrace(listener: (e: TraceEvent) => void): void {
    this.listeners.push(listener);
    const ls = this.listeners;
    this.task.setTrace(ls.length === 1 ? ls[0] : (e) => ls.forEach((l) => l(e)));
  }

  /** Told of every record a processor drops (`owner`: the DSL operation the processor belongs to) and the rule that dropped it. */
  onDrop(listener: (processor: { name: string; owner: string }, reason: DropReason | undefined) => void): void {
    const ls = this.dropListeners;
    ls.push(listener);
    this.task.onDrop = ls.length === 1 ? listener : (p, r) => ls.forEach((l) => l(p, r));
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
    this.counts.fedBack = 0;
    const input = this.inputTopic(topic);
    const k = convert(input.keySerde, key, 'key', null, topic);
    const v = convert(input.valueSerde, value, 'value', null, topic);
    this.setRecordMetadata(topic);
    this.task.time.advanceStreamTime(timestamp);
    const direct = input.direct;
    if (direct !== null && direct.trace === undefined && !direct.run!.traced) {
      this.task.currentInputId = id;
      input.enter!(direct, k, v, timestamp, headers);
    } else {
      this.task.processParts(input.sources, k, v, timestamp, headers, id);
    }
    this.task.time.punctuateStreamTime();
    this.task.flush();
    if (this.counts.pendingInternal > 0) this.drainInternal(id);
    return id;
  }

  /** The topic and offset processors see in recordMetadata() for the record about to be processed. */
  private setRecordMetadata(topic: string): void {
    const offset = this.offsets.get(topic) ?? 0;
    this.offsets.set(topic, offset + 1);
    this.task.time.setRecord(topic, offset);
  }

  /** Told of every punctuation that ran (the preview lists them). */
  onPunctuation(listener: (e: PunctuationEvent) => void): void {
    this.task.time.onPunctuation = listener;
  }

  /**
   * Processes a record another task wrote to repartition topic `topic` (see routeInternal), with
   * what it leads to, as if read from that topic's partition of this task.
   */
  pipeInternal(topic: string, record: StreamRecord): void {
    this.counts.fedBack = 0;
    this.task.process(topic, record, this.nextInputId - 1);
    this.task.flush();
    if (this.counts.pendingInternal > 0) this.drainInternal(this.nextInputId - 1);
  }

  /** The sources reading a topic and the serdes records are read with (looked up once per topic). */
  private inputTopic(topic: string): InputTopic {
    // A short list scanned by identity beats a Map lookup: designs read a handful of topics.
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) if (inputs[i].topic === topic) return inputs[i];
    const sources = this.task.sourcesByTopic.get(topic) ?? [];
    const spec = sources[0]?.spec;
    const enter = sources.length === 1 ? (sources[0].run?.enter ?? null) : null;
    const input = { topic, sources, keySerde: spec?.keySerde ?? this.defaultKeySerde, valueSerde: spec?.valueSerde ?? this.defaultValueSerde, direct: enter ? sources[0] : null, enter };
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
          this.setRecordMetadata(only.topic);
          this.task.processFrom(sources, rec, inputId);
          this.task.flush();
        }
      } finally {
        this.counts.pendingInternal = q.size;
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
      this.counts.pendingInternal--;
      this.setRecordMetadata(bestTopic);
      this.task.process(bestTopic, rec, inputId);
      this.task.flush();
    }
  }

  private firstQueue(): { topic: string; queue: RecordQueue; sources: readonly NodeRuntime[] } {
    const [topic, queue] = this.internalQueues.entries().next().value as [string, RecordQueue];
    return { topic, queue, sources: this.task.sourcesByTopic.get(topic) ?? [] };
  }

  /** Where a sink's records go: a repartition topic's queue, or an output topic (through the sink's serdes). */
  private sinkWriter(sink: NodeSpec): (record: StreamRecord) => void {
    const topic = sink.topics[0];
    const route = this.routeInternal;
    if (sink.internal && route) {
      const keySerde = sink.keySerde ?? this.defaultKeySerde;
      return (record) => route(topic, record, keySerde);
    }
    const writer = sink.internal
      ? new QueueWriter(this.queueOf(topic), this.counts)
      : new OutputWriter(this.outputs, sink, sink.keySerde ?? this.defaultKeySerde, sink.valueSerde ?? this.defaultValueSerde, this.feedbackWriter(topic), this.onOutput, this.retainOutputs);
    return writer.write.bind(writer);
  }

  private queueOf(topic: string): RecordQueue {
    let q = this.internalQueues.get(topic);
    if (!q) this.internalQueues.set(topic, (q = new RecordQueue()));
    return q;
  }

  /** Records written to `topic` go back in when the topology also reads it (null: nobody reads it). */
  private feedbackWriter(topic: string): FeedbackWriter | null {
    // Called while the task is being built, so the sources are looked up in the topology spec.
    const source = [...this.topology.spec.nodes.values()].find((n) => n.type === 'source' && n.topics.includes(topic));
    if (!source) return null;
    return new FeedbackWriter(this.queueOf(topic), this.counts, topic, source.keySerde ?? this.defaultKeySerde, source.valueSerde ?? this.defaultValueSerde);
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
    return nameTable([...this.task.stores].map(([name, s]) => [name, s.all()]));
  }

  metrics(): ProcessorMetrics[] {
    return [...this.task.nodes.values()].map((n) => ({ processor: n.spec.name, owner: n.spec.owner, recordsIn: n.recordsIn, recordsOut: n.recordsOut, dropped: n.dropped }));
  }

  droppedRecords(): number {
    let d = 0;
    for (const n of this.task.nodes.values()) d += n.dropped;
    return d;
  }

  /**
   * Moves the mock wall clock (TopologyTestDriver#advanceWallClockTime): due WALL_CLOCK_TIME
   * punctuations run, then caches flush and what they sent through repartition topics is processed.
   */
  advanceWallClockTime(ms: number): void {
    this.wallClockMs += ms;
    this.task.time.setRecord(null);
    if (this.task.time.punctuateWallClock() === 0) return;
    this.task.flush();
    if (this.counts.pendingInternal > 0) this.drainInternal(this.task.currentInputId);
  }

  /** Calls close() on the user processors (TopologyTestDriver#close). */
  close(): void {
    this.task.close();
  }
}
