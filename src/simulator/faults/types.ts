/**
 * The fault model of the Faults view (docs/faults.md): faults placed at input records, the app's
 * processing guarantee and commit interval, and what a run under faults changes per sink against
 * the fault-free run. Shared by the pure fault simulator, the lineage-driven search and the page.
 */

/** Input records are named by their preview id, "<topic>#<index>" (index: the sample's offset in its topic). */
export type Fault =
  /** The app (every task) is killed after processing `at`, before the commit that would follow, and restarts from its last commit. */
  | { kind: 'crash'; at: string }
  /** `at` is delivered twice (a producer retry without idempotence): the copy comes right after it. */
  | { kind: 'duplicate'; at: string }
  /**
   * `at` arrives late, with its own timestamp: after the records whose timestamp is at most its own
   * plus `byMs` (absent: after every other record, past any grace period).
   */
  | { kind: 'delay'; at: string; byMs?: number }
  /** `at` and the next record of its topic (partition) arrive in swapped order. */
  | { kind: 'reorder'; at: string };

export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = ['crash', 'duplicate', 'delay', 'reorder'];

export type Guarantee = 'at-least-once' | 'exactly-once';

/**
 * How often the app commits: every `every` input records, or every `every` ms of stream time (the
 * exported app commits every COMMIT_INTERVAL_MS of wall-clock time; the preview has no wall clock).
 */
export interface CommitInterval {
  every: number;
  unit: 'records' | 'ms';
}

export interface FaultSettings {
  guarantee: Guarantee;
  commit: CommitInterval;
}

export const DEFAULT_FAULT_SETTINGS: FaultSettings = { guarantee: 'at-least-once', commit: { every: 10, unit: 'records' } };

export interface SinkRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
}

export type DifferenceKind = 'lost' | 'duplicated' | 'changed' | 'added' | 'reordered';

/**
 * One difference in a sink against the fault-free run. lost: a record missing; duplicated: extra
 * copies of a record the fault-free run also wrote; changed: a record of a key replaced by another of
 * the same key (`record` the fault-free one, `to` what came instead); added: a record of a key the
 * fault-free run never wrote, with nothing of its key lost; reordered: a key whose records came in
 * another order (`record`: its first record out of place).
 */
export interface SinkDifference {
  kind: DifferenceKind;
  topic: string;
  key: unknown;
  record: SinkRecord;
  to?: SinkRecord;
  /** How many copies (lost, duplicated, added). */
  count: number;
  /** The faults that cause it: the single faults that alone cause it, else all faults of the run (together). */
  causes: Fault[];
  /** True when no single fault causes it alone, only the faults together. */
  together?: boolean;
}

export interface SinkReport {
  topic: string;
  faultFree: number;
  faulty: number;
  differences: SinkDifference[];
}

export interface FaultReport {
  ok: boolean;
  /** Why a run did not finish (a design with errors, a processing error, an unknown input id). */
  error?: string;
  settings: FaultSettings;
  faults: Fault[];
  sinks: SinkReport[];
  /**
   * Faults the time limit left no time to run alone: differences no other fault explains name these
   * as their possible causes.
   */
  unattributed?: Fault[];
  /** Crashes that happened, with the record the restart went back to (null: nothing was committed yet). */
  restarts: { at: string; from: string | null; replayed: number }[];
}

/** Describes a fault for people (the page and reports use the same words). */
export function faultText(f: Fault): string {
  switch (f.kind) {
    case 'crash':
      return `crash after ${f.at}`;
    case 'duplicate':
      return `duplicate ${f.at}`;
    case 'delay':
      return f.byMs === undefined ? `delay ${f.at} to the end` : `delay ${f.at} by ${f.byMs} ms`;
    case 'reorder':
      return `reorder ${f.at} with the next record`;
  }
}

export function sameFault(a: Fault, b: Fault): boolean {
  return a.kind === b.kind && a.at === b.at && (a.kind !== 'delay' || a.byMs === (b as typeof a).byMs);
}
