/**
 * Every record each design node emitted in a recorded run, kept compactly (the engine's record, the
 * input position it came out on, its timestamp) rather than as the preview's traced records with
 * lineage (building those for every record cost several times the run). Turned into traced records
 * only for what a moment shows. Pure.
 */
import type { StreamRecord } from '../../engine';
import type { TracedRecord } from '../types';

export interface NodeLog {
  positions: number[];
  timestamps: number[];
  records: StreamRecord[];
}

export function emptyLog(): NodeLog {
  return { positions: [], timestamps: [], records: [] };
}

/** The n-th record (0-based) of a node's log as the preview shows records ("<nodeId>#<n+1>", KTable changes as value + oldValue). */
export function loggedRecord(nodeId: string, log: NodeLog, n: number, inputIds: readonly string[]): TracedRecord & { position: number } {
  const rec = log.records[n];
  const position = log.positions[n];
  const v = rec.value as { newValue?: unknown; oldValue?: unknown } | null;
  const isChange = typeof v === 'object' && v !== null && 'newValue' in v && 'oldValue' in v;
  const out: TracedRecord & { position: number } = { id: `${nodeId}#${n + 1}`, key: rec.key, value: isChange ? v.newValue : rec.value, timestamp: rec.timestamp, inputIds: inputIds[position] ? [inputIds[position]] : [], position };
  if (isChange) out.oldValue = v.oldValue;
  const w = windowOf(rec.key);
  if (w) out.window = w;
  return out;
}

export function windowOf(key: unknown): { start: number; end: number } | null {
  const k = key as { start?: unknown; end?: unknown } | null;
  return k && typeof k === 'object' && typeof k.start === 'number' && typeof k.end === 'number' ? { start: k.start, end: k.end } : null;
}
