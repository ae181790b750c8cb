/** Adding a node from the palette (drop position, or the visible centre of the canvas). */
import { addNodeWithExample } from '../../model/commands';
import type { Position } from '../../model/types';
import { useApp } from '../../store/store';

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
