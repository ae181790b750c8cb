/**
 * The simulator's contract with the designer: a request (the design, optional sample override,
 * limits) and a result (per-node traces with lineage, sink outputs, stores, describe() text, errors).
 */
import type { StoreEntry } from '../engine';
import type { Diagnostic, SampleRecord, TopologyDocument } from '../model/types';
import type { LineageGraph, LineageRule } from './lineage-graph';
import type { NotDataKind } from './plain-data';
import type { Recording } from './timeline/recorder';
import type { Moment, TimelineOverview } from './timeline/types';
import type { PartitionView } from './partitions/partition-view';
import type { OrderReport } from './order/order-finder';
import type { TestCaseResult } from './test-run';
import type { FaultAnswers, FaultQuery } from './faults/view';
import type { BehaviourRun } from './behaviour-diff';
import type { InvariantAnswer, InvariantQuery } from './invariant-search';

export interface SimulationRequest {
  doc: TopologyDocument;
  /** Samples to use instead of doc.samples (per source topic). */
  samples?: Record<string, SampleRecord[]>;
  /** Stop after this many emitted records per node are kept in traces (default 10_000). */
  maxTracePerNode?: number;
  /** Report every user function call (slow; used only to locate an endless function). */
  reportFunctionCalls?: boolean;
  /**
   * The mock wall clock processors see (TopologyTestDriver's): it starts at startMs (default 0); after
   * each input record it moves by perRecordMs and/or up to the record's timestamp (followEventTime);
   * after the samples it moves by advanceMs. Each move runs the WALL_CLOCK_TIME punctuations then due
   * (src/simulator/wall-clock.ts).
   */
  wallClock?: { startMs?: number; advanceMs?: number; perRecordMs?: number; followEventTime?: boolean };
  /** Record what the timeline shows (every record, drops with their rule, store histories): result.recording. */
  record?: boolean;
}

/** A punctuation that ran in the preview: when, which callback, what it forwarded. */
export interface PunctuationRun {
  nodeId: string;
  type: 'STREAM_TIME' | 'WALL_CLOCK_TIME';
  /** The callback's name, or "#<n>" (the n-th schedule of the processor, from 1) for an anonymous one. */
  callback: string;
  intervalMs: number;
  /** The time it ran with (stream time or the wall clock). */
  timestamp: number;
  /** The input record whose processing it followed (STREAM_TIME), or null (the wall clock moved). */
  afterInputId: string | null;
  /** What it forwarded (the first 20) and how many. */
  forwarded: { key: unknown; value: unknown; timestamp: number }[];
  forwardedCount: number;
}

export interface TracedRecord {
  /** Stable within a run: "<nodeId>#<n>" for emitted records, "<topic>#<index>" for inputs. */
  id: string;
  key: unknown;
  value: unknown;
  timestamp: number;
  /** For windowed keys: the window, also present inside key as { key, start, end }. */
  window?: { start: number; end: number };
  /** Ids of the source input records that caused this record (lineage). */
  inputIds: string[];
  /** For KTable outputs: the previous value when known. */
  oldValue?: unknown;
  /** Emitted records only: the order of emission in the run (records of one forward share it). */
  seq?: number;
  /** Emitted records only: the upstream record this node was processing when it emitted this one. */
  causeId?: string;
  /** Foreign-key join outputs only: the right table key the left row's foreign key named. */
  foreignKey?: unknown;
}

export interface NodeError {
  message: string;
  /** The function param that threw, when a user function failed. */
  field?: string;
  record?: { key: unknown; value: unknown; timestamp: number };
}

/** A node's user function returned something that is not plain data (shown as `text` in the preview). */
export interface NotDataProblem {
  code: 'value-not-data';
  kind: NotDataKind;
  /** Where in the record it was. */
  part: 'key' | 'value';
  /** How the preview shows it, e.g. "[function toUpperCase]". */
  text: string;
  /** The function param, when the node has one function. */
  field?: string;
  message: string;
}

export interface NodeResult {
  emitted: TracedRecord[];
  /** Total emitted (emitted may be truncated to maxTracePerNode). */
  emittedCount: number;
  recordsIn: number;
  dropped: number;
  /** Ids of the input records whose processing this node dropped (late, expired, invalid); the first 1000. */
  droppedInputs: string[];
  error?: NodeError;
  notData?: NotDataProblem;
}

export interface SimulationResult {
  ok: boolean;
  nodes: Record<string, NodeResult>;
  /** Input records as piped, per topic, with their ids (with maxTracePerNode: only those a kept trace came from). */
  inputs: Record<string, TracedRecord[]>;
  sinks: Record<string, { key: unknown; value: unknown; timestamp: number }[]>;
  /** Store contents at the end, by store name; storeOwners maps store name -> node id. */
  stores: Record<string, { key: unknown; value: unknown; timestamp?: number }[]>;
  storeOwners: Record<string, string>;
  /** How each node's records depend on the records reaching it (lineage through state). */
  graph: LineageGraph;
  describe: string;
  diagnostics: Diagnostic[];
  /** Punctuations that ran (the first 1000), in order. */
  punctuations?: PunctuationRun[];
  /** With request.record: what the timeline needs to show any input record's moment. */
  recording?: Recording;
  /** The first fatal error (compile or processing), naming the node when known. */
  error?: { nodeId?: string; message: string; field?: string; record?: { key: unknown; value: unknown; timestamp: number } };
  durationMs: number;
}

/**
 * What the designer page gets back from a run: only what it shows. The worker keeps the full
 * result and answers queries about it (a node's records, lineage, sink outputs), so a run over 10k
 * records sends back kilobytes, not megabytes (cloning them cost more than the run).
 */
export interface PreviewResult {
  /** The run this came from; queries name it. */
  runId: number;
  ok: boolean;
  nodes: Record<string, PreviewNodeSummary>;
  /** Records per sink topic. */
  sinkCounts: Record<string, number>;
  storeOwners: Record<string, string>;
  describe: string;
  diagnostics: Diagnostic[];
  error?: SimulationResult['error'];
  durationMs: number;
  /** The records of the node the page showed when the run started (null: none asked for). */
  detail: NodeDetail | null;
  /** The design's test cases, run after the preview (rows only for failing sinks); null: the design cannot run. */
  tests?: TestCaseResult[] | null;
}

export interface PreviewNodeSummary {
  emittedCount: number;
  recordsIn: number;
  dropped: number;
  error?: NodeError;
  notData?: NotDataProblem;
  /** Key and value types of the node's first records (the inspector types functions downstream with them). */
  types: { key: string; value: string } | null;
}

/** One node's records and state stores, for the preview table. */
export interface NodeDetail {
  nodeId: string;
  /** The first records the node emitted (up to the limit asked for). */
  emitted: TracedRecord[];
  /** State stores this node owns: their size and first entries. */
  stores: { name: string; size: number; entries: StoreEntry[] }[];
  /** The input records whose processing this node dropped (the first ones, as in droppedInputs). */
  dropped: TracedRecord[];
  /** Records that reached the node (upstream outputs, or input records for a source), in processing order. */
  inputs: TracedRecord[];
  /** For each emitted record shown: the ids of the records in `inputs` it was made from (lineage through state). */
  from: Record<string, string[]>;
  /** How outputs relate to inputs: 'cause' = one record in, records out (its changes can be marked). */
  rule: LineageRule['kind'];
  /** Punctuations of this node's processor that ran (process/processValues only). */
  punctuations?: PunctuationRun[];
}

/** Where a record came from: its input records and every node that emitted a record from them. */
export interface Lineage {
  recordId: string;
  inputIds: string[];
  nodeIds: string[];
  inputs: TracedRecord[];
}

/** What the page shows of a run: the records of one node (limit: how many). */
export interface PreviewView {
  detailNodeId: string | null;
  detailLimit: number;
}

/** timeline and moment: only about a run made with request.record (else answered with null). */
export type PreviewQuery =
  | { kind: 'node'; nodeId: string; limit: number }
  | { kind: 'lineage'; recordId: string }
  | { kind: 'sinks' }
  | { kind: 'timeline' }
  | { kind: 'moment'; position: number }
  /** The recorded run's samples on N partitions, compared with this run. */
  | { kind: 'partitions'; partitions: number }
  /** The recorded run's samples replayed under K arrival orders (order-finder.ts), within the worker's time budget. */
  | { kind: 'orders'; orders: number; seed: number }
  /** The run's samples under faults (faults/view.ts). */
  | FaultQuery
  /** Sample sets generated from the source schemas until one breaks the sink invariant (invariant-search.ts). */
  | InvariantQuery
  | BehaviourQuery;

/**
 * Two versions of a design run on the same samples and test cases (behaviour-diff.ts), in the worker
 * like the preview: answered whatever run `runId` names, as it is about the documents it carries.
 */
export interface BehaviourQuery {
  kind: 'behaviour';
  before: TopologyDocument;
  after: TopologyDocument;
}
export interface PreviewAnswers {
  node: NodeDetail;
  lineage: Lineage;
  sinks: SimulationResult['sinks'];
  timeline: TimelineOverview;
  moment: Moment;
  partitions: PartitionView;
  orders: OrderReport;
  faults: FaultAnswers['faults'];
  'fault-search': FaultAnswers['fault-search'];
  behaviour: BehaviourRun[];
  invariant: InvariantAnswer;
}

/** Messages between the page and the simulator worker. */
/**
 * samplesUnchanged: the worker reuses the samples it got last time (saves copying them on every edit).
 * view: answer with a PreviewResult and keep the full result for queries (else: the full result).
 */
export type WorkerRequest =
  | { type: 'run'; id: number; request: SimulationRequest; samplesUnchanged?: boolean; view?: PreviewView }
  /** A question about a kept run; answered with null when the worker no longer holds that run. */
  | { type: 'query'; id: number; runId: number; query: PreviewQuery };
export type WorkerResponse =
  | { type: 'result'; id: number; result: SimulationResult }
  | { type: 'preview'; id: number; preview: PreviewResult }
  | { type: 'answer'; id: number; answer: PreviewAnswers[PreviewQuery['kind']] | null }
  /** Sent when the worker begins a run (the run's time limit counts from here). */
  | { type: 'started'; id: number }
  /** Sent before processing each input record, so a timeout can name where it hung. */
  | { type: 'progress'; id: number; inputId: string }
  /** Sent before every user function call when reportFunctionCalls is set. */
  | { type: 'call'; id: number; nodeId: string; param: string }
  /** The worker could not answer run `id` (its answer could not be posted, or it threw): what happened. */
  | { type: 'failed'; id: number; message: string };
