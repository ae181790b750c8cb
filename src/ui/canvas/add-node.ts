/** Adding a node from the palette (drop position, after the selected node, or the visible centre of the canvas). */
import { appendNode } from '../../model/append';
import { addNodeWithExample } from '../../model/commands';
import type { Position } from '../../model/types';
import { useApp } from '../../store/store';
import { CARD_SIZE } from './layout-graph';

const APPEND = { step: { x: CARD_SIZE.width + 70, y: 0 }, box: { width: CARD_SIZE.width + 20, height: CARD_SIZE.height + 20 } };

let centerProvider: (() => Position) | null = null;
export function setCenterProvider(f: () => Position) {
  centerProvider = f;
}

export function addNodeAt(kind: string, position: Position): void {
  const s = useApp.getState();
  let id = '';
  s.edit((d) => {
    const r = addNodeWithExample(d, kind, position);
    id = r.nodeId;
    return r.doc;
  });
  s.select([id]);
}

export function addNodeAtCenter(kind: string): void {
  const c = centerProvider?.() ?? { x: 0, y: 0 };
  const n = useApp.getState().doc.nodes.length;
  addNodeAt(kind, { x: c.x + (n % 5) * 20, y: c.y + (n % 5) * 20 });
}

/**
 * The palette's keyboard and double-click add: after the one selected node (placed to its right and
 * connected when the checker allows it; if not, the toast says why), else at the canvas's centre.
 * The new node is selected, so the next one added follows it: Enter, Enter builds a chain.
 */
export function addNodeAfterSelection(kind: string): void {
  const s = useApp.getState();
  const [after] = s.selectedNodeIds;
  if (s.selectedNodeIds.length !== 1 || !s.doc.nodes.some((n) => n.id === after)) return addNodeAtCenter(kind);
  const r = appendNode(s.doc, after, kind, APPEND);
  s.edit(() => r.doc);
  s.select([r.nodeId]);
  if (r.refusal) s.notify(`Added ${kind}, not connected: ${r.refusal.reason}`, 'error');
}
