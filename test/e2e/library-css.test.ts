/**
 * The app's CSS never restyles React Flow's own elements: its panel classes ("bottom", "right",
 * "top center") and control buttons keep React Flow's styles, so the minimap shows whole.
 */
import { describe, expect, it } from 'vitest';
import { openApp, openExample, useDesigner } from './helpers';

const env = useDesigner();

describe('library CSS', () => {
  it('shows the minimap whole and the zoom controls in React Flow style', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    const panel = page.locator('.react-flow__panel.react-flow__minimap');
    const style = await panel.evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, rows: s.gridTemplateRows, borderTop: s.borderTopWidth };
    });
    // React Flow's panel is a plain positioned box (the app's old .bottom rule made it a 32px|1fr grid).
    expect(style).toEqual({ display: 'block', rows: 'none', borderTop: '0px' });
    const svg = (await panel.locator('svg').boundingBox())!;
    const box = (await panel.boundingBox())!;
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    expect(svg.height).toBe(150);
    expect(svg.y).toBeGreaterThanOrEqual(box.y);
    expect(svg.y + svg.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    // The same holds for what the element at the minimap's bottom edge is: the minimap itself.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__minimap') !== null, { x: svg.x + svg.width / 2, y: svg.y + svg.height - 3 });
    expect(hit).toBe(true);
    // Zoom buttons: React Flow's square buttons, not the app's padded toolbar buttons.
    const zoom = await page.locator('.react-flow__controls-zoomin').evaluate((el) => ({ padding: getComputedStyle(el).padding, radius: getComputedStyle(el).borderRadius }));
    expect(zoom.padding).not.toBe('4px 10px');
    expect(zoom.radius).toBe('0px');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
