/**
 * Turns a fetched batch into the records a task buffers, with the serdes of the topic's source
 * node (repartition topics are JSON). A record whose key or value does not deserialize goes to the
 * deserialization exception handler: log-and-fail throws a DeserializationError naming topic,
 * partition, offset and the serde's message; log-and-continue logs it, counts it as dropped and
 * keeps it in the buffer as skipped, so its offset is committed in order with the others (a poison
 * pill never stalls a partition, and lag reaches 0). With a dead-letter topic the raw record is also
 * written there.
 */
import type { Batch, KafkaMessage } from 'kafkajs';
import type { StreamRecord } from '../core/record';
import type { NodeSpec, TopologySpec } from '../core/topology-spec';
import { Serdes } from '../serdes';
import { decoderFor, type Decode } from './codec';
import { DeserializationError, deadLetterRecord, type DeserializationHandling } from './error-handlers';
import type { Buffered } from './partition-group';
import type { RecordCollector } from './record-collector';
import type { SchemaSerdes } from './schema-serdes';
import { internalTopicName } from './topics';
import { headerText } from './trace-context';

export interface InputDecoderOptions {
  spec: TopologySpec;
  app: string;
  handling: DeserializationHandling;
  deadLetterTopic?: string;
  collector: RecordCollector;
  /** Topics with a schema: their keys and values are in the Confluent wire format. */
  schemas?: SchemaSerdes;
  log: (line: string) => void;
  onDropped: () => void;
  /** Tracing on: keep each record's traceparent and tracestate headers (else headers are never read). */
  readTraceContext?: boolean;
}

export class InputDecoder {
  private readonly sourceOf = new Map<string, NodeSpec>();
  /** Kafka name of an internal topic -> the topology's name. */
  readonly specTopicOf: Map<string, string>;
  private readonly decoders = new Map<string, { key: Decode; value: Decode; specTopic: string }>();

  constructor(private readonly o: InputDecoderOptions) {
    for (const n of o.spec.nodes.values()) if (n.type === 'source') for (const t of n.topics) this.sourceOf.set(t, n);
    this.specTopicOf = new Map([...o.spec.internalTopics.keys()].map((t) => [internalTopicName(o.app, t), t]));
  }

  /** The source node reading a topic (by the topology's name), for its serdes. */
  source(topic: string): NodeSpec | undefined {
    return this.sourceOf.get(topic);
  }

  /** Loads the writer schemas the batch's records name (a no-op for topics without a schema). */
  async prepare(topic: string, messages: readonly { key: Buffer | null; value: Buffer | null }[]): Promise<void> {
    const schemas = this.o.schemas;
    if (!schemas || this.o.spec.internalTopics.has(this.specTopicOf.get(topic) ?? '')) return;
    await schemas.prepare(topic, 'key', messages.map((m) => m.key));
    await schemas.prepare(topic, 'value', messages.map((m) => m.value));
  }

  decode(batch: Batch): Buffered[] {
    const d = this.decodersOf(batch.topic);
    const out: Buffered[] = new Array(batch.messages.length);
    for (let i = 0; i < batch.messages.length; i++) {
      const m = batch.messages[i];
      const offset = Number(m.offset);
      const timestamp = Number(m.timestamp);
      let record: StreamRecord;
      try {
        record = { key: d.key(m.key), value: null, timestamp };
      } catch (e) {
        out[i] = this.failed(batch, m, 'key', e, d.specTopic);
        continue;
      }
      try {
        record.value = d.value(m.value);
      } catch (e) {
        out[i] = this.failed(batch, m, 'value', e, d.specTopic);
        continue;
      }
      out[i] = { topic: batch.topic, specTopic: d.specTopic, offset, record };
      if (this.o.readTraceContext && m.headers) {
        out[i].traceparent = headerText(m.headers.traceparent);
        out[i].tracestate = headerText(m.headers.tracestate);
      }
    }
    return out;
  }

  /** The key and value decoders of a topic (by its Kafka name): its schema's, else its source's serdes. */
  decodersOf(topic: string) {
    let d = this.decoders.get(topic);
    if (!d) {
      const json = Serdes.Json();
      const specTopic = this.specTopicOf.get(topic) ?? topic;
      const src = this.sourceOf.get(specTopic);
      const internal = this.o.spec.internalTopics.has(specTopic);
      const schemas = internal ? undefined : this.o.schemas;
      d = {
        key: schemas?.decoder(specTopic, 'key') ?? decoderFor(src?.keySerde ?? json),
        value: schemas?.decoder(specTopic, 'value') ?? decoderFor(internal ? json : (src?.valueSerde ?? json)),
        specTopic,
      };
      this.decoders.set(topic, d);
    }
    return d;
  }

  private failed(batch: Batch, m: KafkaMessage, part: 'key' | 'value', e: unknown, specTopic: string): Buffered {
    const origin = { topic: batch.topic, partition: batch.partition, offset: Number(m.offset) };
    const error = new DeserializationError(origin, part, e instanceof Error ? e : new Error(String(e)));
    if (this.o.deadLetterTopic) this.o.collector.send(deadLetterRecord(this.o.deadLetterTopic, m as { key: Buffer | null; value: Buffer | null; timestamp: string; headers?: Record<string, unknown> }, error, origin));
    if (this.o.handling === 'log-and-fail') throw error;
    this.o.log(`skipped a record (log-and-continue${this.o.deadLetterTopic ? `, sent to ${this.o.deadLetterTopic}` : ''}): ${error.message}`);
    this.o.onDropped();
    return { ...origin, specTopic, record: { key: null, value: null, timestamp: Number(m.timestamp) }, skip: true };
  }
}
