/**
 * What a run under faults changes in one sink against the fault-free run: records lost, duplicated,
 * changed (a key's record replaced by another), added, and keys whose records came in another
 * order. Records are compared by key and value; order per key (Kafka orders only within
 * a partition, and a key stays in one). Pure.
 */
import { groupedBy, splitByCopies } from '../partitions/compare';
import type { SinkDifference, SinkRecord } from './types';

export type Difference = Omit<SinkDifference, 'causes' | 'together'>;

// Timestamps are left out: an update that comes later or earlier with the same value is the same update.
const text = (r: SinkRecord): string => JSON.stringify([r.key, r.value]) ?? '';
const keyText = (key: unknown): string => JSON.stringify(key) ?? 'undefined';

/**
 * The same difference in two runs (attribution compares a combined run's differences with each
 * single fault's). Counts are left out: two faults may each add a copy of the same record.
 */
export function differenceId(d: Difference): string {
  return `${d.kind}|${d.topic}|${d.kind === 'reordered' ? keyText(d.key) : text(d.record)}|${d.to ? text(d.to) : ''}`;
}

export function compareSink(topic: string, before: readonly SinkRecord[], after: readonly SinkRecord[]): Difference[] {
  const counts = new Map<string, { record: SinkRecord; before: number; after: number }>();
  const entry = (r: SinkRecord) => counts.get(text(r)) ?? counts.set(text(r), { record: r, before: 0, after: 0 }).get(text(r))!;
  for (const r of before) entry(r).before++;
  for (const r of after) entry(r).after++;
  const out: Difference[] = [];
  // Per key: records missing and records extra (not copies of a fault-free record), in run order.
  const missing = new Map<string, SinkRecord[]>();
  const extra = new Map<string, SinkRecord[]>();
  const push = (m: Map<string, SinkRecord[]>, r: SinkRecord, n: number) => {
    const list = m.get(keyText(r.key)) ?? m.set(keyText(r.key), []).get(keyText(r.key))!;
    for (let i = 0; i < n; i++) list.push(r);
  };
  for (const { record, before: b, after: a } of counts.values()) {
    if (a > b && b > 0) out.push({ kind: 'duplicated', topic, key: record.key, record, count: a - b });
    else if (a > b) push(extra, record, a - b);
    else if (b > a) push(missing, record, b - a);
  }
  for (const [k, gone] of missing) {
    const instead = extra.get(k) ?? [];
    gone.forEach((record, i) => {
      if (i < instead.length) out.push({ kind: 'changed', topic, key: record.key, record, to: instead[i], count: 1 });
      else out.push({ kind: 'lost', topic, key: record.key, record, count: 1 });
    });
    extra.set(k, instead.slice(gone.length));
  }
  for (const rest of extra.values()) for (const record of rest) out.push({ kind: 'added', topic, key: record.key, record, count: 1 });
  out.push(...reordered(topic, before, after));
  return merge(out);
}

/** Keys whose records present in both runs come in another order. */
function reordered(topic: string, before: readonly SinkRecord[], after: readonly SinkRecord[]): Difference[] {
  const a = groupedBy(before, (r) => keyText(r.key));
  const b = groupedBy(after, (r) => keyText(r.key));
  const out: Difference[] = [];
  for (const [k, xs] of a) {
    const ys = b.get(k);
    if (!ys) continue;
    const [p, q] = [splitByCopies(xs, ys, text)[0], splitByCopies(ys, xs, text)[0]];
    const at = p.findIndex((r, i) => text(r) !== text(q[i]));
    if (at >= 0) out.push({ kind: 'reordered', topic, key: xs[0].key, record: q[at], count: 1 });
  }
  return out;
}

/** Identical lost/added records of a key as one difference with their count. */
function merge(ds: Difference[]): Difference[] {
  const out: Difference[] = [];
  const seen = new Map<string, Difference>();
  for (const d of ds) {
    const id = d.kind === 'lost' || d.kind === 'added' ? `${d.kind}|${text(d.record)}` : null;
    const prev = id ? seen.get(id) : undefined;
    if (prev) prev.count += d.count;
    else {
      out.push(d);
      if (id) seen.set(id, d);
    }
  }
  return out;
}

/** Whether a record is touched by a sink's differences (lost, duplicated, changed, or out of place in its key's order). */
export function touches(ds: readonly Difference[], topic: string, r: SinkRecord): boolean {
  const t = text(r);
  return ds.some((d) => d.topic === topic && ((d.kind !== 'added' && d.kind !== 'reordered' && text(d.record) === t) || (d.kind === 'reordered' && keyText(d.key) === keyText(r.key))));
}
