/**
 * Per sink node: the Kafka topic it writes and the encoders of its serdes, looked up once per sink;
 * and the emitter that serializes a task's outputs and hands them to the record collector, with
 * the production exception handler for records that cannot be serialized or sent.
 */
import type { StreamRecord } from '../core/record';
import type { NodeSpec } from '../core/topology-spec';
import { Serdes } from '../serdes';
import { encoderFor, type Encode } from './codec';
import { deadLetterRecord, ProductionError, type ProductionHandling } from './error-handlers';
import type { OutRecord, RecordCollector } from './record-collector';
import type { SchemaSerdes } from './schema-serdes';
import type { RecordTracing } from './tracing';
import { internalTopicName } from './topics';

export interface SinkWriter {
  topic: string;
  key: Encode;
  value: Encode;
  /** The partition of each record when the sink picks it (a foreign-key join's responses), else null: the key's murmur2. */
  partitionOf: ((record: StreamRecord) => number) | null;
}

/**
 * Repartition topics get the app's prefix and are JSON, as the engine writes them, except for a key
 * serde the sink names: the foreign-key subscription topic writes the foreign key as the right table
 * does, so murmur2 puts it on the partition of the right table's row.
 */
export function sinkWriters(app: string, schemas?: SchemaSerdes): (topic: string, internal: boolean, sink: NodeSpec) => SinkWriter {
  const json = Serdes.Json();
  const writers = new Map<NodeSpec, SinkWriter>();
  return (topic, internal, sink) => {
    let w = writers.get(sink);
    if (!w) {
      w = internal
        ? { topic: internalTopicName(app, topic), key: encoderFor(sink.keySerde ?? json), value: encoderFor(json), partitionOf: sink.partitionOf ?? null }
        : {
            topic,
            key: schemas?.encoder(topic, 'key') ?? encoderFor(sink.keySerde ?? json),
            value: schemas?.encoder(topic, 'value') ?? encoderFor(sink.valueSerde ?? json),
            partitionOf: null,
          };
      writers.set(sink, w);
    }
    return w;
  };
}

export interface SinkErrorHandling {
  handling: ProductionHandling;
  deadLetterTopic?: string;
  log: (line: string) => void;
  onDropped: (n: number) => void;
}

export class SinkEmitter {
  recordsOut = 0;
  collector!: RecordCollector;
  /** Tracing on: outputs carry the current input's trace context (tracing.ts). */
  tracing: RecordTracing | undefined = undefined;
  private readonly sinkTopics = new Set<string>();
  private readonly writerFor: ReturnType<typeof sinkWriters>;

  constructor(
    app: string,
    private readonly errors: SinkErrorHandling,
    schemas?: SchemaSerdes,
  ) {
    this.writerFor = sinkWriters(app, schemas);
  }

  /** A task's output: serialized and queued; a record that cannot be serialized goes to the production handler. */
  readonly emit = (topic: string, record: StreamRecord, internal: boolean, sink: NodeSpec): void => {
    this.recordsOut++;
    const w = this.writerFor(topic, internal, sink);
    if (!internal) this.sinkTopics.add(w.topic);
    const timestamp = String(record.timestamp);
    // For a dead-letter record: the serialized key or value where it serializes, else its text.
    const raw = (encode: (v: unknown) => Buffer | null, v: unknown) => {
      try {
        return encode(v);
      } catch {
        return v === null || v === undefined ? null : Buffer.from(String(v));
      }
    };
    let out: OutRecord;
    try {
      out = { topic: w.topic, key: w.key(record.key), value: w.value(record.value), timestamp, partition: w.partitionOf?.(record) };
    } catch (e) {
      const error = new ProductionError(w.topic, e instanceof Error ? e : new Error(String(e)));
      this.handle(error, [{ topic: w.topic, key: raw(w.key, record.key), value: raw(w.value, record.value), timestamp }]);
      return;
    }
    const tracing = this.tracing;
    if (tracing) {
      tracing.sinkEvent(sink.name, sink.owner, w.topic);
      const headers = tracing.headers();
      if (headers) out.headers = headers;
    }
    this.collector.send(out);
  };

  /** A produce request failed after kafkajs' retries: null when the handler lets the app continue without its records, else the error to stop with. */
  readonly onSendError = (e: Error, records: OutRecord[]): Error | null => {
    // Only records of sink topics may be given up: never changelog, repartition or dead-letter writes.
    if (!records.every((r) => this.sinkTopics.has(r.topic))) return e;
    const error = new ProductionError([...new Set(records.map((r) => r.topic))].join(', '), e);
    try {
      this.handle(error, records);
      return null;
    } catch {
      return error;
    }
  };

  /** continue: log, count as dropped (and dead-letter); fail: throw. */
  private handle(error: ProductionError, records: OutRecord[]): void {
    const dlq = this.errors.deadLetterTopic;
    if (dlq) for (const r of records) this.collector.send(deadLetterRecord(dlq, r, error, { topic: r.topic, partition: r.partition ?? -1, offset: -1 }));
    if (this.errors.handling === 'fail') throw error;
    this.errors.log(`dropped ${records.length} record(s) (production handler continue${dlq ? `, sent to ${dlq}` : ''}): ${error.message}`);
    this.errors.onDropped(records.length);
  }
}
