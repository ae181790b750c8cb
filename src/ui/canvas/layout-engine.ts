/**
 * elkjs in a Web Worker, so the page stays responsive while a layout runs. One worker for the page,
 * started when the page is idle after the first screen: elkjs is 1.6 MB of GWT-compiled Java, and
 * loading it, compiling it and its first layout cost ~0.5-1 s on the loaded 2-core machine; a small
 * warm-up layout does that before the user asks for a layout (docs/performance.md).
 */
import type { ELK } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { TopologyDocument } from '../../model/types';
import { layoutInput, warmUpGraph, type Positions } from './layout-graph';
import { wrapToViewport, type Size } from './layout-wrap';

let engine: Promise<{ elk: ELK; failed: Promise<never> }> | undefined;

function start(): Promise<{ elk: ELK; failed: Promise<never> }> {
  return import('elkjs/lib/elk-api.js').then(({ default: ElkApi }) => {
    let fail: (e: Error) => void = () => {};
    // elkjs's worker wrapper never settles a request when the worker dies: a layout races this.
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    const elk = new ElkApi({
      algorithms: ['layered'],
      workerFactory: () => {
        const worker = new Worker(elkWorkerUrl);
        worker.addEventListener('error', (e) => {
          engine = undefined;
          fail(new Error(`the layout worker failed: ${e.message || 'could not load'}`));
        });
        return worker;
      },
    });
    const started = performance.now();
    void elk
      .layout(warmUpGraph())
      .then(() => performance.measure('layout: worker start and warm-up', { start: started }))
      .catch(() => {});
    return { elk, failed };
  });
}

/** Starts the layout worker (once) without waiting for it. */
export function prepareLayout(): void {
  engine ??= start();
}

/** Starts the layout worker when the browser is idle (after the first screen has rendered). */
export function prepareLayoutWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => prepareLayout(), { timeout: 3000 });
  else setTimeout(prepareLayout, 500);
}

/** Positions for the design's nodes, in rows that fit the viewport's shape (when given). */
export async function layoutPositions(doc: Pick<TopologyDocument, 'nodes' | 'edges'>, viewport?: Size): Promise<Positions> {
  prepareLayout();
  const started = performance.now();
  const { elk, failed } = await engine!;
  const { graph, positions } = layoutInput(doc);
  const laidOut = await Promise.race([elk.layout(graph), failed]);
  // Read by the browser bench (bench/ui-browser.ts), with the warm-up's measure.
  const laidOutPositions = positions(laidOut);
  const wrapped = viewport ? wrapToViewport(laidOutPositions, viewport) : laidOutPositions;
  performance.measure('layout: request to result', { start: started });
  return wrapped;
}
