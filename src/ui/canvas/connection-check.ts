/**
 * The canvas's side of connecting two handles: whether React Flow may show a handle under a dragged
 * connection as valid (the model's canConnect, asked once per candidate edge and design), the edge it
 * adds on a valid drop, and on a refused drop the reason with the fix for its code, offered in one click.
 */
import type { Connection, FinalConnectionState, Handle, IsValidConnection } from '@xyflow/react';
import { connect } from '../../model/commands';
import { canConnect, type ConnectRefusal } from '../../model/connect';
import { applyConnectionFix, connectionFix, type ConnectionFix } from '../../model/connection-fixes';
import type { DesignEdge, TopologyDocument } from '../../model/types';
import { useApp } from '../../store/store';

type NewEdge = Omit<DesignEdge, 'id'>;

export function edgeOfConnection(c: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }): NewEdge {
  return { source: c.source, sourcePort: c.sourceHandle ?? undefined, target: c.target, targetPort: c.targetHandle ?? 'in' };
}

/** The edge between two handles, whichever end the drag started from (null: two inputs or two outputs). */
export function edgeBetween(from: Handle, to: Handle): NewEdge | null {
  if (from.type === to.type) return null;
  const [s, t] = from.type === 'source' ? [from, to] : [to, from];
  return edgeOfConnection({ source: s.nodeId, sourceHandle: s.id ?? null, target: t.nodeId, targetHandle: t.id ?? null });
}

export interface ConnectionVerdict {
  edge: NewEdge;
  refusal: ConnectRefusal | null;
  fix: ConnectionFix | null;
}

// A drag asks about the same candidate on every pointer move: one answer per edge and design.
let cache: { doc: TopologyDocument; verdicts: Map<string, ConnectionVerdict> } | null = null;

/** Whether the design accepts this edge, why not, and the fix for the refusal's code if there is one. */
export function verdictFor(edge: NewEdge): ConnectionVerdict {
  const doc = useApp.getState().doc;
  if (cache?.doc !== doc) cache = { doc, verdicts: new Map() };
  const key = JSON.stringify([edge.source, edge.sourcePort ?? 'out', edge.target, edge.targetPort]);
  let v = cache.verdicts.get(key);
  if (!v) {
    const r = canConnect(doc, edge);
    const refusal = r.ok ? null : r;
    v = { edge, refusal, fix: refusal ? connectionFix(doc, edge, refusal) : null };
    cache.verdicts.set(key, v);
  }
  return v;
}

export const isValidConnection: IsValidConnection = (c) => verdictFor(edgeOfConnection(c)).refusal === null;

export function onConnect(c: Connection): void {
  const s = useApp.getState();
  const r = connect(s.doc, edgeOfConnection(c));
  if ('error' in r) s.notify(`Connection refused: ${r.error}`, 'error');
  else s.edit(() => r.doc);
}

/** Inserts the fix's operators between the two ends (one edit: one undo step) and selects them. */
export function applyFix(edge: NewEdge, fix: ConnectionFix): void {
  const s = useApp.getState();
  const r = applyConnectionFix(s.doc, edge, fix);
  if ('error' in r) return s.notify(`Could not ${fix.action}: ${r.error}`, 'error');
  s.edit(() => r.doc);
  s.select(r.nodeIds);
}

/** A drop on a handle that refuses the edge: the reason, and the fix as the toast's button. */
export function onConnectEnd(_: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (!state.fromHandle || !state.toHandle || state.isValid !== false) return;
  const edge = edgeBetween(state.fromHandle, state.toHandle);
  if (!edge) return;
  const { refusal, fix } = verdictFor(edge);
  if (!refusal) return;
  const s = useApp.getState();
  if (fix) s.notify(`Connection refused: ${refusal.reason}.`, 'error', { label: fix.action[0].toUpperCase() + fix.action.slice(1), run: () => applyFix(edge, fix) });
  else s.notify(`Connection refused: ${refusal.reason}`, 'error');
}
