/**
 * The design run as Kafka Streams runs it on N partitions: each input record goes to the partition
 * Kafka's default partitioner picks (murmur2 of the serialized key; records without a key round
 * robin), one task per partition (its own processors and stores), records of all tasks taken in
 * timestamp order (one valid interleaving), and records written to a repartition topic go to the
 * task of their new key's partition. Output records carry the partition the sink writes them to
 * and the task that wrote them. Same compiler and engine as the exported project. Pure.
 */
import { compileDesign } from '../../compiler/compile';
import { mergeByTimestamp, partitionForKey, Serdes, TopologyTestDriver, type Serde, type StreamRecord } from '../../engine';
import { hasErrors } from '../../model/check';
import type { DesignNode, SampleRecord, TopologyDocument } from '../../model/types';

export interface PartitionedRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  /** The output topic's partition the default partitioner puts it in (its count in the topics table, else the run's). */
  partition: number;
  /** The task (input partition) whose processing wrote it. */
  task: number;
}

export interface PartitionedResult {
  ok: boolean;
  /** Why the run did not finish (a design with errors is not run; a processing error stops it). */
  error?: string;
  /** Tasks: the partitions of the largest input topic. */
  partitions: number;
  /** Input records each task read. */
  inputsPerTask: number[];
  /** Records routed through repartition topics to another task than the one that wrote them. */
  movedByRepartition: number;
  /** Output records per sink topic, in the order written. */
  sinks: Record<string, PartitionedRecord[]>;
}

/** The partition of a key as Kafka's default partitioner picks it; null when there is no key. */
export function partitionOf(key: unknown, serde: Serde, partitions: number): number | null {
  if (key === null || key === undefined) return null;
  const bytes = serde.serialize(key);
  return bytes === null ? null : partitionForKey(bytes, partitions);
}

/**
 * `fallback`: the partitions of every topic the design's topics table gives no count. There is one
 * task per partition of the largest input topic (the checker refuses joins of topics with different
 * counts); repartition topics have one partition per task.
 */
export function simulatePartitioned(doc: TopologyDocument, fallback: number, samples: Record<string, SampleRecord[]> = doc.samples): PartitionedResult {
  const countOf = (topic: string) => doc.topics?.[topic]?.partitions ?? fallback;
  const compiled = compileDesign(doc);
  const partitions = Math.max(1, ...[...compiled.sourceTopics].map(countOf));
  const result: PartitionedResult = { ok: true, partitions, inputsPerTask: new Array<number>(partitions).fill(0), movedByRepartition: 0, sinks: Object.create(null) as PartitionedResult['sinks'] };
  if (hasErrors(compiled.diagnostics)) return { ...result, ok: false, error: 'the design has errors (see validate)' };
  const defaultKey = Serdes.byName(doc.settings.defaultKeySerde) ?? Serdes.Json();
  const serdeOf = (name: unknown) => (typeof name === 'string' ? Serdes.byName(name) : undefined) ?? defaultKey;
  const pending: { task: number; topic: string; record: StreamRecord; from: number }[] = [];
  let current = 0;
  const drivers = Array.from({ length: partitions }, (_, task) => {
    const sinkSerdes = sinkKeySerdes(doc.nodes, serdeOf);
    return new TopologyTestDriver(compiled.topology, {
      defaultKeySerde: defaultKey,
      defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
      retainOutputs: false,
      onOutput: (topic, r) => {
        const p = partitionOf(r.key, sinkSerdes.get(topic) ?? defaultKey, countOf(topic)) ?? task % countOf(topic);
        (result.sinks[topic] ??= []).push({ key: r.key, value: r.value, timestamp: r.timestamp, partition: p, task });
      },
      // A repartition topic has as many partitions as the run; a record without a key stays in its task.
      routeInternal: (topic, record, keySerde) => pending.push({ task: partitionOf(record.key, keySerde, partitions) ?? current, topic, record, from: current }),
    });
  });
  const sourceSerde = new Map(doc.nodes.filter((n) => n.kind === 'stream' || n.kind === 'table').map((n) => [n.params.topic, serdeOf(n.params.keySerde === 'default' ? undefined : n.params.keySerde)]));
  for (const input of mergeByTimestamp(samples, compiled.sourceTopics)) {
    const { topic, record, index } = input;
    current = partitionOf(record.key, sourceSerde.get(topic) ?? defaultKey, countOf(topic)) ?? index % countOf(topic);
    result.inputsPerTask[current]++;
    try {
      drivers[current].pipe(topic, record.key, record.value, record.timestamp, record.headers);
      // Routed records are taken after the record that made them (never inside another task's processing).
      while (pending.length) {
        const next = pending.shift()!;
        if (next.task !== next.from) result.movedByRepartition++;
        current = next.task;
        drivers[next.task].pipeInternal(next.topic, next.record);
      }
    } catch (e) {
      return { ...result, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return result;
}

/** The key serde each `to` node writes its topic with. */
function sinkKeySerdes(nodes: DesignNode[], serdeOf: (name: unknown) => Serde): Map<string, Serde> {
  return new Map(nodes.filter((n) => n.kind === 'to').map((n) => [String(n.params.topic), serdeOf(n.params.keySerde === 'default' ? undefined : n.params.keySerde)]));
}
