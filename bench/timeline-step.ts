/**
 * `npm run bench:timeline` (JSON on stdout): the timeline step figure alone, as bench:browser measures it
 * (bench/browser-timeline.ts: slider -> that record's state on screen, 20-node design, 10k samples), plus
 * Chromium's own work per step, which a loaded machine disturbs far less than wall time: style recalcs,
 * layouts and the layout objects they touched, paint, script (from a trace and CDP Performance.getMetrics).
 *
 * Builds first (vite build into dist/) unless `--no-build`. `--dist <dir>` (repeatable) measures those
 * builds instead, each in its own Chromium, interleaved round by round (an A/B on a shared machine:
 * `--dist .tmp/base --dist dist`). `--rounds N` (default 3), `--steps N` per round (default 31).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, serve } from '../test/e2e/browser';
import { measureFrameFloor, measureTimelineSteps } from './browser-timeline';
import { chainDesign } from './designs';
import { chromiumWork, type ChromiumWork } from './chromium-work';

const argValues = (name: string) => process.argv.flatMap((a, i) => (a === name ? [process.argv[i + 1]] : []));
const num = (name: string, dflt: number) => Number(argValues(name)[0] ?? dflt);
const dists = argValues('--dist');
if (!dists.length) {
  // A production build even when run from a shell or tool that sets NODE_ENV (vitest sets 'test': React's development build).
  process.env.NODE_ENV = 'production';
  if (!process.argv.includes('--no-build')) buildApp();
  dists.push('dist');
}
const ROUNDS = num('--rounds', 3);
const STEPS = num('--steps', 31);

interface Subject { dist: string; browser: Browser; page: Page; stop: () => void; times: number[]; domTimes: number[]; paintedTimes: number[]; floor: number[]; worker: number[]; work: ChromiumWork[]; records: number; memory?: { checkpoints: number; estimatedBytes: number } }

const file = join(tmpdir(), 'sw-timeline-20x10k.json');
writeFileSync(file, JSON.stringify(chainDesign(20, 10_000)));

/** Opens the design in a fresh Chromium on that build and shows its timeline (the run recorded). */
async function open(dist: string): Promise<Subject> {
  const server = await serve(dist);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await showTimeline(page);
  // A few steps unmeasured: the timeline recorded, its code and the page warmed up.
  await measureTimelineSteps(page, 5);
  return { dist, browser, page, stop: server.stop, times: [], domTimes: [], paintedTimes: [], floor: [], worker: [], work: [], records: 0 };
}

/**
 * Opens the design and shows its timeline. On a loaded machine the recorded run of 10k records can hit
 * the preview's time limit (TIMEOUT_MS, preview-runner.ts) and stop: the design is opened again, up to 3 times.
 */
async function showTimeline(page: Page): Promise<void> {
  const status = () => page.locator('[data-testid=preview-status]').textContent();
  for (let attempt = 1; ; attempt++) {
    await page.setInputFiles('[data-testid=open-file]', file);
    // (again: the last run's "stopped" stays until the new one starts)
    if (attempt > 1) await page.waitForFunction(() => !['stopped', 'failed'].includes(document.querySelector('[data-testid=preview-status]')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(() => {});
    await page.click('[data-testid=tab-timeline]');
    await page.waitForFunction(() => document.querySelector('[data-testid=timeline-slider]') || ['stopped', 'failed'].includes(document.querySelector('[data-testid=preview-status]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    if (await page.locator('[data-testid=timeline-slider]').count()) return;
    if (attempt === 3) throw new Error(`the recorded run of the design did not finish (preview ${await status()}) three times: machine too loaded?`);
    console.error(`preview ${await status()} (attempt ${attempt}): opening the design again`);
  }
}

const subjects: Subject[] = [];
for (const d of dists) subjects.push(await open(d));
process.on('exit', () => subjects.forEach((s) => s.stop()));
for (let r = 0; r < ROUNDS; r++) {
  for (const s of subjects) {
    await s.page.bringToFront();
    const { result, work } = await chromiumWork(s.browser, s.page, STEPS, () => measureTimelineSteps(s.page, STEPS));
    s.times.push(...result.times);
    s.domTimes.push(...result.domTimes);
    s.paintedTimes.push(...result.paintedTimes);
    s.worker.push(result.workerMedianMs);
    s.work.push(work);
    s.records = result.records;
    s.memory = { checkpoints: result.checkpoints, estimatedBytes: result.estimatedBytes };
    s.floor.push(...(await measureFrameFloor(s.page, STEPS)));
  }
}

const q = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] * 10) / 10;
const perStep = (ws: ChromiumWork[]): Record<string, number> => Object.fromEntries(Object.keys(ws[0]).map((k) => [k, q(ws.map((w) => w[k as keyof ChromiumWork]), 0.5)]));
const out = subjects.map((s) => ({
  dist: s.dist,
  records: s.records,
  // What the recorded history holds, as the page reports it (timeline-memory).
  memory: s.memory,
  steps: s.times.length,
  medianMs: q(s.times, 0.5),
  p95Ms: q(s.times, 0.95),
  roundMediansMs: Array.from({ length: ROUNDS }, (_, r) => q(s.times.slice(r * STEPS, (r + 1) * STEPS), 0.5)),
  // Slider input -> the state in the document (the figure above waits for the frames that show it).
  domMedianMs: q(s.domTimes, 0.5),
  // ... -> the frame that shows it painted (main thread; the figure above waits for the next frame too).
  paintedMedianMs: q(s.paintedTimes, 0.5),
  paintedP95Ms: q(s.paintedTimes, 0.95),
  workerMedianMs: q(s.worker, 0.5),
  // The harness alone, nothing to wait for (bench/browser-timeline.ts measureFrameFloor): the figure's floor.
  floorMedianMs: q(s.floor, 0.5),
  // Medians over the rounds of each round's per-step average.
  chromiumPerStep: perStep(s.work),
}));
for (const s of subjects) await s.browser.close();
console.log(JSON.stringify(out, null, 2));
process.exit(0);
