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

export function reportOn(prepared: PreparedRun, faults: Fault[], settings: FaultSettings): FaultReport {
  const base = runWithFaults(prepared, [], settings);
  const faulty = runWithFaults(prepared, faults, settings);
  const failed = [base, faulty].find((r) => !r.ok);
  const head = { settings, faults, restarts: faulty.restarts };
  if (failed) return { ok: false, error: failed.error, sinks: [], ...head };
  const diffs = differences(base, faulty);
  // One fault: it is the cause of everything. Several: which of them alone shows each difference.
  const alone = faults.length > 1 ? faults.map((f) => new Set(differences(base, runWithFaults(prepared, [f], settings)).map(differenceId))) : [];
  const sinks: SinkReport[] = topics(base, faulty).map((topic) => ({
    topic,
    faultFree: base.sinks[topic]?.length ?? 0,
    faulty: faulty.sinks[topic]?.length ?? 0,
    differences: diffs
      .filter((d) => d.topic === topic)
      .map((d) => {
        if (faults.length <= 1) return { ...d, causes: faults };
        const causes = faults.filter((_, i) => alone[i].has(differenceId(d)));
        return causes.length ? { ...d, causes } : { ...d, causes: faults, together: true };
      }),
  }));
  return { ok: true, sinks, ...head };
}

export function differences(base: FaultRun, faulty: FaultRun): Difference[] {
  return topics(base, faulty).flatMap((t) => compareSink(t, base.sinks[t] ?? [], faulty.sinks[t] ?? []));
}

function topics(a: FaultRun, b: FaultRun): string[] {
  return [...new Set([...Object.keys(a.sinks), ...Object.keys(b.sinks)])].sort();
}
