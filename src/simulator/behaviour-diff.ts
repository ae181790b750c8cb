/**
 * What a change does, record by record: both versions of a design run on the same samples (the new
 * version's, or those given) and on each test case of either version (the new version's samples of a
 * case when both have it), and per sink the records added, removed and changed are listed. One
 * rule for the comparison: the engine's exact-order diff (removed = only the old version wrote it).
 */
import { compareRecords, type ActualRecord } from '../engine';
import type { SampleRecord, TopologyDocument } from '../model/types';
import { simulate } from './simulate';

export interface SinkBehaviour {
  topic: string;
  added: ActualRecord[];
  removed: ActualRecord[];
  changed: { before: ActualRecord; after: ActualRecord }[];
  unchanged: number;
}

export interface BehaviourRun {
  /** "samples" or "test case <name>". */
  label: string;
  /** Sinks whose records differ (sinks that did not change are left out). */
  sinks: SinkBehaviour[];
  /** A version whose run failed, with why. */
  errors: { before?: string; after?: string };
}

function sinksOf(doc: TopologyDocument, samples: Record<string, SampleRecord[]>): { sinks: Record<string, ActualRecord[]>; error?: string } {
  const r = simulate({ doc, samples, maxTracePerNode: 0 });
  const error = r.error?.message ?? (r.ok ? undefined : 'the design has errors');
  return { sinks: r.sinks, ...(error ? { error } : {}) };
}

function compareRun(label: string, before: TopologyDocument, after: TopologyDocument, samples: Record<string, SampleRecord[]>): BehaviourRun {
  const a = sinksOf(before, samples);
  const b = sinksOf(after, samples);
  const topics = [...new Set([...Object.keys(a.sinks), ...Object.keys(b.sinks)])];
  const sinks: SinkBehaviour[] = [];
  for (const topic of topics) {
    const v = compareRecords(topic, 'exact', Object.hasOwn(a.sinks, topic) ? a.sinks[topic] : [], Object.hasOwn(b.sinks, topic) ? b.sinks[topic] : []);
    if (v.pass) continue;
    const s: SinkBehaviour = { topic, added: [], removed: [], changed: [], unchanged: 0 };
    for (const row of v.rows) {
      if (row.op === 'same') s.unchanged++;
      else if (row.op === 'unexpected') s.added.push(row.actual);
      else if (row.op === 'missing') s.removed.push(row.expected as ActualRecord);
      else s.changed.push({ before: row.expected as ActualRecord, after: row.actual });
    }
    sinks.push(s);
  }
  return { label, sinks, errors: { ...(a.error ? { before: a.error } : {}), ...(b.error ? { after: b.error } : {}) } };
}

export function behaviourDiff(before: TopologyDocument, after: TopologyDocument, samples: Record<string, SampleRecord[]> = after.samples): BehaviourRun[] {
  const runs = [compareRun('samples', before, after, samples)];
  const cases = new Map<string, Record<string, SampleRecord[]>>();
  for (const t of [...(before.tests ?? []), ...(after.tests ?? [])]) cases.set(t.name, t.samples);
  for (const [name, caseSamples] of cases) runs.push(compareRun(`test case ${name}`, before, after, caseSamples));
  return runs;
}

/** True when some run differs or failed on one side only. */
export function behaviourChanged(runs: readonly BehaviourRun[]): boolean {
  return runs.some((r) => r.sinks.length > 0 || (r.errors.before ?? '') !== (r.errors.after ?? ''));
}
