/**
 * `npm run bench:ui` (after `npm run build`): the designer's figures that do not need a browser:
 * initial JS (gzip) of the production build, and the time to auto-layout a 300-node design with
 * elkjs (the graph and options the canvas's layout worker uses), the first layout in a fresh process
 * (elkjs's code still cold) and once warm. Reported, not asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutInput } from '../src/ui/canvas/layout-graph';
import { chainDesign, parallelDesign } from './designs';

const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let gz = 0;
for (const f of initial) gz += gzipSync(readFileSync(join(dist, f))).length;
console.log(`initial JS+CSS loaded by index.html: ${initial.join(', ')}`);
console.log(`  ${(gz / 1024).toFixed(0)} KB gzip (target < 400 KB); Monaco, elkjs and the code generator load lazily`);

// elkjs's first layout in a fresh process compiles its code: timed apart from the warm ones.
const elk = new ELK({ algorithms: ['layered'] });
async function timeLayouts(name: string, doc: Parameters<typeof layoutInput>[0], whole: boolean) {
  const layout = async () => {
    const input = layoutInput(doc);
    // whole: every node handed to elkjs (how the designer laid out before runs were merged into boxes)
    const graph = whole ? { ...input.graph, children: doc.nodes.map((n) => ({ id: n.id, width: 200, height: 90 })), edges: doc.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })) } : input.graph;
    return input.positions(await elk.layout(graph));
  };
  let t = performance.now();
  await layout();
  const firstMs = performance.now() - t;
  t = performance.now();
  const runs = 5;
  for (let i = 0; i < runs; i++) await layout();
  console.log(`auto layout of ${name} (elkjs, layered, Node${whole ? ', every node handed to elkjs' : ''}): first ${firstMs.toFixed(0)} ms, then ${((performance.now() - t) / runs).toFixed(0)} ms per layout`);
}
// In this order: only the first line's first layout is elkjs's first in the process.
await timeLayouts('a 300-node design (one pipeline)', chainDesign(300, 0), false);
await timeLayouts('a 300-node design (30 pipelines of 10)', parallelDesign(30, 10), false);
await timeLayouts('a 300-node design (one pipeline)', chainDesign(300, 0), true);
console.log('(target: open + layout of a 300-node design < 1 s, measured in Chromium by npm run bench:browser)');
