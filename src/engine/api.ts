/**
 * The engine's public DSL, mirroring Kafka Streams' Java DSL in idiomatic TypeScript. This file is the
 * contract between the operator descriptors (which lower to these calls), the compiler (which
 * evaluates them), the code generator (which prints them) and the engine (which implements them).
 *
 * Conventions (differences from Java, chosen for TypeScript):
 * - KeyValue is a 2-tuple [key, value]; mappers that return one may return null (record dropped).
 * - Durations are plain milliseconds (numbers).
 * - Value mappers receive (value, key): the key is a read-only extra argument (Java's
 *   ValueMapperWithKey without a second interface).
 * - Joiners receive (leftValue, rightValue, key).
 * - Windowed keys are plain objects { key, start, end } so they serialize as JSON unchanged. Time
 *   windows are [start, end); sliding windows [start, end] both inclusive; sessions end = last record.
 * - Every operator takes an optional Named/Materialized/Grouped config; processor and store names
 *   derive from those names (the compiler always passes the design node's name).
 */

export type KeyValue<K, V> = [K, V];

export interface Windowed<K> {
  key: K;
  start: number;
  end: number;
}

export type Predicate<K, V> = (key: K, value: V) => boolean;
export type KeyValueMapper<K, V, R> = (key: K, value: V) => R;
export type ValueMapper<V, K, VR> = (value: V, key: K) => VR;
export type ValueJoiner<V1, V2, VR, K = unknown> = (left: V1, right: V2, key: K) => VR;
export type Initializer<VA> = () => VA;
export type Aggregator<K, V, VA> = (key: K, value: V, aggregate: VA) => VA;
export type Merger<K, VA> = (key: K, aggregate1: VA, aggregate2: VA) => VA;
export type Reducer<V> = (aggregate: V, value: V) => V;
export type ForeachAction<K, V> = (key: K, value: V) => void;

export interface StreamsBuilderApi {
  stream<K = any, V = any>(topics: string | string[], consumed?: unknown): KStreamApi<K, V>;
  table<K = any, V = any>(topic: string, consumed?: unknown, materialized?: unknown): KTableApi<K, V>;
  globalTable<K = any, V = any>(topic: string, consumed?: unknown, materialized?: unknown): GlobalKTableApi<K, V>;
  build(): TopologyApi;
}

export interface KStreamApi<K, V> {
  filter(predicate: Predicate<K, V>, named?: unknown): KStreamApi<K, V>;
  filterNot(predicate: Predicate<K, V>, named?: unknown): KStreamApi<K, V>;
  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR> | null>, named?: unknown): KStreamApi<KR, VR>;
  mapValues<VR>(mapper: ValueMapper<V, K, VR>, named?: unknown): KStreamApi<K, VR>;
  flatMap<KR, VR>(mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>> | null>, named?: unknown): KStreamApi<KR, VR>;
  flatMapValues<VR>(mapper: ValueMapper<V, K, Iterable<VR> | null>, named?: unknown): KStreamApi<K, VR>;
  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: unknown): KStreamApi<KR, V>;
  peek(action: ForeachAction<K, V>, named?: unknown): KStreamApi<K, V>;
  split(named?: unknown): BranchedKStreamApi<K, V>;
  merge(other: KStreamApi<K, V>, named?: unknown): KStreamApi<K, V>;
  repartition(repartitioned?: unknown): KStreamApi<K, V>;
  groupByKey(grouped?: unknown): KGroupedStreamApi<K, V>;
  groupBy<KR>(selector: KeyValueMapper<K, V, KR>, grouped?: unknown): KGroupedStreamApi<KR, V>;
  /** Stream-stream join (windows: JoinWindows, joined: StreamJoined), stream-table (joined: Joined). */
  join<VO, VR>(other: KStreamApi<K, VO> | KTableApi<K, VO>, joiner: ValueJoiner<V, VO, VR, K>, windowsOrJoined?: unknown, joined?: unknown): KStreamApi<K, VR>;
  /** Stream-globalTable join: keySelector maps the stream record to the table key. */
  join<GK, GV, VR>(table: GlobalKTableApi<GK, GV>, keySelector: KeyValueMapper<K, V, GK>, joiner: ValueJoiner<V, GV, VR, K>, named?: unknown): KStreamApi<K, VR>;
  leftJoin(...args: unknown[]): KStreamApi<K, unknown>;
  outerJoin<VO, VR>(other: KStreamApi<K, VO>, joiner: ValueJoiner<V | null, VO | null, VR, K>, windows: unknown, joined?: unknown): KStreamApi<K, VR>;
  toTable(named?: unknown, materialized?: unknown): KTableApi<K, V>;
  to(topic: string, produced?: unknown): void;
}

export interface BranchedKStreamApi<K, V> {
  /** First matching predicate wins; branched = Branched.as(name). */
  branch(predicate: Predicate<K, V>, branched?: unknown): BranchedKStreamApi<K, V>;
  /** Returns branches by full name (split prefix + branch name, or prefix + 1-based position); default "0". */
  defaultBranch(branched?: unknown): Record<string, KStreamApi<K, V>>;
  noDefaultBranch(): Record<string, KStreamApi<K, V>>;
}

export interface KGroupedStreamApi<K, V> {
  count(named?: unknown, materialized?: unknown): KTableApi<K, number>;
  reduce(reducer: Reducer<V>, named?: unknown, materialized?: unknown): KTableApi<K, V>;
  aggregate<VA>(initializer: Initializer<VA>, aggregator: Aggregator<K, V, VA>, named?: unknown, materialized?: unknown): KTableApi<K, VA>;
  /** TimeWindows/SlidingWindows give a TimeWindowedKStream; SessionWindows a SessionWindowedKStream. */
  windowedBy(windows: unknown): TimeWindowedKStreamApi<K, V> | SessionWindowedKStreamApi<K, V>;
  /** The first input of a cogroup: several grouped streams into one aggregate, one aggregator each. */
  cogroup<VA = any>(aggregator: Aggregator<K, V, VA>): CogroupedKStreamApi<K, VA>;
}

export interface CogroupedKStreamApi<K, VA> {
  cogroup<V>(grouped: KGroupedStreamApi<K, V>, aggregator: Aggregator<K, V, VA>): CogroupedKStreamApi<K, VA>;
  /** TimeWindows/SlidingWindows or SessionWindows; cogrouped windows have no emitStrategy. */
  windowedBy(windows: unknown): TimeWindowedCogroupedKStreamApi<K, VA> | SessionWindowedCogroupedKStreamApi<K, VA>;
  aggregate(initializer: Initializer<VA>, named?: unknown, materialized?: unknown): KTableApi<K, VA>;
}

export interface TimeWindowedCogroupedKStreamApi<K, VA> {
  aggregate(initializer: Initializer<VA>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, VA>;
}

export interface SessionWindowedCogroupedKStreamApi<K, VA> {
  aggregate(initializer: Initializer<VA>, merger: Merger<K, VA>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, VA>;
}

export interface TimeWindowedKStreamApi<K, V> {
  emitStrategy(strategy: unknown): TimeWindowedKStreamApi<K, V>;
  count(named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, number>;
  reduce(reducer: Reducer<V>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, V>;
  aggregate<VA>(initializer: Initializer<VA>, aggregator: Aggregator<K, V, VA>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, VA>;
}

export interface SessionWindowedKStreamApi<K, V> {
  emitStrategy(strategy: unknown): SessionWindowedKStreamApi<K, V>;
  count(named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, number>;
  reduce(reducer: Reducer<V>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, V>;
  aggregate<VA>(initializer: Initializer<VA>, aggregator: Aggregator<K, V, VA>, merger: Merger<K, VA>, named?: unknown, materialized?: unknown): KTableApi<Windowed<K>, VA>;
}

export interface KTableApi<K, V> {
  filter(predicate: Predicate<K, V>, named?: unknown, materialized?: unknown): KTableApi<K, V>;
  filterNot(predicate: Predicate<K, V>, named?: unknown, materialized?: unknown): KTableApi<K, V>;
  mapValues<VR>(mapper: ValueMapper<V, K, VR>, named?: unknown, materialized?: unknown): KTableApi<K, VR>;
  toStream(named?: unknown): KStreamApi<K, V>;
  groupBy<KR, VR>(selector: KeyValueMapper<K, V, KeyValue<KR, VR>>, grouped?: unknown): KGroupedTableApi<KR, VR>;
  /** Table-table join on the primary key, or a foreign-key join when a KeyValue-free extractor is given:
   *  join(other, foreignKeyExtractor: (leftValue) => otherKey, joiner, named?, materialized?). */
  join(other: KTableApi<unknown, unknown>, ...args: unknown[]): KTableApi<K, unknown>;
  leftJoin(other: KTableApi<unknown, unknown>, ...args: unknown[]): KTableApi<K, unknown>;
  outerJoin(other: KTableApi<unknown, unknown>, ...args: unknown[]): KTableApi<K, unknown>;
  suppress(suppressed: unknown): KTableApi<K, V>;
  queryableStoreName(): string | null;
}

export interface KGroupedTableApi<K, V> {
  count(named?: unknown, materialized?: unknown): KTableApi<K, number>;
  reduce(adder: Reducer<V>, subtractor: Reducer<V>, named?: unknown, materialized?: unknown): KTableApi<K, V>;
  aggregate<VA>(initializer: Initializer<VA>, adder: Aggregator<K, V, VA>, subtractor: Aggregator<K, V, VA>, named?: unknown, materialized?: unknown): KTableApi<K, VA>;
}

export type GlobalKTableApi<K, V> = { readonly __globalTable: true; readonly queryableStoreName: string } & Record<never, [K, V]>;

export interface TopologyApi {
  /** Stable text in the style of Kafka's Topology#describe(). */
  describe(): { toString(): string };
}

/*
 * Config objects the engine exports (same names and factory methods as Kafka Streams):
 *   Named.as(name)                 Grouped.as(name)                Branched.as(name)
 *   Consumed.with(keySerde, valueSerde)   Produced.with(keySerde, valueSerde)
 *   Materialized.as(storeName).withCachingDisabled().withLoggingDisabled().withRetention(ms)
 *   Repartitioned.as(name).withNumberOfPartitions(n)   Joined.as(name)   StreamJoined.as(name)
 *   TimeWindows.ofSizeWithNoGrace(size) | ofSizeAndGrace(size, grace), .advanceBy(ms)
 *   SlidingWindows.ofTimeDifferenceWithNoGrace(d) | ofTimeDifferenceAndGrace(d, grace)
 *   SessionWindows.ofInactivityGapWithNoGrace(gap) | ofInactivityGapAndGrace(gap, grace)
 *   JoinWindows.ofTimeDifferenceWithNoGrace(d) | ofTimeDifferenceAndGrace(d, grace), .before(ms), .after(ms)
 *   Suppressed.untilWindowCloses(bufferConfig) | untilTimeLimit(ms, bufferConfig), .withName(name)
 *   BufferConfig.unbounded() | maxRecords(n) | maxBytes(n), .emitEarlyWhenFull() | .shutDownWhenFull()
 *   EmitStrategy.onWindowUpdate() | onWindowClose()
 *   Serdes.Json() | String() | Number() | Bytes()
 * And the in-memory driver (like TopologyTestDriver):
 *   new TopologyTestDriver(topology, { applicationId?, partitions? })
 *     .createInputTopic(name).pipeInput(key, value, timestamp, headers?)
 *     .createOutputTopic(name).readRecordsToList() -> { key, value, timestamp, headers }[]
 *     .getStateStore(name) -> { all(): { key, value, timestamp }[] ; get(key) }
 *     .advanceWallClockTime(ms), .metrics() -> per-processor { recordsIn, recordsOut, dropped }
 *     .onTrace(listener) -> per-processor emissions with the id of the input record being processed
 */
