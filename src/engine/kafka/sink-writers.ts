/** Per sink node: the Kafka topic it writes and the encoders of its serdes, looked up once per sink. */
import type { NodeSpec } from '../core/topology-spec';
import { Serdes } from '../serdes';
import { encoderFor, type Encode } from './codec';
import { internalTopicName } from './topics';

export interface SinkWriter {
  topic: string;
  key: Encode;
  value: Encode;
}

/** Repartition topics get the app's prefix and are JSON, as the engine writes them. */
export function sinkWriters(app: string): (topic: string, internal: boolean, sink: NodeSpec) => SinkWriter {
  const json = Serdes.Json();
  const writers = new Map<NodeSpec, SinkWriter>();
  return (topic, internal, sink) => {
    let w = writers.get(sink);
    if (!w) {
      w = internal
        ? { topic: internalTopicName(app, topic), key: encoderFor(json), value: encoderFor(json) }
        : { topic, key: encoderFor(sink.keySerde ?? json), value: encoderFor(sink.valueSerde ?? json) };
      writers.set(sink, w);
    }
    return w;
  };
}
