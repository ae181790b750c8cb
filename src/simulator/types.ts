/**
 * The simulator's contract with the designer: a request (the design, optional sample override,
 * limits) and a result (per-node traces with lineage, sink outputs, stores, describe() text, errors).
 */
import type { Diagnostic, SampleRecord, TopologyDocument } from '../model/types';

export interface SimulationRequest {
  doc: TopologyDocument;
  /** Samples to use instead of doc.samples (per source topic). */
  samples?: Record<string, SampleRecord[]>;
  /** Stop after this many emitted records per node are kept in traces (default 10_000). */
  maxTracePerNode?: number;
  /** Report every user function call (slow; used only to locate an endless function). */
  reportFunctionCalls?: boolean;
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
}

export interface NodeError {
  message: string;
  /** The function param that threw, when a user function failed. */
  field?: string;
  record?: { key: unknown; value: unknown; timestamp: number };
}

export interface NodeResult {
  emitted: TracedRecord[];
  /** Total emitted (emitted may be truncated to maxTracePerNode). */
  emittedCount: number;
  recordsIn: number;
  dropped: number;
  error?: NodeError;
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
  describe: string;
  diagnostics: Diagnostic[];
  /** The first fatal error (compile or processing), naming the node when known. */
  error?: { nodeId?: string; message: string; field?: string; record?: { key: unknown; value: unknown; timestamp: number } };
  durationMs: number;
}

/** Messages between the page and the simulator worker. */
/** samplesUnchanged: the worker reuses the samples it got last time (saves copying them on every edit). */
export type WorkerRequest = { type: 'run'; id: number; request: SimulationRequest; samplesUnchanged?: boolean };
export type WorkerResponse =
  | { type: 'result'; id: number; result: SimulationResult }
  /** Sent before processing each input record, so a timeout can name where it hung. */
  | { type: 'progress'; id: number; inputId: string }
  /** Sent before every user function call when reportFunctionCalls is set. */
  | { type: 'call'; id: number; nodeId: string; param: string };
