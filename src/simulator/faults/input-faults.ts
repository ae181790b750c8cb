/**
 * The faults that change what the app reads (duplicate, delay, reorder) as edits of the input
 * sequence the preview processes (the samples merged by timestamp, as a task takes them). Crashes do
 * not change the input; the runner applies them. Pure.
 */
import type { OrderedInput } from '../../engine';
import type { Fault } from './types';

/** One record the app reads: its preview id and whether it is a second delivery of that record. */
export interface FaultInput extends OrderedInput {
  id: string;
  copy?: boolean;
}

export const inputId = (x: OrderedInput): string => `${x.topic}#${x.index}`;

/**
 * The input as the faults deliver it. Reorders first (they swap neighbours of the original order),
 * then delays, then duplicates (a delayed record's copy follows it to its late place). Throws on a
 * fault naming no input record (the caller reports it).
 */
export function applyInputFaults(merged: readonly OrderedInput[], faults: readonly Fault[]): FaultInput[] {
  const seq: FaultInput[] = merged.map((x) => ({ ...x, id: inputId(x) }));
  const known = new Set(seq.map((x) => x.id));
  for (const f of faults) if (!known.has(f.at)) throw new Error(`${f.kind}: no input record ${f.at}`);
  for (const f of faults) if (f.kind === 'reorder') reorder(seq, f.at);
  for (const f of faults) if (f.kind === 'delay') delay(seq, f.at, f.byMs);
  for (const f of faults) if (f.kind === 'duplicate') duplicate(seq, f.at);
  return seq;
}

function reorder(seq: FaultInput[], id: string): void {
  const i = seq.findIndex((x) => x.id === id);
  const j = seq.findIndex((x, n) => n > i && x.topic === seq[i].topic);
  // The last record of its topic has no neighbour to swap with: nothing changes.
  if (j < 0) return;
  [seq[i], seq[j]] = [seq[j], seq[i]];
}

function delay(seq: FaultInput[], id: string, byMs: number | undefined): void {
  const i = seq.findIndex((x) => x.id === id);
  const [rec] = seq.splice(i, 1);
  const until = byMs === undefined ? Infinity : Number(rec.record.timestamp) + byMs;
  let at = i;
  while (at < seq.length && Number(seq[at].record.timestamp) <= until) at++;
  seq.splice(at, 0, rec);
}

function duplicate(seq: FaultInput[], id: string): void {
  const i = seq.findIndex((x) => x.id === id && !x.copy);
  seq.splice(i + 1, 0, { ...seq[i], copy: true });
}

/** Whether a reorder of `id` changes anything (its topic has a later record). */
export function canReorder(merged: readonly OrderedInput[], id: string): boolean {
  const i = merged.findIndex((x) => inputId(x) === id);
  return i >= 0 && merged.some((x, n) => n > i && x.topic === merged[i].topic);
}
