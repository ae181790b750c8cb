/**
 * The canvas's keyboard (on a focused card): arrow keys move to the neighbouring card (selected and
 * focused, brought into view), Enter opens the card in the inspector with the focus in its first
 * field. React Flow's own keyboard handling (arrows move cards) is off (disableKeyboardA11y).
 */
import { useReactFlow, type InternalNode } from '@xyflow/react';
import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { useApp } from '../../store/store';
import { isDirection, spatialNeighbour } from './keyboard-nav';
import { CARD_SIZE } from './layout-graph';

/** Runs `f` on the element once React has rendered it (a few frames at most). */
function whenRendered(selector: string, f: (el: HTMLElement) => void, frames = 10): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) f(el);
  else if (frames > 0) requestAnimationFrame(() => whenRendered(selector, f, frames - 1));
}

export const focusCard = (id: string) => whenRendered(`.react-flow__node[data-id="${CSS.escape(id)}"]`, (el) => el.focus());

/**
 * Brings a single selected card into view when it is wholly off screen (selected from the keyboard, or added
 * after the selection from the palette); a card clicked on is on screen already.
 */
export function useRevealSelection(selected: string[]): void {
  const rf = useReactFlow();
  useEffect(() => {
    if (selected.length !== 1) return;
    // A node added with the selection reaches React Flow's store a frame later.
    let frame = requestAnimationFrame(function reveal(): void {
      const n = rf.getInternalNode(selected[0]);
      if (!n) {
        frame = requestAnimationFrame(reveal);
        return;
      }
      bringIntoView(n);
    });
    const stop = setTimeout(() => cancelAnimationFrame(frame), 500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(stop);
    };
  }, [rf, selected]);

  function bringIntoView(n: InternalNode): void {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const w = n.measured.width ?? CARD_SIZE.width;
    const h = n.measured.height ?? CARD_SIZE.height;
    const { x, y } = n.internals.positionAbsolute;
    const a = rf.flowToScreenPosition({ x, y });
    const b = rf.flowToScreenPosition({ x: x + w, y: y + h });
    // Only a card wholly off screen moves the view: one dropped near the edge stays where it was dropped.
    const offScreen = b.x <= pane.left || b.y <= pane.top || a.x >= pane.right || a.y >= pane.bottom;
    if (offScreen) void rf.setCenter(x + w / 2, y + h / 2, { zoom: rf.getZoom(), duration: 150 });
  }
}

export function useCanvasKeys(): (e: KeyboardEvent) => void {
  return useCallback(
    (e: KeyboardEvent) => {
      const card = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const id = card?.dataset.id;
      if (!id || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useApp.getState();
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        s.select([id]);
        if (e.key === 'Enter') whenRendered('[data-testid=inspector] [data-testid=node-name]', (el) => el.focus());
      } else if (isDirection(e.key)) {
        e.preventDefault();
        const centres = new Map(s.doc.nodes.map((n) => [n.id, { x: n.position.x + CARD_SIZE.width / 2, y: n.position.y + CARD_SIZE.height / 2 }]));
        const next = spatialNeighbour(centres, id, e.key);
        if (!next) return;
        s.select([next]);
        focusCard(next);
      }
    },
    [],
  );
}
