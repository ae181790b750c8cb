/**
 * Fits the whole design on screen. React Flow's own fitView waits until every node has been
 * measured and fits only measured nodes; with `onlyRenderVisibleElements` the cards off screen are
 * never rendered, so this fits the document's positions with the measured size of each card, or
 * the usual card size for one not rendered yet. It can run right after the document changes:
 * React Flow then renders the new design once, at the fitted viewport. The design is fitted into
 * the part of the canvas the minimap and the zoom controls leave free (fit-area.ts).
 */
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useApp } from '../../store/store';
import { fitArea, overlaysIn } from './fit-area';
import { CARD_SIZE } from './flow-mapping';
import { FIT, MIN_READABLE_ZOOM } from './layout-wrap';

/** `readable`: a design too big to show whole at a readable zoom is shown from its top left corner at that zoom. */
export type FitDesign = (duration?: number, options?: { readable?: boolean }) => void;

export function useFitDesign(): FitDesign {
  const rf = useReactFlow();
  const store = useStoreApi();
  const fit = useCallback(
    (duration = 200, options: { readable?: boolean } = {}, attempts = 10): void => {
      const { nodes } = useApp.getState().doc;
      const { width, height } = store.getState();
      if (!nodes.length) return;
      // Right after the page loads, the canvas may not have its size yet.
      if (!width || !height) {
        if (attempts > 0) requestAnimationFrame(() => fit(duration, options, attempts - 1));
        return;
      }
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const n of nodes) {
        const size = rf.getInternalNode(n.id)?.measured;
        x0 = Math.min(x0, n.position.x);
        y0 = Math.min(y0, n.position.y);
        x1 = Math.max(x1, n.position.x + (size?.width ?? CARD_SIZE.width));
        y1 = Math.max(y1, n.position.y + (size?.height ?? CARD_SIZE.height));
      }
      const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
      const area = fitArea({ width, height }, overlaysIn(store.getState().domNode), bounds);
      let viewport = getViewportForBounds(bounds, area.width, area.height, FIT.minZoom, FIT.maxZoom, FIT.padding);
      viewport = { ...viewport, x: viewport.x + area.x, y: viewport.y + area.y };
      if (options.readable && viewport.zoom < MIN_READABLE_ZOOM) {
        // Too big to show whole: from its top left corner, in rows as wide as the canvas (layout-wrap.ts).
        const margin = (FIT.padding / 2) * width;
        viewport = { x: margin - x0 * MIN_READABLE_ZOOM, y: margin - y0 * MIN_READABLE_ZOOM, zoom: MIN_READABLE_ZOOM };
      }
      void rf.setViewport(viewport, { duration });
    },
    [rf, store],
  );
  return fit;
}
