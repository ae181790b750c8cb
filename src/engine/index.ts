/** The engine's public surface: the Kafka-Streams-shaped DSL, config objects, serdes and the driver. */
export * from './api';
export { StreamsBuilder, GlobalKTableImpl } from './dsl/builder';
export { KStreamImpl, BranchedKStreamImpl } from './dsl/kstream';
export { KTableImpl } from './dsl/ktable';
export { KGroupedStreamImpl } from './dsl/grouped-stream';
export { KGroupedTableImpl } from './dsl/grouped-table';
export { TimeWindowedKStreamImpl, SessionWindowedKStreamImpl } from './dsl/windowed-stream';
export { CogroupedKStreamImpl, TimeWindowedCogroupedKStreamImpl, SessionWindowedCogroupedKStreamImpl } from './dsl/cogrouped-stream';
export { Named, Grouped, Consumed, Produced, Branched, Repartitioned, Joined, StreamJoined, Materialized, EmitStrategy, VersionedStoreSupplier } from './dsl/config';
export { Suppressed, BufferConfig } from './dsl/suppressed';
export { TimeWindows, SlidingWindows, SessionWindows, JoinWindows } from './windows';
export { Serdes, type Serde } from './serdes';
export { Topology } from './topology';
export { TopologyTestDriver, type OutputRecord, type ProcessorMetrics } from './driver';
export { ProcessingError, UserFunctionError } from './core/errors';
export type { StreamRecord, Change } from './core/record';
export type { TraceEvent } from './core/task';
/** What a foreign-key join's subscription carries (the simulator reads it to name the right row a result met). */
export type { SubscriptionMessage } from './joins/foreign-key';
export type { StoreEntry } from './stores/state-store';
export { mergeByTimestamp, type InputRecord, type OrderedInput } from './input-order';
export { runLocal, type RunLocalOptions } from './run-local';
export { EXPECT_MODES, canonicalJson, checkExpectations, compareRecords, formatVerdict, type ActualRecord, type DiffRow, type ExpectMode, type ExpectedRecord, type SinkVerdict } from './expect-records';
export { topicFileName, topicFilePath } from './topic-files';
export { nameTable, ownEntry } from './name-table';
export { Stores, type StoreBuilder } from './stores/processor-stores';
export type * from './processor-api';
export type { PunctuationEvent } from './core/task';
