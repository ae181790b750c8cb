/**
 * The operator descriptor: the ONE place an operator is defined. Palette, inspector, connection
 * checks, validation, compiler and code generator all read it. One file per operator lives in
 * src/model/operators/, collected by registry.ts.
 */
import type { z } from 'zod';
import type { DslExpr, FunctionSignature } from './dsl-expr';
import type { ConnectorSpec } from './connectors/spec';
import type { DiagnosticCode } from './diagnostics';
import type { DesignNode, StreamKind } from './types';

export type OperatorCategory =
  | 'Sources'
  | 'Stateless'
  | 'Grouping & windows'
  | 'Aggregations'
  | 'Joins'
  | 'Tables'
  | 'Processor API'
  | 'Sinks'
  | 'Connectors';

export const OPERATOR_CATEGORIES: readonly OperatorCategory[] = [
  'Sources',
  'Stateless',
  'Grouping & windows',
  'Aggregations',
  'Joins',
  'Tables',
  'Processor API',
  'Sinks',
  'Connectors',
];

/** How the inspector edits one param. */
export type ParamControl =
  | { type: 'text' }
  | { type: 'topic' }
  /** A state store name (Materialized.as): Kafka's name rule applies. */
  | { type: 'store' }
  | { type: 'number'; min?: number; integer?: boolean }
  /** Milliseconds, edited with a unit picker (ms, s, min, h, d). */
  | { type: 'duration' }
  | { type: 'boolean' }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'serde' }
  /** TypeScript source of a user function, edited in Monaco. */
  | { type: 'function'; signature: FunctionSignature; example: string }
  /** split's list of { name, predicate } branches; each predicate has this signature. */
  | { type: 'branches'; signature: FunctionSignature }
  /** A Processor API object (process/processValues), edited in Monaco; its stores are in the param `storesParam`. */
  | { type: 'processor'; fixedKey: boolean; storesParam: string; example: string }
  /** The state stores a processor node declares: [{ name, type, retentionMs?, windowSizeMs? }]. */
  | { type: 'stores' }
  /**
   * One user function per connected instance of the repeating input port `port` (cogroup's
   * aggregators), kept as { [portName]: source }: each is edited in Monaco beside its input.
   */
  | { type: 'portFunctions'; port: string; signature: FunctionSignature; example: string }
  /** A Kafka Connect connector's config (the node's connector spec lists its keys). */
  | { type: 'connector' };

export interface ParamSpec {
  name: string;
  label: string;
  control: ParamControl;
  help?: string;
  /** Optional params may be absent/empty. */
  optional?: boolean;
  /**
   * Shown (and validated) only when this returns true, e.g. advance only for hopping windows.
   * `inputKinds` are the kinds of the connected upstream outputs (empty while nothing is connected).
   */
  visibleWhen?: (params: Record<string, unknown>, inputKinds: readonly StreamKind[]) => boolean;
}

export interface PortSpec {
  /** "in" for single-input operators, "left"/"right" for joins. */
  name: string;
  label: string;
  accepts: readonly StreamKind[];
  /** merge takes any number of edges on one port; every other port takes exactly one. */
  multiple?: boolean;
  /**
   * A repeating port (cogroup): the node has one port per connection, `${name}0`, `${name}1`, ...,
   * each taking one edge, plus one free port to connect the next (ports.ts expands it).
   */
  repeat?: boolean;
}

/**
 * Why output() refuses its inputs: E_CONNECT_KIND (an upstream kind it cannot take, the default) or
 * E_INPUT_MISSING (it needs more inputs, e.g. merge with one). The connection check refuses a new
 * edge for the first and lets the second through (the design is simply not finished).
 */
export interface OutputError {
  error: string;
  code?: 'E_CONNECT_KIND' | 'E_INPUT_MISSING';
}

/** A problem validate() finds in a node's params. */
export interface ParamProblem {
  code: DiagnosticCode;
  param: string;
  message: string;
}

/** What a node's inputs are, as the compiler and the connection check see them. */
export interface InputTypes {
  /** For each input port, the kinds of the connected upstream outputs (in edge order). */
  [port: string]: StreamKind[];
}

/** Facts about an upstream output beyond its kind, needed by some checks (e.g. suppress). */
export interface OutputType {
  kind: StreamKind;
  /** True for KTables whose keys are Windowed<K> (windowed aggregations). */
  windowed?: boolean;
  /** Session windows (suppress untilWindowCloses needs to know). */
  sessionWindowed?: boolean;
  /** KTables whose output is versioned (own store or inherited): the history retention in ms. */
  versionedRetentionMs?: number;
}

export interface LowerContext {
  node: DesignNode;
  /** Upstream output types per input port, resolved by the compiler. */
  inputs: Record<string, OutputType[]>;
  /** Whether this node adds the named store to the builder (a shared processor store is added once: lower-context.ts). */
  declaresStore?: (storeName: string) => boolean;
}

export interface OperatorDescriptor<P extends Record<string, unknown> = Record<string, unknown>> {
  kind: string;
  label: string;
  category: OperatorCategory;
  /** One or two sentences shown in the palette and inspector. */
  help: string;
  /** Link to the Kafka Streams documentation of this operator. */
  docsUrl: string;
  /** zod schema of the params; parse() fills defaults and rejects bad values (with the field path). */
  schema: z.ZodType<P>;
  /** Default params for a node dropped from the palette. Must satisfy `schema`. */
  defaults: P;
  /** Inspector rows, in display order. */
  paramSpecs: readonly ParamSpec[];
  inputs: readonly PortSpec[];
  /** Output port names; undefined means the single port "out"; sinks return []. */
  outputPorts?: (params: P) => string[];
  /**
   * The type this node produces from its input types, or an error message when Kafka Streams would
   * not allow the combination (e.g. count on an ungrouped stream). Sinks return null.
   */
  output: (inputs: Record<string, OutputType[]>, params: P) => OutputType | null | OutputError;
  /** Extra semantic checks of params beyond the schema (e.g. a join without a window). */
  validate?: (params: P, inputs: Record<string, OutputType[]>) => ParamProblem[];
  /** Topics this node reads (sources) or writes (sinks), for the samples editor and codegen. */
  topics?: (params: P) => { reads?: string[]; writes?: string[] };
  /**
   * For operators with several output ports (split): the key of a port in the object lower()
   * produces (the branch map), so downstream nodes read `result[key]`.
   */
  portKey?: (params: P, port: string) => string;
  /**
   * Params to add when an edge arrives at `port` (cogroup: a starting aggregator for the new input),
   * or null; what the node already has is kept.
   */
  onConnect?: (params: P, port: string) => Partial<P> | null;
  /**
   * Set for Kafka Connect connector nodes (src/model/connectors/): they run outside the topology, tied
   * to it by topic name; the compiler and codegen do not lower them.
   */
  connector?: ConnectorSpec;
  /** How the node lowers to the engine DSL; evaluated by the compiler, printed by codegen. */
  lower: (params: P, ctx: LowerContext) => DslExpr;
}
