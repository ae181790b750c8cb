/**
 * Frame times while dragging a node on the canvas, measured in the page: requestAnimationFrame
 * timestamps are collected while playwright moves the mouse in ~16 ms steps, the way a hand would.
 * A frame counts as dropped when its delta spans more than one 60 Hz interval.
 */
import type { Page } from 'playwright-core';

export interface DragFigures {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  droppedFrames: number;
  /** Main-thread tasks over 50 ms during the drag. */
  longTasks: number;
  /** Main-thread busy time during the drag (Chromium's TaskDuration), per mouse move: less noisy than frame times on a shared machine. */
  mainThreadMsPerMove: number;
}

const FRAME_MS = 1000 / 60;

export async function measureDrag(page: Page, moves = 120): Promise<DragFigures> {
  // The first node whose card is fully inside the canvas.
  const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id')!, ...e.getBoundingClientRect().toJSON() }) as { id: string; x: number; y: number; width: number; height: number }));
  const inside = (b: { x: number; y: number; width: number; height: number }) => b.x > canvas.x + 100 && b.y > canvas.y + 100 && b.x + b.width + moves * 3 < canvas.x + canvas.width - 100 && b.y + b.height < canvas.y + canvas.height - 200;
  const index = boxes.findIndex(inside);
  if (index < 0) throw new Error('no node fully visible on the canvas');
  const box = boxes[index];
  // (a string, so the bundler's helpers do not leak into the page)
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__longTasks = 0;
    window.__collect = true;
    new PerformanceObserver((l) => { window.__longTasks += l.getEntries().length; }).observe({ type: 'longtask' });
    const tick = (t) => { window.__frames.push(t); if (window.__collect) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const busy0 = await busy();
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(x0 + i * 3, y0 + Math.round(Math.sin(i / 10) * 60));
    await page.waitForTimeout(FRAME_MS);
  }
  // (measured before the drop: what the drop triggers, an edit and a preview run, is not dragging)
  const busyMs = (await busy()) - busy0;
  await cdp.detach();
  const { frames, longTasks } = (await page.evaluate(`(() => { window.__collect = false; return { frames: window.__frames, longTasks: window.__longTasks }; })()`)) as { frames: number[]; longTasks: number };
  await page.mouse.up();
  // The node moved with the pointer, and the canvas did not (a drag that misses the node pans instead).
  const boxOf = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  const after = (await boxOf(box.id))!;
  const other = boxes.findIndex((b, i) => i !== index && inside(b));
  const otherAfter = other >= 0 ? (await boxOf(boxes[other].id))! : null;
  if (Math.abs(after.x - box.x - moves * 3) > 10 || (other >= 0 && Math.abs(otherAfter!.x - boxes[other].x) > 1)) throw new Error('the drag did not move the node alone');
  const deltas = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const at = (q: number) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))];
  const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  return { frames: deltas.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(deltas[deltas.length - 1]), droppedFrames: dropped, longTasks, mainThreadMsPerMove: round(busyMs / moves) };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Zooms the canvas (mouse wheel at its centre) until the viewport's scale is about `zoom`. */
export async function zoomCanvasTo(page: Page, zoom: number): Promise<number> {
  const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  const scale = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  for (let i = 0; i < 40; i++) {
    const z = await scale();
    if (Math.abs(Math.log(z / zoom)) < 0.1) return z;
    await page.mouse.wheel(0, z < zoom ? -100 : 100);
    await page.waitForTimeout(60);
  }
  return scale();
}
