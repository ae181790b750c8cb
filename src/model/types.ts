/**
 * The topology document: the one model. The canvas, the preview, the generated code and the CLI all
 * read this shape. It is plain JSON (no classes) so it can be saved, diffed, sent to a worker and
 * validated with zod (see schema.ts).
 */
import type { DiagnosticCode } from './diagnostics';

export const DOCUMENT_FORMAT = 'streamwright/topology' as const;
export const CURRENT_VERSION = 1 as const;

/** Serdes a topic's keys or values can use. bytes values are base64 strings in JSON. */
export type SerdeName = 'json' | 'string' | 'number' | 'bytes';

/** What flows along an edge, named after the Kafka Streams DSL types. */
export type StreamKind =
  | 'KStream'
  | 'KTable'
  | 'KGroupedStream'
  | 'KGroupedTable'
  | 'TimeWindowedKStream'
  | 'SessionWindowedKStream'
  | 'CogroupedKStream'
  | 'TimeWindowedCogroupedKStream'
  | 'SessionWindowedCogroupedKStream'
  | 'BranchedKStream'
  | 'GlobalKTable';

export const STREAM_KINDS: readonly StreamKind[] = [
  'KStream',
  'KTable',
  'KGroupedStream',
  'KGroupedTable',
  'TimeWindowedKStream',
  'SessionWindowedKStream',
  'CogroupedKStream',
  'TimeWindowedCogroupedKStream',
  'SessionWindowedCogroupedKStream',
  'BranchedKStream',
  'GlobalKTable',
];

export interface Position {
  x: number;
  y: number;
}

export interface DesignNode {
  /** Stable id, never shown; edges refer to it. */
  id: string;
  /** Operator kind, a key of the operator registry (e.g. "filter", "windowedBy"). */
  kind: string;
  /** Unique human name; processor, store and topic names derive from it (never from counters). */
  name: string;
  description?: string;
  /** Operator parameters, shaped by the operator's descriptor (functions are TypeScript source). */
  params: Record<string, unknown>;
  position: Position;
}

export interface DesignEdge {
  id: string;
  source: string;
  /** Output port of the source node; only split has several (one per branch name). */
  sourcePort?: string;
  target: string;
  /** Input port of the target node: "in" for most operators, "left"/"right" for joins. */
  targetPort: string;
}

export interface SampleRecord {
  key: unknown;
  value: unknown;
  /** Record timestamp in epoch milliseconds; stream time is derived from these, never the wall clock. */
  timestamp: number;
  headers?: Record<string, string>;
}

export interface DesignSettings {
  defaultKeySerde: SerdeName;
  defaultValueSerde: SerdeName;
  /** Partitions of simulated topics (and of topics the generated app creates). */
  partitions: number;
}

export interface TopologyDocument {
  format: typeof DOCUMENT_FORMAT;
  version: typeof CURRENT_VERSION;
  /** Application name; becomes the Kafka application.id. */
  name: string;
  description?: string;
  nodes: DesignNode[];
  edges: DesignEdge[];
  /** Sample records per source topic, in the order they are piped. */
  samples: Record<string, SampleRecord[]>;
  settings: DesignSettings;
  /** Test cases: samples in, records expected out (test-cases.ts; run by the designer, `streamwright test` and the exported project). */
  tests?: DesignTestCase[];
  /** Saved versions, oldest first (versions.ts): each a snapshot of the design without its versions. */
  versions?: DesignVersion[];
  /**
   * What the design says about each topic beyond its name (a table without prototype, as samples):
   * its partition count (else settings.partitions) and the schemas of its keys and values.
   */
  topics?: Record<string, TopicSettings>;
}

/** Schema languages a topic's key or value can be described in. */
export type SchemaFormat = 'avro' | 'json-schema' | 'protobuf';

export interface TopicSchema {
  format: SchemaFormat;
  /** The schema's source text (.avsc JSON, JSON Schema JSON, or .proto text). */
  text: string;
  /** Protobuf: the message type (fully qualified) that the records are; the file may declare several. */
  messageType?: string;
  /** Schema Registry subject, when it is not Kafka's TopicNameStrategy (`<topic>-key` / `<topic>-value`). */
  subject?: string;
}

export interface TopicSettings {
  partitions?: number;
  keySchema?: TopicSchema;
  valueSchema?: TopicSchema;
}

export interface DesignVersion {
  id: string;
  name: string;
  message: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  design: Omit<TopologyDocument, 'versions'>;
}

/** How a test case compares a sink's records (src/engine/expect-records.ts implements them). */
export type AssertionMode = 'exact' | 'ignoreOrder' | 'lastPerKey' | 'onlyKeys';

export interface ExpectedSinkRecords {
  mode: AssertionMode;
  /** A record without a timestamp matches any timestamp. */
  records: { key: unknown; value: unknown; timestamp?: number }[];
}

export interface DesignTestCase {
  /** Stable id, never shown. */
  id: string;
  name: string;
  description?: string;
  /** Records piped per source topic, instead of the design's samples. */
  samples: Record<string, SampleRecord[]>;
  /** Per sink topic, what it must receive (sinks not listed are not checked). */
  expected: Record<string, ExpectedSinkRecords>;
}

export type Severity = 'error' | 'warning';

/**
 * A problem found in a design, as data: consumers switch on `code` (see diagnostics.ts and
 * docs/diagnostics.md), never on `message`. The checker returns these; it never throws on user mistakes.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The node the problem belongs to, if any. */
  nodeId?: string;
  /** The param (`mapper`, `branches.1.predicate`) or part of the node (`name`, `inputs`) it belongs to. */
  param?: string;
  /** The edge the problem belongs to, if any. */
  edgeId?: string;
  /** The test case the problem belongs to, if any (param then says where inside it). */
  testId?: string;
  /** Position inside a function's source (1-based), for parse errors. */
  line?: number;
  column?: number;
}
