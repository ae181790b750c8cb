/**
 * The in-memory driver, like Kafka's TopologyTestDriver: pipe records into source topics one at a
 * time; each is processed completely (including everything it sends through repartition topics)
 * before the next, with caches flushed after every record, as TTD commits after every record.
 */
import type { StreamRecord } from './core/record';
import { Task, type TraceEvent } from './core/task';
import type { NodeSpec } from './core/topology-spec';
import { Serdes, type Serde } from './serdes';
import type { StateStore, StoreEntry } from './stores/state-store';
import type { Topology } from './topology';

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

export class TopologyTestDriver {
  private readonly task: Task;
  private readonly outputs = new Map<string, OutputRecord[]>();
  private readonly unread = new Map<string, number>();
  private readonly internalQueues = new Map<string, StreamRecord[]>();
  private readonly listeners: ((e: TraceEvent) => void)[] = [];
  private readonly defaultKeySerde: Serde;
  private readonly defaultValueSerde: Serde;
  private nextInputId = 0;
  /** Records waiting in repartition topics (saves scanning the queues when there are none). */
  private pendingInternal = 0;
  wallClockMs = 0;

  constructor(
    readonly topology: Topology,
    config: DriverConfig = {},
  ) {
    this.defaultKeySerde = config.defaultKeySerde ?? Serdes.Json();
    this.defaultValueSerde = config.defaultValueSerde ?? Serdes.Json();
    this.task = new Task(topology.spec, {
      emit: (topic, record, internal, sink) => this.onEmit(topic, record, internal, sink),
      trace: undefined,
    });
  }

  /** Receive every forward of every processor (the simulator's per-node output and lineage). */
  onTrace(listener: (e: TraceEvent) => void): void {
    this.listeners.push(listener);
    const ls = this.listeners;
    this.task.hooks.trace = ls.length === 1 ? ls[0] : (e) => ls.forEach((l) => l(e));
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
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) throw new Error(`record for topic "${topic}" has no valid timestamp (got ${String(timestamp)})`);
    if (timestamp < 0) throw new Error(`record for topic "${topic}" has a negative timestamp (${timestamp}); Kafka timestamps are epoch milliseconds >= 0`);
    const id = this.nextInputId++;
    const source = this.task.sourcesByTopic.get(topic)?.[0]?.spec;
    const rec: StreamRecord = {
      key: convert(source?.keySerde ?? this.defaultKeySerde, key, 'key', null, topic),
      value: convert(source?.valueSerde ?? this.defaultValueSerde, value, 'value', null, topic),
      timestamp,
      headers,
    };
    this.task.process(topic, rec, id);
    this.task.flush();
    if (this.pendingInternal > 0) this.drainInternal(id);
    return id;
  }

  private drainInternal(inputId: number) {
    // One repartition topic (the common case): plain FIFO, no search for the lowest timestamp.
    if (this.internalQueues.size === 1) {
      const [topic, q] = this.internalQueues.entries().next().value as [string, StreamRecord[]];
      let i = 0;
      for (; i < q.length && this.internalQueues.size === 1; i++) {
        this.task.process(topic, q[i], inputId);
        this.task.flush();
      }
      q.splice(0, i);
      this.pendingInternal -= i;
      if (this.pendingInternal === 0) return;
    }
    for (;;) {
      let best: string | null = null;
      let bestTs = Infinity;
      for (const [t, q] of this.internalQueues) {
        if (q.length && q[0].timestamp < bestTs) {
          best = t;
          bestTs = q[0].timestamp;
        }
      }
      if (best === null) return;
      const rec = this.internalQueues.get(best)!.shift()!;
      this.pendingInternal--;
      this.task.process(best, rec, inputId);
      this.task.flush();
    }
  }

  private onEmit(topic: string, record: StreamRecord, internal: boolean, sink: NodeSpec) {
    if (internal) {
      let q = this.internalQueues.get(topic);
      if (!q) this.internalQueues.set(topic, (q = []));
      q.push(record);
      this.pendingInternal++;
      return;
    }
    const key = convert(sink.keySerde ?? this.defaultKeySerde, record.key, 'key', sink, topic);
    const value = convert(sink.valueSerde ?? this.defaultValueSerde, record.value, 'value', sink, topic);
    // Plain data reads back identical: keep the record itself instead of copying it.
    const out: OutputRecord = key === record.key && value === record.value ? record : { key, value, timestamp: record.timestamp, headers: record.headers };
    let list = this.outputs.get(topic);
    if (!list) this.outputs.set(topic, (list = []));
    list.push(out);
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
