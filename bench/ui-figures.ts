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
import { positionsOf, toElkGraph } from '../src/ui/canvas/layout-graph';
import { chainDesign } from './designs';

const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let gz = 0;
for (const f of initial) gz += gzipSync(readFileSync(join(dist, f))).length;
console.log(`initial JS+CSS loaded by index.html: ${initial.join(', ')}`);
console.log(`  ${(gz / 1024).toFixed(0)} KB gzip (target < 400 KB); Monaco, elkjs and the code generator load lazily`);

const doc = chainDesign(300, 0);
const elk = new ELK({ algorithms: ['layered'] });
const layout = async () => positionsOf(await elk.layout(toElkGraph(doc)));
let t = performance.now();
await layout();
const coldMs = performance.now() - t;
t = performance.now();
const runs = 5;
for (let i = 0; i < runs; i++) await layout();
console.log(`auto layout of a 300-node design (elkjs, layered, Node): first ${coldMs.toFixed(0)} ms, then ${((performance.now() - t) / runs).toFixed(0)} ms per layout (target: open + layout < 1 s)`);
