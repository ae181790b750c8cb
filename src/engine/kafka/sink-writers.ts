/** Per sink node: the Kafka topic it writes and the encoders of its serdes, looked up once per sink. */
import type { StreamRecord } from '../core/record';
import type { NodeSpec } from '../core/topology-spec';
import { Serdes } from '../serdes';
import { encoderFor, type Encode } from './codec';
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
export function sinkWriters(app: string): (topic: string, internal: boolean, sink: NodeSpec) => SinkWriter {
  const json = Serdes.Json();
  const writers = new Map<NodeSpec, SinkWriter>();
  return (topic, internal, sink) => {
    let w = writers.get(sink);
    if (!w) {
      w = internal
        ? { topic: internalTopicName(app, topic), key: encoderFor(sink.keySerde ?? json), value: encoderFor(json), partitionOf: sink.partitionOf ?? null }
        : { topic, key: encoderFor(sink.keySerde ?? json), value: encoderFor(sink.valueSerde ?? json), partitionOf: null };
      writers.set(sink, w);
    }
    return w;
  };
}
