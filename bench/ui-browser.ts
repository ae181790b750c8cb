/**
 * `npm run bench:browser` (after `npm run build`): designer figures measured in Debian's Chromium:
 * time until the first screen is interactive, opening + auto-laying-out a 300-node design, and the
 * time from applying 10k new sample records to the updated preview. Reported, not asserted.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, serve } from '../test/e2e/browser';
import { chainDesign } from './designs';

const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const t0 = Date.now();
await page.goto(server.url);
await page.waitForSelector('body[data-ready="true"]');
await page.locator('[data-testid=palette-stream]').waitFor();
const interactiveMs = Date.now() - t0;

const big = chainDesign(300, 0);
const file = join(tmpdir(), 'sw-300.json');
writeFileSync(file, JSON.stringify(big));
const t1 = Date.now();
await page.setInputFiles('[data-testid=open-file]', file);
await page.waitForFunction(() => document.querySelectorAll('.op-node').length > 0);
await page.click('[data-testid=auto-layout]');
await page.waitForFunction(() => (window as unknown as { __layoutDone?: boolean }).__layoutDone !== false, undefined, { timeout: 10_000 });
await page.waitForTimeout(50);
const openLayoutMs = Date.now() - t1;

// Preview latency: a 20-node design, then 10k records applied in the samples editor.
const d20 = chainDesign(20, 0);
writeFileSync(file, JSON.stringify(d20));
await page.setInputFiles('[data-testid=open-file]', file);
await page.click('[data-testid=tab-samples]');
const records = chainDesign(20, 10_000).samples.events;
const csv = 'key,value,timestamp\n' + records.map((r) => `${r.key},"${JSON.stringify(r.value).replace(/"/g, '""')}",${r.timestamp}`).join('\n');
const csvFile = join(tmpdir(), 'sw-10k.csv');
writeFileSync(csvFile, csv);
await page.waitForSelector('[data-testid="preview-status"]:has-text("up to date")');
const t2 = Date.now();
await page.setInputFiles('[data-testid=import-samples]', csvFile);
await page.waitForFunction(() => document.querySelector('[data-testid=preview-status]')?.textContent === 'running…', undefined, { timeout: 5000 }).catch(() => undefined);
await page.waitForSelector('[data-testid="preview-status"]:has-text("up to date")', { timeout: 20_000 });
const previewMs = Date.now() - t2;

await browser.close();
server.stop();
const result = { interactiveMs, open300AndLayoutMs: openLayoutMs, preview10kAfterImportMs: previewMs, debounceMs: 250 };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`first screen interactive: ${interactiveMs} ms (Monaco not loaded)`);
  console.log(`open a 300-node design + auto layout: ${openLayoutMs} ms (target < 1 s)`);
  console.log(`10k sample records imported -> preview updated: ${previewMs} ms (includes the 250 ms debounce; target: update within 100 ms of the edit being applied)`);
}
process.exit(0);
