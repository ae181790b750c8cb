/** The free part of the canvas a design is fitted into: never under the minimap or the controls. */
import { describe, expect, it } from 'vitest';
import { fitArea, type Rect } from '../../src/ui/canvas/fit-area';

const canvas = { width: 1000, height: 600 };
// React Flow's defaults: controls bottom left, minimap bottom right.
const controls: Rect = { x: 15, y: 480, width: 26, height: 105 };
const minimap: Rect = { x: 785, y: 435, width: 200, height: 150 };
const hits = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('fit area', () => {
  it('gives a wide design the full width above the overlays', () => {
    const area = fitArea(canvas, [controls, minimap], { width: 2000, height: 300 });
    expect(area).toEqual({ x: 0, y: 0, width: 1000, height: 435 });
  });

  it('gives a tall design the full height between the overlays', () => {
    const area = fitArea(canvas, [controls, minimap], { width: 300, height: 2000 });
    expect(area).toEqual({ x: 41, y: 0, width: 744, height: 600 });
  });

  it('never overlaps an overlay, whatever the design shape', () => {
    for (const content of [{ width: 10, height: 10 }, { width: 1000, height: 600 }, { width: 5000, height: 90 }, { width: 90, height: 5000 }]) {
      const area = fitArea(canvas, [controls, minimap], content);
      expect([controls, minimap].some((o) => hits(area, o))).toBe(false);
    }
  });

  it('is the whole canvas without overlays', () => {
    expect(fitArea(canvas, [], { width: 10, height: 10 })).toEqual({ x: 0, y: 0, ...canvas });
  });
});
