/**
 * `npm run bench:browser` (after `npm run build`): designer figures measured in Debian's Chromium:
 * time until the first screen is interactive, opening + auto-laying-out a 300-node design, frame
 * times while dragging a node on it, and the time from an edit to the updated preview of 10k
 * records, stepping the timeline of that design to random records, and opening the Designs list with
 * 50 designs. Reported, not asserted. `-- --dist <dir>` measures another build (e.g. a baseline).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { launch, serve } from '../test/e2e/browser';
import { measureDesignsList } from './browser-designs';
import { measureDrag, zoomCanvasTo } from './browser-drag';
import { measureTimelineSteps } from './browser-timeline';
import { chainDesign, parallelDesign } from './designs';

const distArg = process.argv.indexOf('--dist');
const server = await serve(distArg > 0 ? process.argv[distArg + 1] : 'dist');
// Stopped on exit, also when a step throws, so a failed run leaves no preview server behind.
process.on('exit', () => server.stop());
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const t0 = Date.now();
await page.goto(server.url);
await page.waitForSelector('body[data-ready="true"]');
await page.locator('[data-testid=palette-stream]').waitFor();
const interactiveMs = Date.now() - t0;
// Of which opening this tab's design from IndexedDB (a new profile: the database is created, an empty design stored).
const designsStartMs = await page.evaluate(() => Math.round(performance.getEntriesByName('designs: start')[0]?.duration ?? NaN));

const big = chainDesign(300, 0);
const file = join(tmpdir(), 'sw-300.json');
writeFileSync(file, JSON.stringify(big));
/** Opens a design file and auto-lays it out: ms until its first card is on screen, and until the layout has landed (+50 ms). */
async function openAndLayout(p: Page, designFile: string): Promise<{ openMs: number; totalMs: number }> {
  const start = Date.now();
  await p.setInputFiles('[data-testid=open-file]', designFile);
  await p.waitForFunction(() => document.querySelectorAll('.sw-op-node').length > 0);
  const openMs = Date.now() - start;
  await p.click('[data-testid=auto-layout]');
  // The button is aria-busy while elkjs lays out; the layout then lands in the document.
  await p.waitForFunction(() => document.querySelector('[data-testid=auto-layout]')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 10_000 });
  await p.waitForTimeout(50);
  return { openMs, totalMs: Date.now() - start };
}
const { openMs, totalMs: openLayoutMs } = await openAndLayout(page, file);
// The page's own measures (src/ui/canvas/layout-engine.ts): the layout worker's start and warm-up
// (begun when the page went idle after the first screen), and the layout request until its result.
const layoutMeasures = async () =>
  Object.fromEntries(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('layout:')).map((m) => [m.name, Math.round(m.duration)] as [string, number])));
const layout300 = await layoutMeasures();
await page.evaluate(() => performance.clearMeasures());
// Dragging a node on a 300-node design that fits on screen (30 pipelines of 10 nodes, laid out and
// fitted: every node on screen), and zoomed in to a readable scale. A short drag first warms up.
const fileParallel = join(tmpdir(), 'sw-300-parallel.json');
writeFileSync(fileParallel, JSON.stringify(parallelDesign(30, 10)));
const openLayoutParallelMs = (await openAndLayout(page, fileParallel)).totalMs;
const layoutParallel = await layoutMeasures();
// Auto layout shows a design too big to read whole from its start (at a readable zoom); Fit shows all.
await page.locator('header').getByRole('button', { name: 'Fit view' }).click();
await page.waitForTimeout(800);
const fitZoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
const onScreen = await page.locator('.sw-op-node').count();
await measureDrag(page, 20);
await page.waitForTimeout(1500);
const drag = { ...(await measureDrag(page)), zoom: Math.round(fitZoom * 100) / 100, nodesInPage: onScreen };
const zoomed = await zoomCanvasTo(page, 1);
await page.waitForTimeout(300);
const dragZoomed = { ...(await measureDrag(page)), zoom: Math.round(zoomed * 100) / 100, nodesInPage: await page.locator('.sw-op-node').count() };

// Preview latency: from a 20-node design with 10k samples being applied (opened) to its result on screen.
const file20 = join(tmpdir(), 'sw-20x10k.json');
writeFileSync(file20, JSON.stringify(chainDesign(20, 10_000)));
// (a string, so the bundler's helpers do not leak into the page)
await page.evaluate(`(() => {
  window.__shown = undefined;
  let sawRun = false;
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid=preview-status]')?.textContent;
    if (status === 'running…') sawRun = true;
    else if (sawRun && status === 'up to date' && window.__shown === undefined) window.__shown = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`);
const t2 = await page.evaluate(() => performance.now());
await page.setInputFiles('[data-testid=open-file]', file20);
await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined && document.querySelector('[data-testid=preview-status]')?.textContent === 'up to date', undefined, { timeout: 30_000 });
await page.waitForTimeout(300);
const shown = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
const previewMs = Math.round(shown - t2);
const runMs = Number((await page.locator('[data-testid=preview-duration]').textContent())?.replace(/\D/g, ''));

// Edits on that design (the application name, in the toolbar) until the new preview is on screen;
// several, as the machine is shared: medians (and the spread) of the input event -> screen time, of
// edit applied -> result in the store (the status tooltip's figure) and of the run in the worker.
const EDITS = 7;
const edits: { screenMs: number; storeMs: number; workerMs: number }[] = [];
for (let i = 0; i < EDITS; i++) {
  await page.evaluate(`(() => {
    window.__edited = undefined;
    let sawRun = false;
    const obs = new MutationObserver(() => {
      const status = document.querySelector('[data-testid=preview-status]')?.textContent;
      if (status === 'running…') sawRun = true;
      else if (sawRun && status === 'up to date' && window.__edited === undefined) { window.__edited = performance.now(); obs.disconnect(); }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  const t3 = await page.evaluate(() => performance.now());
  await page.locator('input[aria-label="Application name"]').fill(`bench-renamed-${i}`);
  await page.waitForFunction(() => (window as unknown as { __edited?: number }).__edited !== undefined, undefined, { timeout: 30_000 });
  const screenMs = Math.round((await page.evaluate(() => (window as unknown as { __edited: number }).__edited)) - t3);
  await page.waitForTimeout(150);
  const storeMs = Number(await page.locator('[data-testid=preview-duration]').getAttribute('data-latency'));
  const workerMs = Number((await page.locator('[data-testid=preview-duration]').textContent())?.replace(/\D/g, ''));
  edits.push({ screenMs, storeMs, workerMs });
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;
const editMs = med(edits.map((e) => e.screenMs));
const appliedToResultMs = med(edits.map((e) => e.storeMs));
const editWorkerMs = med(edits.map((e) => e.workerMs));
// The timeline on that design: step to random records (slider -> the frame showing the state painted; target median < 30 ms).
const timelineSteps = await measureTimelineSteps(page);
await page.click('[data-testid=tab-preview]');
// Code tab on a 100-node design: generating the project in the page (the code generator chunk is
// loaded first, so it is warmed up once before timing).
const file100 = join(tmpdir(), 'sw-100.json');
writeFileSync(file100, JSON.stringify(chainDesign(100, 100)));
await page.setInputFiles('[data-testid=open-file]', file100);
await page.click('[data-testid=tab-code]');
await page.waitForSelector('[data-testid=download-project]');
await page.click('[data-testid=tab-plan]');
const t4 = await page.evaluate(() => performance.now());
await page.click('[data-testid=tab-code]');
await page.waitForSelector('[data-testid=download-project]');
const codeTabMs = Math.round((await page.evaluate(() => performance.now())) - t4);

// Open + layout of the 300-node pipeline again in a fresh page, opened 3 s after its first screen
// (the layout worker has started and warmed up by then, as when a person picks a file).
const page2 = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page2.goto(server.url);
await page2.waitForSelector('body[data-ready="true"]');
await page2.waitForTimeout(3000);
const openLayoutLaterMs = (await openAndLayout(page2, file)).totalMs;

// The Designs list with 50 designs kept (target < 200 ms).
const designsList = await measureDesignsList(browser, server.url);

await browser.close();
const result = { designsList, interactiveMs, designsStartMs, open300Ms: openMs, open300AndLayoutMs: openLayoutMs, layout300, open300ParallelAndLayoutMs: openLayoutParallelMs, open300AndLayout3sLaterMs: openLayoutLaterMs, layoutParallel, preview10kShownMs: previewMs, preview10kWorkerMs: runMs, editToPreview10kMs: editMs, editAppliedToResultMs: appliedToResultMs, editWorkerMs, edits, codeTab100NodesMs: codeTabMs, drag300: drag, drag300Zoomed: dragZoomed, timelineSteps };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`first screen interactive: ${interactiveMs} ms (Monaco not loaded), of which opening the design from IndexedDB ${designsStartMs} ms`);
  const measures = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k.replace('layout: ', '')} ${v} ms`).join(', ');
  console.log(`open a 300-node design (one pipeline) + auto layout: ${openLayoutMs} ms (target < 1 s); its first card on screen after ${openMs} ms; layout worker: ${measures(layout300)}`);
  console.log(`  the same in a fresh page 3 s after its first screen (layout worker warm): ${openLayoutLaterMs} ms`);
  console.log(`open a 300-node design (30 pipelines of 10) + auto layout: ${openLayoutParallelMs} ms; layout worker: ${measures(layoutParallel)}`);
  const dragLine = (d: typeof drag) => `${d.frames} frames, median ${d.medianMs} ms, p95 ${d.p95Ms} ms, max ${d.maxMs} ms, ${d.droppedFrames} dropped frames, ${d.longTasks} long tasks; main thread busy ${d.mainThreadMsPerMove} ms per mouse move`;
  console.log(`drag a node on a 300-node design fitted on screen (zoom ${drag.zoom}, ${drag.nodesInPage} node cards in the page): ${dragLine(drag)}`);
  console.log(`  the same zoomed in to ${dragZoomed.zoom} (${dragZoomed.nodesInPage} node cards in the page): ${dragLine(dragZoomed)}`);
  console.log(`open a 20-node design with 10k samples -> preview shown: ${previewMs} ms (file read, debounce, worker run, transfer, render); simulation in the worker: ${runMs} ms`);
  console.log(`edit that design -> new preview on screen: median ${editMs} ms (${spread(edits.map((e) => e.screenMs))}) over ${EDITS} edits, from the input event`);
  console.log(`  edit applied to the document -> new preview result in the store: median ${appliedToResultMs} ms (${spread(edits.map((e) => e.storeMs))}) (target 100 ms)`);
  console.log(`  of which the simulation in the worker: median ${editWorkerMs} ms (${spread(edits.map((e) => e.workerMs))})`);
  const t = timelineSteps;
  console.log(
    `timeline of that design (${t.records} records, recorded run): step to a random record -> the frame showing its state painted: median ${t.paintedMedianMs} ms (target median < 30 ms); -> state in the document: median ${t.domMedianMs} ms; -> one frame after the frame showing it (moves in whole frames): median ${t.medianMs} ms, p95 ${t.p95Ms} ms; worker round trip median ${t.workerMedianMs} ms; checkpoints ${t.checkpoints}, ~${Math.round(t.estimatedBytes / 1024)} KB estimated`,
  );
  if (designsList) console.log(`Designs list with ${designsList.designs} designs: shown ${designsList.firstOpenMs} ms after the click (first opening after a reload), then median ${designsList.medianOpenMs} ms (${designsList.spreadMs}) (target < 200 ms)`);
  console.log(`Code tab of a 100-node design (generate the project in the page and show it): ${codeTabMs} ms (generation target < 100 ms)`);
}
process.exit(0);
