/**
 * Lineage through state: which records a traced record was made from (its direct contributors,
 * by the node's rule in lineage-graph.ts), and, followed back to the sources, every input record
 * behind it. A count of 3 comes from the three records of its key, each from its own input line;
 * a join's record from both sides; suppress's from the update it buffered. Pure, on a kept result.
 */
import type { LineageRule } from './lineage-graph';
import type { Lineage, SimulationResult, TracedRecord } from './types';

export interface Contributors {
  /** Upstream traced records (in emission order). */
  records: TracedRecord[];
  /** Input record ids ("<topic>#<index>") for sources, or when the upstream record is unknown. */
  inputs: string[];
}

/** Records followed per lineage question: a bound for aggregates over huge inputs. */
const MAX_VISITED = 50_000;

export function recordById(result: SimulationResult, id: string): TracedRecord | undefined {
  const at = id.lastIndexOf('#');
  const node = result.nodes[id.slice(0, at)];
  const n = Number(id.slice(at + 1));
  const rec = node?.emitted[n - 1];
  return rec?.id === id ? rec : undefined;
}

export function nodeOfRecord(id: string): string {
  return id.slice(0, id.lastIndexOf('#'));
}

const keyText = (key: unknown): string => JSON.stringify(plainKey(key)) ?? 'undefined';
const fullKeyText = (key: unknown): string => JSON.stringify(key) ?? 'undefined';

function plainKey(key: unknown): unknown {
  const k = key as { key?: unknown; start?: unknown } | null;
  return k && typeof k === 'object' && 'key' in k && typeof k.start === 'number' ? k.key : key;
}

/** Upstream records by key text, per node and key function; built once per kept result. */
const indexes = new WeakMap<SimulationResult, Map<string, Map<string, TracedRecord[]>>>();

function byKey(result: SimulationResult, nodeId: string, full: boolean): Map<string, TracedRecord[]> {
  let perResult = indexes.get(result);
  if (!perResult) indexes.set(result, (perResult = new Map()));
  const name = `${full ? 'full' : 'plain'}:${nodeId}`;
  let index = perResult.get(name);
  if (!index) {
    index = new Map();
    const text = full ? fullKeyText : keyText;
    for (const r of result.nodes[nodeId]?.emitted ?? []) {
      const k = text(r.key);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    perResult.set(name, index);
  }
  return index;
}

/** The upstream records of one key (plain or windowed), merged across upstream nodes in emission order. */
function sameKey(result: SimulationResult, nodeId: string, key: unknown, full: boolean, ports?: (port: string) => boolean): TracedRecord[] {
  const text = full ? fullKeyText(key) : keyText(key);
  const out: TracedRecord[] = [];
  for (const u of result.graph[nodeId]?.upstream ?? []) {
    if (ports && !ports(u.port)) continue;
    out.push(...(byKey(result, u.nodeId, full).get(text) ?? []));
  }
  return out.sort((a, b) => a.seq! - b.seq!);
}

/** Input ids whose processing this node dropped (a late record reaches a window aggregate but adds nothing). */
function droppedBy(result: SimulationResult, nodeId: string): Set<string> {
  return new Set(result.nodes[nodeId]?.droppedInputs ?? []);
}

function viaCause(result: SimulationResult, rec: TracedRecord): Contributors {
  const cause = rec.causeId ? recordById(result, rec.causeId) : undefined;
  return cause ? { records: [cause], inputs: [] } : { records: [], inputs: rec.inputIds };
}

function inWindow(ts: number, w: { start: number; end: number } | undefined, endInclusive: boolean): boolean {
  return !w || (ts >= w.start && (endInclusive ? ts <= w.end : ts < w.end));
}

export function contributors(result: SimulationResult, nodeId: string, rec: TracedRecord): Contributors {
  const rule: LineageRule | undefined = result.graph[nodeId]?.rule;
  switch (rule?.kind) {
    case 'source':
      return { records: [], inputs: rec.inputIds };
    case 'aggregate': {
      const endInclusive = rule.window?.endInclusive ?? false;
      const dropped = droppedBy(result, nodeId);
      const records = sameKey(result, nodeId, rec.key, false).filter(
        (u) => u.seq! <= rec.seq! && inWindow(u.timestamp, rec.window, endInclusive) && !u.inputIds.every((id) => dropped.has(id)),
      );
      return records.length ? { records, inputs: [] } : viaCause(result, rec);
    }
    case 'latest': {
      const held = sameKey(result, nodeId, rec.key, true).filter((u) => u.seq! <= rec.seq!);
      return held.length ? { records: [held[held.length - 1]], inputs: [] } : viaCause(result, rec);
    }
    case 'window-join':
      return windowJoin(result, nodeId, rec, rule);
    case 'table-join':
      return tableJoin(result, nodeId, rec);
    case 'fk-join':
      return foreignKeyJoin(result, nodeId, rec);
    default:
      return viaCause(result, rec);
  }
}

function portOf(result: SimulationResult, nodeId: string, upstreamRecord: TracedRecord): string | undefined {
  const from = nodeOfRecord(upstreamRecord.id);
  return result.graph[nodeId]?.upstream.find((u) => u.nodeId === from)?.port;
}

/** The cause and the other side's records of its key within the join window (before/after seen from the left). */
function windowJoin(result: SimulationResult, nodeId: string, rec: TracedRecord, rule: { beforeMs: number; afterMs: number }): Contributors {
  const cause = rec.causeId ? recordById(result, rec.causeId) : undefined;
  if (!cause || keyText(cause.key) !== keyText(rec.key)) {
    // An outer join's unmatched record, emitted when a later record closed its window: the record
    // it holds has the output's key and timestamp.
    const held = sameKey(result, nodeId, rec.key, false).filter((u) => u.seq! <= rec.seq! && u.timestamp === rec.timestamp);
    return held.length ? { records: held.slice(-1), inputs: [] } : viaCause(result, rec);
  }
  const side = portOf(result, nodeId, cause);
  const [lo, hi] = side === 'left' ? [cause.timestamp - rule.beforeMs, cause.timestamp + rule.afterMs] : [cause.timestamp - rule.afterMs, cause.timestamp + rule.beforeMs];
  const others = sameKey(result, nodeId, rec.key, false, (p) => p !== side).filter((u) => u.seq! < cause.seq! && u.timestamp >= lo && u.timestamp <= hi);
  return { records: [cause, ...others], inputs: [] };
}

/** The cause and the other side's latest record of its key (the table row it met). */
function tableJoin(result: SimulationResult, nodeId: string, rec: TracedRecord): Contributors {
  const cause = rec.causeId ? recordById(result, rec.causeId) : undefined;
  if (!cause) return viaCause(result, rec);
  const side = portOf(result, nodeId, cause);
  const row = sameKey(result, nodeId, cause.key, false, (p) => p !== side).filter((u) => u.seq! <= cause.seq!);
  return { records: row.length ? [cause, row[row.length - 1]] : [cause], inputs: [] };
}

/** The left row of the output's key and the right row its foreign key named, as they stood when it was emitted. */
function foreignKeyJoin(result: SimulationResult, nodeId: string, rec: TracedRecord): Contributors {
  const latest = (side: string, key: unknown) => sameKey(result, nodeId, key, false, (p) => p === side).filter((u) => u.seq! <= rec.seq!).pop();
  const left = latest('left', rec.key);
  const right = 'foreignKey' in rec ? latest('right', rec.foreignKey) : undefined;
  const records = [left, right].filter((r): r is TracedRecord => r !== undefined);
  return records.length ? { records, inputs: [] } : viaCause(result, rec);
}

/** Every input record behind a traced record, and every node its contributing records passed. */
export function lineageThroughState(result: SimulationResult, recordId: string): Lineage | null {
  const start = recordById(result, recordId);
  if (!start) return null;
  const inputIds = new Set<string>();
  const nodeIds = new Set<string>();
  const seen = new Set<string>([recordId]);
  const queue: TracedRecord[] = [start];
  for (let i = 0; i < queue.length && seen.size < MAX_VISITED; i++) {
    const rec = queue[i];
    const nodeId = nodeOfRecord(rec.id);
    nodeIds.add(nodeId);
    const c = contributors(result, nodeId, rec);
    for (const id of c.inputs) inputIds.add(id);
    for (const r of c.records) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      queue.push(r);
    }
  }
  const inputs = Object.values(result.inputs)
    .flat()
    .filter((r) => inputIds.has(r.id));
  return { recordId, inputIds: [...inputIds], nodeIds: [...nodeIds], inputs };
}
