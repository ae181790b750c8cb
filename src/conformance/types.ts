/** The conformance case format of shared/conformance (cases translated from Kafka's tests). */
export interface CaseNode {
  id: string;
  op: string;
  inputs?: string[];
  [field: string]: unknown;
}

export interface PipeStep {
  pipe: { topic: string; key: unknown; value: unknown; timestamp?: number };
}
export interface ExpectStep {
  expect: Record<string, unknown>;
}
export interface StorePutStep {
  storePut: { store: string; key: unknown; value: unknown };
}
export type Step = PipeStep | ExpectStep | StorePutStep | { advanceWallClockMs: number };

export interface ConformanceCase {
  name: string;
  source?: string;
  topology: { nodes: CaseNode[] };
  steps: Step[];
  expected: Record<string, unknown>;
  note?: string;
  /** The mock wall clock at topology start (absent: the test used system time). */
  wallClockStartMs?: number;
}

export interface CaseResult {
  name: string;
  pass: boolean;
  failures: string[];
  trace: { step: number; emitted: Record<string, { key: unknown; value: unknown; timestamp: number }[]> }[];
  stores: Record<string, { key: unknown; value: unknown; timestamp?: number }[]>;
  droppedRecords: number;
}
