/**
 * Every node's state as of one input record of a recorded run: its stream time, what it emitted so
 * far, its stores (from the histories' checkpoints, never by running again), its windows with their
 * status, a suppress buffer with when each entry is due, and the drops made on that record. The
 * per-node indexes this needs (running maxima of timestamps, suppress emissions by key) are built
 * once per recording. Pure.
 */
import type { StoreEntry } from '../../engine';
import type { SimulationResult } from '../types';
import { loggedRecord, windowOf, type NodeLog } from './node-log';
import type { NodeRule } from './node-rules';
import type { Recording } from './recorder';
import { upperBound } from './store-history';
import type { BufferedState, DropState, Moment, NodeMoment, WindowState, WindowStatus } from './types';
import { inputsById } from './overview';

/** Entries sent per store and records per list: the timeline shows a moment, not a dump. */
export const MOMENT_LIMIT = 100;
const LAST_RECORDS = 3;
const RECENT_DROPS = 5;
const EXPIRED_WINDOWS_SHOWN = 20;
/** Emitted records looked through for windows that left the store (bounds a step's work). */
const EXPIRED_SCAN = 2000;

interface Indexes {
  /** Per node: running maximum of its emitted records' timestamps. */
  maxTs: Map<string, Float64Array>;
  /** Running maximum of the input timestamps, by position. */
  inputMax: Float64Array;
  /** Per suppress node: positions at which it emitted each key (by key text). */
  emissions: Map<string, Map<string, number[]>>;
  inputs: ReturnType<typeof inputsById>;
}

const cache = new WeakMap<Recording, Indexes>();

function indexes(result: SimulationResult, rec: Recording): Indexes {
  let ix = cache.get(rec);
  if (ix) return ix;
  const maxTs = new Map<string, Float64Array>();
  const emissions = new Map<string, Map<string, number[]>>();
  for (const [id, log] of Object.entries(rec.nodes)) {
    const m = new Float64Array(log.timestamps.length);
    let max = -Infinity;
    log.timestamps.forEach((ts, i) => (m[i] = max = Math.max(max, ts)));
    maxTs.set(id, m);
    if (rec.rules[id]?.kind !== 'suppress') continue;
    const byKey = new Map<string, number[]>();
    log.records.forEach((r, i) => {
      const k = JSON.stringify(r.key);
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(log.positions[i]);
    });
    emissions.set(id, byKey);
  }
  const inputs = inputsById(result);
  const inputMax = new Float64Array(rec.processed);
  let max = -Infinity;
  for (let p = 0; p < rec.processed; p++) inputMax[p] = max = Math.max(max, inputs.get(rec.inputIds[p])?.timestamp ?? -Infinity);
  cache.set(rec, (ix = { maxTs, inputMax, emissions, inputs }));
  return ix;
}

export function momentAt(result: SimulationResult, rec: Recording, requested: number): Moment {
  const position = Math.max(-1, Math.min(rec.processed - 1, Math.floor(requested)));
  const ix = indexes(result, rec);
  const nodes = Object.create(null) as Record<string, NodeMoment>;
  const counts = new Map<string, number>();
  for (const id of Object.keys(result.nodes)) {
    const at = rec.nodes[id]?.positions ?? [];
    counts.set(id, upperBound(at.length, position, (i) => at[i]));
  }
  const dropEnd = upperBound(rec.drops.length, position, (i) => rec.drops[i].position);
  const storesOf = new Map<string, string[]>();
  for (const [name, owner] of Object.entries(result.storeOwners)) (storesOf.get(owner) ?? storesOf.set(owner, []).get(owner)!).push(name);
  for (const id of Object.keys(result.nodes)) {
    const rule = rec.rules[id];
    const streamTime = streamTimeOf(id, rule, counts, ix);
    const n = counts.get(id)!;
    const drops = dropsOf(rec, id, dropEnd, position);
    const stores = (storesOf.get(id) ?? []).flatMap((name) => {
      const h = rec.stores.get(name);
      return h ? [{ name, all: h.at(position) }] : [];
    });
    const moment: NodeMoment = {
      streamTime,
      emitted: n,
      last: lastRecords(rec, id, n),
      ...drops,
      stores: stores.map((s) => ({ name: s.name, size: s.all.length, entries: s.all.slice(0, MOMENT_LIMIT) })),
    };
    if (rule?.window && rule.kind !== 'suppress' && streamTime !== null) moment.windows = windowsOf(stores.flatMap((s) => s.all), rec.nodes[id], n, rule, streamTime);
    if (rule?.suppress) moment.buffer = bufferOf(stores.flatMap((s) => s.all), rule, position, ix.emissions.get(id));
    nodes[id] = moment;
  }
  const inputId = rec.inputIds[position];
  const r = position >= 0 ? ix.inputs.get(inputId) : undefined;
  const input = r ? { id: r.id, topic: r.id.slice(0, r.id.lastIndexOf('#')), key: r.key, value: r.value, timestamp: r.timestamp, position, outOfOrder: position > 0 && r.timestamp < ix.inputMax[position - 1], dropped: rec.drops.some((d) => d.position === position) } : null;
  return { position, input, streamTime: position >= 0 ? ix.inputMax[position] : null, nodes };
}

function lastRecords(rec: Recording, id: string, n: number): NodeMoment['last'] {
  const out: NodeMoment['last'] = [];
  for (let i = Math.max(0, n - LAST_RECORDS); i < n; i++) out.push(loggedRecord(id, rec.nodes[id], i, rec.inputIds));
  return out;
}

/** A node's observed stream time: the latest timestamp among the records that reached it (its own, for a source). */
function streamTimeOf(id: string, rule: NodeRule | undefined, counts: Map<string, number>, ix: Indexes): number | null {
  const from = rule?.upstream.length ? rule.upstream : [id];
  let max = -Infinity;
  for (const u of from) {
    const n = counts.get(u) ?? 0;
    if (n > 0) max = Math.max(max, ix.maxTs.get(u)![n - 1]);
  }
  return max === -Infinity ? null : max;
}

function dropsOf(rec: Recording, nodeId: string, end: number, position: number): Pick<NodeMoment, 'dropped' | 'dropsHere' | 'recentDrops'> {
  let dropped = 0;
  const recent: DropState[] = [];
  for (let i = 0; i < end; i++) {
    const d = rec.drops[i];
    if (d.nodeId !== nodeId) continue;
    dropped++;
    recent.push({ position: d.position, inputId: rec.inputIds[d.position], ...(d.reason ? { reason: d.reason } : {}) });
    if (recent.length > RECENT_DROPS) recent.shift();
  }
  return { dropped, dropsHere: recent.filter((d) => d.position === position), recentDrops: recent };
}

/**
 * The windows in the node's stores, with their status, and the last windows that already left the
 * store (expired), as the node's last emitted result for each.
 */
function windowsOf(entries: StoreEntry[], log: NodeLog, emitted: number, rule: NodeRule, streamTime: number): WindowState[] {
  const w = rule.window!;
  const out: WindowState[] = [];
  const listed = new Set<string>();
  for (const e of entries) {
    const k = e.key as { key?: unknown; start?: unknown; end?: unknown } | null;
    if (!k || typeof k.start !== 'number' || typeof k.end !== 'number') continue;
    listed.add(JSON.stringify([k.key, k.start, k.end]));
    out.push({ key: k.key, start: k.start, end: k.end, value: e.value, status: windowStatus(k.end, w, streamTime) });
  }
  let expired = 0;
  for (let i = emitted - 1; i >= Math.max(0, emitted - EXPIRED_SCAN) && expired < EXPIRED_WINDOWS_SHOWN; i--) {
    const r = log.records[i];
    const w = windowOf(r.key);
    if (!w) continue;
    const key = (r.key as { key?: unknown }).key;
    const id = JSON.stringify([key, w.start, w.end]);
    if (listed.has(id)) continue;
    listed.add(id);
    expired++;
    const v = r.value as { newValue?: unknown } | null;
    out.push({ key, start: w.start, end: w.end, value: v && typeof v === 'object' && 'newValue' in v ? v.newValue : r.value, status: 'expired' });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end).slice(0, MOMENT_LIMIT);
}

/**
 * A window still in the store: open (records can still fall in it), in grace (past its end, still
 * accepting late records) or closed (past grace: late records are dropped). Windows the store no
 * longer lists (past retention) are expired.
 */
export function windowStatus(end: number, w: NonNullable<NodeRule['window']>, streamTime: number): Exclude<WindowStatus, 'expired'> {
  // A session can still be extended by a record within the gap of its end.
  const closesAt = w.type === 'session' ? end + w.gapMs : end;
  if (streamTime < closesAt) return 'open';
  if (streamTime < closesAt + w.graceMs) return 'grace';
  return 'closed';
}

function bufferOf(entries: StoreEntry[], rule: NodeRule, position: number, emissions: Map<string, number[]> | undefined): BufferedState[] {
  const s = rule.suppress!;
  return entries.slice(0, MOMENT_LIMIT).map((e) => {
    const k = e.key as { end?: unknown } | null;
    const ts = e.timestamp ?? 0;
    const dueAt = s.mode === 'untilTimeLimit' ? ts + s.timeLimitMs : k && typeof k.end === 'number' ? k.end + (rule.window?.graceMs ?? 0) : null;
    const at = emissions?.get(JSON.stringify(e.key)) ?? [];
    const next = at[upperBound(at.length, position, (i) => at[i])];
    return { key: e.key, value: e.value, timestamp: ts, dueAt, emittedAt: next ?? null };
  });
}
