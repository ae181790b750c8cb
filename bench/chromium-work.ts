/**
 * What Chromium's renderer did during a piece of a bench, per step: from CDP Performance.getMetrics
 * (before/after: style recalcs, layouts, their time, script time) and a devtools.timeline trace (the
 * layout objects each layout found dirty, and the time of style, layout, pre-paint, paint and
 * layerize events). Counts of work done, so an A/B shows progress even when wall time is noisy.
 */
import type { Browser, Page } from 'playwright-core';

export interface ChromiumWork {
  recalcStyles: number;
  layouts: number;
  dirtyLayoutObjects: number;
  totalLayoutObjects: number;
  styleMs: number;
  layoutMs: number;
  prePaintMs: number;
  paintMs: number;
  layerizeMs: number;
  scriptMs: number;
  taskMs: number;
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { beginData?: { dirtyObjects?: number; totalObjects?: number }; data?: object } }

const TRACED = { UpdateLayoutTree: 'styleMs', Layout: 'layoutMs', PrePaint: 'prePaintMs', Paint: 'paintMs', Layerize: 'layerizeMs' } as const;

/** Sums the traced events' durations (complete events, or begin/end pairs) and the layouts' dirty objects. */
function fromTrace(events: TraceEvent[]): Pick<ChromiumWork, 'dirtyLayoutObjects' | 'totalLayoutObjects' | (typeof TRACED)[keyof typeof TRACED]> {
  const sums = { dirtyLayoutObjects: 0, totalLayoutObjects: 0, styleMs: 0, layoutMs: 0, prePaintMs: 0, paintMs: 0, layerizeMs: 0 };
  const open = new Map<string, number>();
  for (const e of events) {
    const key = TRACED[e.name as keyof typeof TRACED];
    if (!key) continue;
    if (e.name === 'Layout' && e.ph !== 'E') {
      sums.dirtyLayoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
      sums.totalLayoutObjects = Math.max(sums.totalLayoutObjects, e.args?.beginData?.totalObjects ?? 0);
    }
    const id = `${e.pid}:${e.tid}:${e.name}`;
    if (e.ph === 'X') sums[key] += (e.dur ?? 0) / 1000;
    else if (e.ph === 'B') open.set(id, e.ts);
    else if (e.ph === 'E' && open.has(id)) {
      sums[key] += (e.ts - open.get(id)!) / 1000;
      open.delete(id);
    }
  }
  return sums;
}

/** Runs `body` (which does `steps` steps) under a trace and metrics, and returns its result and the work per step. */
export async function chromiumWork<T>(browser: Browser, page: Page, steps: number, body: () => Promise<T>): Promise<{ result: T; work: ChromiumWork }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const before = await metrics();
  const result = await body();
  const after = await metrics();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  const d = (name: string) => (after[name] - before[name]) / steps;
  const traced = fromTrace(trace.traceEvents);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const work: ChromiumWork = {
    recalcStyles: r1(d('RecalcStyleCount')),
    layouts: r1(d('LayoutCount')),
    dirtyLayoutObjects: Math.round(traced.dirtyLayoutObjects / steps),
    totalLayoutObjects: traced.totalLayoutObjects,
    styleMs: r1(traced.styleMs / steps),
    layoutMs: r1(traced.layoutMs / steps),
    prePaintMs: r1(traced.prePaintMs / steps),
    paintMs: r1(traced.paintMs / steps),
    layerizeMs: r1(traced.layerizeMs / steps),
    scriptMs: r1(d('ScriptDuration') * 1000),
    taskMs: r1(d('TaskDuration') * 1000),
  };
  return { result, work };
}
