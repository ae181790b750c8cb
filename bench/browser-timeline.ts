/**
 * The timeline's step figure: with a 20-node design and 10k samples open, the Timeline tab shown (its
 * run recorded), moves the cursor to random records through the slider and measures, in the page,
 * from the slider's input event to the state of that record on screen (the frame after the one that
 * shows it: the figure moves in steps of a frame); also, finer, until the state is in the document and
 * until the frame showing it is painted, the worker round trip alone (the page's 'timeline: step'
 * measures) and the recorded history's size as the page reports it.
 */
import type { Page } from 'playwright-core';

export async function measureTimelineSteps(page: Page, steps = 31): Promise<{ times: number[]; domTimes: number[]; paintedTimes: number[]; medianMs: number; domMedianMs: number; paintedMedianMs: number; p95Ms: number; workerMedianMs: number; checkpoints: number; estimatedBytes: number; records: number }> {
  await page.click('[data-testid=tab-timeline]');
  await page.waitForSelector('[data-testid=timeline-slider]', { timeout: 60_000 });
  const records = Number(await page.locator('[data-testid=timeline-slider]').getAttribute('max')) + 1;
  await page.evaluate(() => performance.clearMeasures());
  const times: number[] = [];
  // Also the time until the state is in the document (before the frames that show it), less coarse than
  // the figure that waits for frames.
  const domTimes: number[] = [];
  // And until the frame that shows it is painted (its main-thread part: the figure above also waits a frame more).
  const paintedTimes: number[] = [];
  let seed = 12345;
  for (let i = 0; i < steps; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const to = Math.floor((seed / 2 ** 31) * records);
    // (a string, so the bundler's helpers do not leak into the page)
    const { ms, dom, painted } = (await page.evaluate(`new Promise((resolve) => {
      const slider = document.querySelector('[data-testid=timeline-slider]');
      const position = document.querySelector('[data-testid=timeline-position]');
      const shown = () => document.querySelector('[data-testid=timeline-position]')?.getAttribute('data-position') === String(${to});
      let dom, painted;
      // A task posted from the frame that shows the state runs once that frame's style, layout and paint are done.
      const afterFrame = new MessageChannel();
      afterFrame.port1.onmessage = () => { painted = performance.now() - t0; };
      const seen = new MutationObserver(() => { if (dom === undefined && shown()) dom = performance.now() - t0; });
      seen.observe(position, { attributes: true });
      const t0 = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, String(${to}));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const check = () => {
        if (!shown()) return requestAnimationFrame(check);
        afterFrame.port2.postMessage(0);
        requestAnimationFrame(() => { seen.disconnect(); afterFrame.port1.close(); resolve({ ms: performance.now() - t0, dom, painted }); });
      };
      check();
    })`)) as { ms: number; dom: number; painted: number };
    times.push(ms);
    domTimes.push(dom);
    paintedTimes.push(painted);
  }
  const worker = await page.evaluate(() => performance.getEntriesByName('timeline: step').map((m) => m.duration));
  const mem = page.locator('[data-testid=timeline-memory]');
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const s = sorted(times);
  return {
    times,
    domTimes,
    paintedTimes,
    medianMs: Math.round(s[Math.floor(s.length / 2)] * 10) / 10,
    domMedianMs: Math.round(sorted(domTimes)[Math.floor(domTimes.length / 2)] * 10) / 10,
    paintedMedianMs: Math.round(sorted(paintedTimes)[Math.floor(paintedTimes.length / 2)] * 10) / 10,
    p95Ms: Math.round(s[Math.floor(s.length * 0.95)] * 10) / 10,
    workerMedianMs: Math.round(sorted(worker)[Math.floor(worker.length / 2)] * 10) / 10,
    checkpoints: Number(await mem.getAttribute('data-checkpoints')),
    estimatedBytes: Number(await mem.getAttribute('data-bytes')),
    records,
  };
}

/**
 * The least the step figure can be: the same harness with nothing to wait for (the first frame after
 * the call, then one more), as the page's frames fall. A step whose state is in the document before
 * the first frame measures this; an implementation cannot go below it.
 */
export async function measureFrameFloor(page: Page, samples = 31): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < samples; i++) {
    xs.push((await page.evaluate(`new Promise((resolve) => { const t0 = performance.now(); requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))); })`)) as number);
  }
  return xs;
}
