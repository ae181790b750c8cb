/**
 * The Faults tab's questions, answered in the preview's worker next to the run it keeps: the
 * report for chosen faults (differences per sink, the first ones sent) and the lineage-driven search
 * for one output record (within the time limit the page gives). Pure.
 */
import type { SampleRecord, TopologyDocument } from '../../model/types';
import type { SimulationResult } from '../types';
import { reportOn } from './report';
import { prepareRun, type PreparedRun } from './run';
import { searchFaults, type SearchReport } from './search';
import type { Fault, FaultKind, FaultReport, FaultSettings } from './types';

/** Differences sent per sink (the counts are always right). */
export const FAULT_VIEW_LIMIT = 500;

export type FaultQuery =
  | { kind: 'faults'; faults: Fault[]; settings: FaultSettings; timeLimitMs?: number }
  | { kind: 'fault-search'; recordId: string; settings: FaultSettings; kinds?: FaultKind[]; timeLimitMs?: number; maxPairs?: number };

export interface FaultAnswers {
  faults: FaultReport & { differenceCounts: Record<string, number> };
  'fault-search': SearchReport;
}

/** What a kept run was made from: the design and the samples it ran. */
export interface RunSource {
  doc: TopologyDocument;
  samples: Record<string, SampleRecord[]>;
}

/** The compiled design per kept run (a search after a report compiles nothing again). */
const compiled = new WeakMap<RunSource, PreparedRun | { error: string }>();

function prepared(source: RunSource): PreparedRun | { error: string } {
  let p = compiled.get(source);
  if (!p) compiled.set(source, (p = prepareRun(source.doc, source.samples)));
  return p;
}

export function answerFaults(result: SimulationResult, source: RunSource, query: FaultQuery, now?: () => number): FaultAnswers[FaultQuery['kind']] {
  const p = prepared(source);
  if (query.kind === 'fault-search') {
    if ('error' in p) return { ok: false, error: p.error, recordId: query.recordId, topic: '', record: null, inputIds: [], found: [], tried: { singles: 0, pairs: 0 }, space: { singles: 0, pairs: 0 }, stopped: 'exhausted', coverage: 0 };
    return searchFaults(p, result, query.recordId, query.settings, { kinds: query.kinds, timeLimitMs: query.timeLimitMs, maxPairs: query.maxPairs, now });
  }
  if ('error' in p) return { ok: false, error: p.error, settings: query.settings, faults: query.faults, sinks: [], restarts: [], differenceCounts: {} };
  const clock = now ?? (() => Date.now());
  const report = reportOn(p, query.faults, query.settings, query.timeLimitMs === undefined ? undefined : { deadline: clock() + query.timeLimitMs, now: clock });
  const differenceCounts = Object.fromEntries(report.sinks.map((s) => [s.topic, s.differences.length]));
  return { ...report, sinks: report.sinks.map((s) => ({ ...s, differences: s.differences.slice(0, FAULT_VIEW_LIMIT) })), differenceCounts };
}
