/**
 * The Faults view's report: the samples run fault-free and under the chosen faults, and per sink
 * what changed, each difference attributed to the faults that cause it. Attribution is
 * counterfactual: every fault also runs alone; a difference belongs to the single faults whose own
 * run shows it, and to all faults together when none does (they cause it only in combination). Pure.
 */
import type { SampleRecord, TopologyDocument } from '../../model/types';
import { compareSink, differenceId, type Difference } from './compare';
import { prepareRun, runWithFaults, type FaultRun, type PreparedRun } from './run';
import type { Fault, FaultReport, FaultSettings, SinkReport } from './types';

export function faultReport(doc: TopologyDocument, samples: Record<string, SampleRecord[]>, faults: Fault[], settings: FaultSettings): FaultReport {
  const prepared = prepareRun(doc, samples);
  if ('error' in prepared) return { ok: false, error: prepared.error, settings, faults, sinks: [], restarts: [] };
  return reportOn(prepared, faults, settings);
}

/** Attribution runs each fault alone until `deadline` (by `now`); the faults not run by then are reported in `unattributed`. */
export interface ReportLimit {
  deadline: number;
  now: () => number;
}

export function reportOn(prepared: PreparedRun, faults: Fault[], settings: FaultSettings, limit?: ReportLimit): FaultReport {
  const base = runWithFaults(prepared, [], settings);
  const faulty = runWithFaults(prepared, faults, settings);
  const failed = [base, faulty].find((r) => !r.ok);
  const head = { settings, faults, restarts: faulty.restarts };
  if (failed) return { ok: false, error: failed.error, sinks: [], ...head };
  const diffs = differences(base, faulty);
  // One fault: it is the cause of everything. Several: which of them alone shows each difference.
  const alone: Set<string>[] = [];
  for (const f of faults.length > 1 ? faults : []) {
    if (limit && limit.now() > limit.deadline) break;
    alone.push(new Set(differences(base, runWithFaults(prepared, [f], settings)).map(differenceId)));
  }
  // A difference no fault run alone shows is theirs together, unless some faults were not run alone.
  const unattributed = faults.length > 1 ? faults.slice(alone.length) : [];
  const sinks: SinkReport[] = topics(base, faulty).map((topic) => ({
    topic,
    faultFree: base.sinks[topic]?.length ?? 0,
    faulty: faulty.sinks[topic]?.length ?? 0,
    differences: diffs
      .filter((d) => d.topic === topic)
      .map((d) => {
        if (faults.length <= 1) return { ...d, causes: faults };
        const causes = faults.filter((_, i) => alone[i]?.has(differenceId(d)));
        if (causes.length) return { ...d, causes };
        return unattributed.length ? { ...d, causes: unattributed } : { ...d, causes: faults, together: true };
      }),
  }));
  return { ok: true, sinks, ...head, ...(unattributed.length ? { unattributed } : {}) };
}

export function differences(base: FaultRun, faulty: FaultRun): Difference[] {
  return topics(base, faulty).flatMap((t) => compareSink(t, base.sinks[t] ?? [], faulty.sinks[t] ?? []));
}

function topics(a: FaultRun, b: FaultRun): string[] {
  return [...new Set([...Object.keys(a.sinks), ...Object.keys(b.sinks)])].sort();
}
