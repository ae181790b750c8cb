/** The in-memory driver's options and per-processor metrics (driver.ts). */
import type { StreamRecord } from './core/record';
import type { Serde } from './serdes';
import type { OutputListener } from './topic-writers';

export interface DriverConfig {
  defaultKeySerde?: Serde;
  defaultValueSerde?: Serde;
  /** Called with every record written to an output topic, as it is written. */
  onOutput?: OutputListener;
  /** Keep output records for allOutputs()/readOutput (default true; false: stream them to onOutput only). */
  retainOutputs?: boolean;
  /** The mock wall clock's time when the topology starts (TopologyTestDriver's initial wall-clock time; default 0). */
  wallClockStartMs?: number;
  /**
   * Records written to a repartition topic go here instead of this driver's own queue (the
   * simulator's partitioned run sends each to the task of its key's partition, which takes it with
   * pipeInternal). `keySerde`: the repartition topic's key serde (what the partitioner hashes).
   */
  routeInternal?: (topic: string, record: StreamRecord, keySerde: Serde) => void;
}

export type { OutputRecord } from './topic-writers';

export interface ProcessorMetrics {
  processor: string;
  owner: string;
  recordsIn: number;
  recordsOut: number;
  dropped: number;
}
