/**
 * Runs a topology over input records without Kafka (the generated project's local mode and its
 * test): records are merged across topics in Kafka's order (lowest head timestamp first) and piped
 * through the in-memory driver; each sink record is handed to onOutput as soon as it exists, so a
 * crash later loses nothing already produced.
 */
import { TopologyTestDriver, type OutputRecord } from './driver';
import { mergeByTimestamp, type InputRecord } from './input-order';
import { nameTable } from './name-table';
import { Serdes } from './serdes';
import type { Topology } from './topology';

export interface RunLocalOptions {
  defaultKeySerde?: string;
  defaultValueSerde?: string;
  onOutput?: (topic: string, record: OutputRecord) => void;
}

export function runLocal(topology: Topology, inputs: Record<string, InputRecord[]>, options: RunLocalOptions = {}): Record<string, OutputRecord[]> {
  const driver = new TopologyTestDriver(topology, {
    defaultKeySerde: Serdes.byName(options.defaultKeySerde),
    defaultValueSerde: Serdes.byName(options.defaultValueSerde),
  });
  const spec = topology.spec;
  const topics = new Set([...spec.nodes.values()].filter((n) => n.type === 'source').flatMap((n) => n.topics).filter((t) => !spec.internalTopics.has(t)));
  const seen = new Map<string, number>();
  for (const input of mergeByTimestamp(inputs, topics)) {
    driver.pipe(input.topic, input.record.key, input.record.value, input.record.timestamp, input.record.headers);
    if (options.onOutput) {
      for (const t of driver.outputTopics()) {
        const all = driver.allOutputs(t);
        for (let i = seen.get(t) ?? 0; i < all.length; i++) options.onOutput(t, all[i]);
        seen.set(t, all.length);
      }
    }
  }
  return nameTable(driver.outputTopics().map((t) => [t, driver.allOutputs(t)]));
}
