/**
 * Lineage-driven fault injection (Alvaro, Rosen, Hellerstein: "Lineage-driven Fault Injection",
 * SIGMOD 2015), for one output record: the preview's lineage names the input records it was made
 * from (through the state it depends on), so only faults touching those records are tried; every
 * single fault first, then pairs up to a budget, until the time limit. The answer is the smallest
 * fault set that changes the record (lost, duplicated, changed, or out of place in its key's order),
 * and how much of the space was covered. Pure.
 */
import { lineageThroughState, recordById } from '../lineage';
import type { SimulationResult } from '../types';
import { compareSink, touches, type Difference } from './compare';
import { canReorder, inputId } from './input-faults';
import { runWithFaults, type PreparedRun } from './run';
import { FAULT_KINDS, type Fault, type FaultKind, type FaultSettings, type SinkRecord } from './types';

export interface SearchOptions {
  kinds?: readonly FaultKind[];
  /** Pairs tried at most (after every single fault). */
  maxPairs?: number;
  timeLimitMs?: number;
  now?: () => number;
}

export interface FoundSet {
  faults: Fault[];
  /** What the set changes about the record. */
  differences: Difference[];
}

export interface SearchReport {
  ok: boolean;
  error?: string;
  recordId: string;
  topic: string;
  record: SinkRecord | null;
  /** The input records the lineage names (the faults are placed on them and on the crashes that redo them). */
  inputIds: string[];
  /** Every minimal set found: all single faults that change the record, or the first pair. */
  found: FoundSet[];
  tried: { singles: number; pairs: number };
  space: { singles: number; pairs: number };
  /** found: a set was found; exhausted: every candidate set tried, none changes it; time/budget: stopped early. */
  stopped: 'found' | 'exhausted' | 'time' | 'budget';
  /** Sets tried over sets in the space (singles and every pair). */
  coverage: number;
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function searchFaults(prepared: PreparedRun, result: SimulationResult, recordId: string, settings: FaultSettings, options: SearchOptions = {}): SearchReport {
  const now = options.now ?? clock;
  const deadline = now() + (options.timeLimitMs ?? 2000);
  const target = targetOf(prepared, result, recordId);
  const empty = { recordId, topic: target.topic, record: target.record, inputIds: target.inputIds, found: [], tried: { singles: 0, pairs: 0 }, space: { singles: 0, pairs: 0 }, coverage: 0 };
  if (target.error) return { ok: false, error: target.error, ...empty, stopped: 'exhausted' };
  const base = runWithFaults(prepared, [], settings);
  if (!base.ok) return { ok: false, error: base.error, ...empty, stopped: 'exhausted' };
  const candidates = candidateFaults(prepared, target.inputIds, options.kinds ?? FAULT_KINDS);
  const pairs = (candidates.length * (candidates.length - 1)) / 2;
  const report: SearchReport = { ...empty, ok: true, space: { singles: candidates.length, pairs }, stopped: 'exhausted' };
  const changes = (faults: Fault[]): Difference[] | null => {
    const run = runWithFaults(prepared, faults, settings);
    const ds = compareSink(target.topic, base.sinks[target.topic] ?? [], run.sinks[target.topic] ?? []).filter((d) => touches([d], target.topic, target.record!));
    return ds.length ? ds : null;
  };
  const finish = (stopped: SearchReport['stopped']) => {
    const { singles, pairs: p } = report.tried;
    report.coverage = report.space.singles + report.space.pairs === 0 ? 1 : (singles + p) / (report.space.singles + report.space.pairs);
    return { ...report, stopped };
  };
  for (const f of candidates) {
    if (now() > deadline) return finish('time');
    report.tried.singles++;
    const ds = changes([f]);
    if (ds) report.found.push({ faults: [f], differences: ds });
  }
  if (report.found.length) return finish('found');
  const maxPairs = options.maxPairs ?? 500;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (now() > deadline) return finish('time');
      if (report.tried.pairs >= maxPairs) return finish('budget');
      report.tried.pairs++;
      const ds = changes([candidates[i], candidates[j]]);
      if (ds) {
        report.found.push({ faults: [candidates[i], candidates[j]], differences: ds });
        return finish('found');
      }
    }
  }
  return finish('exhausted');
}

interface Target {
  error?: string;
  topic: string;
  record: SinkRecord | null;
  inputIds: string[];
}

/** The sink record (a `to` node's record) and the inputs its lineage names, in processing order. */
function targetOf(prepared: PreparedRun, result: SimulationResult, recordId: string): Target {
  const nodeId = recordId.slice(0, recordId.lastIndexOf('#'));
  const node = prepared.doc.nodes.find((n) => n.id === nodeId);
  const rec = recordById(result, recordId);
  if (!node || node.kind !== 'to' || !rec) return { error: `${recordId} is not a record written to a sink topic`, topic: '', record: null, inputIds: [] };
  const order = new Map(prepared.merged.map((x, i) => [inputId(x), i]));
  // The inputs its value was made from, and the input whose processing wrote it (a suppress's or a window's emit).
  const ids = new Set([...(lineageThroughState(result, recordId)?.inputIds ?? []), ...rec.inputIds]);
  const inputIds = [...ids].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  return { topic: String(node.params.topic), record: { key: rec.key, value: rec.value, timestamp: rec.timestamp }, inputIds };
}

/**
 * Single faults touching the lineage, per lineage input: duplicated, delayed, reordered, and a crash
 * right after it (the restart redoes it and the records back to the last commit). A crash after a
 * record outside the lineage redoes the same lineage inputs as the crash after the last lineage
 * input before it, plus records the output does not depend on: it is not tried again.
 */
export function candidateFaults(prepared: PreparedRun, inputIds: readonly string[], kinds: readonly FaultKind[]): Fault[] {
  const out: Fault[] = [];
  const want = new Set(kinds);
  for (const at of inputIds) {
    if (want.has('duplicate')) out.push({ kind: 'duplicate', at });
    if (want.has('delay')) out.push({ kind: 'delay', at });
    if (want.has('reorder') && canReorder(prepared.merged, at)) out.push({ kind: 'reorder', at });
    if (want.has('crash')) out.push({ kind: 'crash', at });
  }
  return out;
}
