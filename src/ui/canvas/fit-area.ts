/**
 * Where in the canvas a fitted design goes so that no card sits under the minimap or the zoom
 * controls. Each overlay sits in a corner; it is kept clear either by giving up the band above or
 * below it (the full width stays) or the band beside it (the full height stays). Every combination
 * is tried and the free rectangle that shows the design largest wins: a wide design gives up a band
 * at the bottom, a tall one the sides. Pure (no DOM).
 */
import { fitZoom, type Size } from './layout-wrap';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The free rectangle of a `viewport`-sized canvas for a design of `content` size, with `overlays` (canvas coordinates) kept clear. */
export function fitArea(viewport: Size, overlays: Rect[], content: Size): Rect {
  let best: Rect = { x: 0, y: 0, ...viewport };
  let bestZoom = -1;
  for (let mask = 0; mask < 1 << overlays.length; mask++) {
    let [x0, y0, x1, y1] = [0, 0, viewport.width, viewport.height];
    overlays.forEach((o, i) => {
      const right = o.x + o.width / 2 > viewport.width / 2;
      const bottom = o.y + o.height / 2 > viewport.height / 2;
      // Bit set: keep the full width, give up the band above/below the overlay; else the band beside it.
      if (mask & (1 << i)) {
        if (bottom) y1 = Math.min(y1, o.y);
        else y0 = Math.max(y0, o.y + o.height);
      } else if (right) x1 = Math.min(x1, o.x);
      else x0 = Math.max(x0, o.x + o.width);
    });
    const area = { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
    const zoom = fitZoom(content, area);
    if (zoom > bestZoom) [best, bestZoom] = [area, zoom];
  }
  return best;
}

/** The corner overlays React Flow draws over the canvas (minimap, controls), in the canvas's coordinates. */
export function overlaysIn(canvas: HTMLElement | null | undefined): Rect[] {
  if (!canvas) return [];
  const origin = canvas.getBoundingClientRect();
  return [...canvas.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
}
