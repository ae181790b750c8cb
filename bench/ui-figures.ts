/**
 * `npm run bench:ui` (after `npm run build`): the designer's figures that do not need a browser:
 * initial JS (gzip) of the production build, and the time to auto-layout a 300-node design with
 * elkjs (the same function the canvas calls). Reported, not asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { layoutPositions } from '../src/ui/canvas/auto-layout';
import { chainDesign } from './designs';

const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let gz = 0;
for (const f of initial) gz += gzipSync(readFileSync(join(dist, f))).length;
console.log(`initial JS+CSS loaded by index.html: ${initial.join(', ')}`);
console.log(`  ${(gz / 1024).toFixed(0)} KB gzip (target < 400 KB); Monaco, elkjs and the code generator load lazily`);

const doc = chainDesign(300, 0);
await layoutPositions(doc);
const t = performance.now();
const runs = 5;
for (let i = 0; i < runs; i++) await layoutPositions(doc);
console.log(`auto layout of a 300-node design (elkjs, layered): ${((performance.now() - t) / runs).toFixed(0)} ms per layout (target: open + layout < 1 s)`);
