/**
 * The Processor API inside the DSL (KStream#process / processValues), as TypeScript users write it:
 * a supplier returns a fresh processor object with init(ctx), process(record) and optional close().
 * These types are what the generated project and the designer's editor check processors against.
 */

/** A record as a processor receives and forwards it (headers are not modelled). */
export interface ProcessorRecord<K = any, V = any> {
  key: K;
  value: V;
  timestamp: number;
}

export type PunctuationType = 'STREAM_TIME' | 'WALL_CLOCK_TIME';

export interface Cancellable {
  cancel(): void;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: number;
}

/** Key-value store (Kafka's KeyValueStore): null means absent; put(key, null) deletes. */
export interface ProcessorKeyValueStore<K = any, V = any> {
  readonly name: string;
  get(key: K): V | null;
  put(key: K, value: V | null): void;
  /** Stores only when the key is absent; returns the previous value (null when it stored). */
  putIfAbsent(key: K, value: V): V | null;
  /** Removes the key; returns the value it had (null if none). */
  delete(key: K): V | null;
  /** Every entry, keys ascending (numbers numerically, strings by code unit). */
  all(): { key: K; value: V }[];
  /** Entries with from <= key <= to, same order as all(). */
  range(from: K, to: K): { key: K; value: V }[];
  approximateNumEntries(): number;
}

/** Window store: values per (key, window start). */
export interface ProcessorWindowStore<K = any, V = any> {
  readonly name: string;
  put(key: K, value: V | null, windowStartMs: number): void;
  fetch(key: K, windowStartMs: number): V | null;
  /** Windows of key with start in [fromMs, toMs], ascending by start. */
  fetchRange(key: K, fromMs: number, toMs: number): { start: number; value: V }[];
}

export interface SessionKey<K = any> {
  key: K;
  start: number;
  end: number;
}

/** Session store: values per (key, session start, session end). */
export interface ProcessorSessionStore<K = any, V = any> {
  readonly name: string;
  put(session: SessionKey<K>, value: V | null): void;
  remove(session: SessionKey<K>): void;
  /** Sessions of key with end >= earliestSessionEnd and start <= latestSessionStart. */
  findSessions(key: K, earliestSessionEnd: number, latestSessionStart: number): { key: SessionKey<K>; value: V }[];
}

export type ProcessorStateStore = ProcessorKeyValueStore | ProcessorWindowStore | ProcessorSessionStore;

/** What init(ctx) receives (Kafka's api.ProcessorContext). */
export interface ProcessorApiContext<KOut = any, VOut = any> {
  /** Sends a record to every downstream node before returning; timestamp defaults to the input record's. */
  forward(record: { key: KOut; value: VOut; timestamp?: number }): void;
  /** A store declared on this node. */
  getStateStore<S extends ProcessorStateStore = ProcessorKeyValueStore>(name: string): S;
  /** Calls callback(timestamp) every intervalMs of stream time or of the wall clock. */
  schedule(intervalMs: number, type: PunctuationType, callback: (timestamp: number) => void): Cancellable;
  /** Topic, partition and offset of the record being processed; null inside a punctuator. */
  recordMetadata(): RecordMetadata | null;
  currentStreamTimeMs(): number;
  currentSystemTimeMs(): number;
  readonly applicationId?: string;
}

/** A processor object. Extra fields (state, the saved ctx) are allowed, as in an object literal. */
export interface UserProcessor<KIn = any, VIn = any, KOut = any, VOut = any> {
  init?(ctx: ProcessorApiContext<KOut, VOut>): void;
  process(record: ProcessorRecord<KIn, VIn>): void;
  close?(): void;
  [field: string]: any;
}

export type ProcessorSupplier<KIn = any, VIn = any, KOut = any, VOut = any> = () => UserProcessor<KIn, VIn, KOut, VOut>;
