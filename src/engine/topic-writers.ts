/**
 * Where the in-memory driver's sinks write: an output topic's record list (through the sink's
 * serdes, feeding the records back in when the topology also reads that topic) or a repartition
 * topic's queue. Classes rather than closures made per driver: every driver's writers then run the
 * same methods, which V8 optimizes once for the process instead of once per driver (a preview
 * builds a new driver after every edit, the bench one per round).
 */
import type { StreamRecord } from './core/record';
import type { NodeSpec } from './core/topology-spec';
import type { RecordQueue } from './record-queue';
import type { Serde } from './serdes';

export interface OutputRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  headers?: Record<string, string>;
}

/** The driver's counters its writers update. */
export interface DriverCounts {
  /** Records waiting in repartition and fed-back topics. */
  pendingInternal: number;
  /** Records fed back from output topics the topology also reads, for the current input record. */
  fedBack: number;
}

/** Records one input may feed back through topics the topology both writes and reads. */
export const MAX_FED_BACK = 100_000;

/** Passes a value through a serde; the message is built only on failure (this runs for every record). */
export function convert(serde: Serde, v: unknown, part: 'key' | 'value', sink: NodeSpec | null, topic: string): unknown {
  try {
    return serde.roundTrip(v);
  } catch (e) {
    const what = sink ? `${part} written by "${sink.owner}" to topic "${topic}"` : `${part} of a record for topic "${topic}"`;
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A repartition topic: the driver drains its queue after the current input record. */
export class QueueWriter {
  constructor(
    private readonly queue: RecordQueue,
    private readonly counts: DriverCounts,
  ) {}

  write(record: StreamRecord): void {
    this.queue.push(record);
    this.counts.pendingInternal++;
  }
}

/**
 * As in TopologyTestDriver, records written to a topic the topology also reads are fed back in
 * after the current record, read with the reading source's serdes.
 */
export class FeedbackWriter {
  constructor(
    private readonly queue: RecordQueue,
    private readonly counts: DriverCounts,
    private readonly topic: string,
    private readonly keySerde: Serde,
    private readonly valueSerde: Serde,
  ) {}

  write(out: OutputRecord): void {
    const { topic, counts } = this;
    // A topology that reads what it writes can feed itself forever (Kafka would too): stop it.
    if (++counts.fedBack > MAX_FED_BACK) throw new Error(`topic "${topic}" is written and read by the topology and keeps feeding records back (more than ${MAX_FED_BACK} for one input record)`);
    this.queue.push({ key: convert(this.keySerde, out.key, 'key', null, topic), value: convert(this.valueSerde, out.value, 'value', null, topic), timestamp: out.timestamp, headers: out.headers });
    counts.pendingInternal++;
  }
}

/** Where an output topic's records go besides (or instead of) the driver's lists: a streaming writer. */
export type OutputListener = (topic: string, record: OutputRecord) => void;

/**
 * An output topic: records as they read back through the sink's serdes, kept in the order written
 * (unless the driver streams them out and keeps none: files of any size).
 */
export class OutputWriter {
  /** Made on the first write: a topic appears among the driver's output topics once written to. */
  private list: OutputRecord[] | undefined = undefined;

  constructor(
    private readonly outputs: Map<string, OutputRecord[]>,
    private readonly sink: NodeSpec,
    private readonly keySerde: Serde,
    private readonly valueSerde: Serde,
    private readonly feedback: FeedbackWriter | null,
    private readonly listener: OutputListener | null = null,
    private readonly retain = true,
  ) {}

  write(record: StreamRecord): void {
    const { sink } = this;
    const topic = sink.topics[0];
    const key = convert(this.keySerde, record.key, 'key', sink, topic);
    const value = convert(this.valueSerde, record.value, 'value', sink, topic);
    // Plain data reads back identical: keep the record itself instead of copying it.
    const out: OutputRecord = key === record.key && value === record.value ? record : { key, value, timestamp: record.timestamp, headers: record.headers };
    if (this.retain) {
      let list = this.list;
      if (list === undefined) {
        list = this.outputs.get(topic);
        if (!list) this.outputs.set(topic, (list = []));
        this.list = list;
      }
      list.push(out);
    }
    if (this.listener !== null) this.listener(topic, out);
    if (this.feedback !== null) this.feedback.write(out);
  }
}
