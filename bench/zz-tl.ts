import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, serve } from '../test/e2e/browser';
import { measureTimelineSteps } from './browser-timeline';
import { chainDesign } from './designs';
const server = await serve('dist');
process.on('exit', () => server.stop());
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(server.url);
await page.waitForSelector('body[data-ready="true"]');
const file20 = join(tmpdir(), 'sw-20x10k-tl.json');
writeFileSync(file20, JSON.stringify(chainDesign(20, Number(process.argv[2] ?? 10_000))));
await page.setInputFiles('[data-testid=open-file]', file20);
await page.waitForFunction(() => document.querySelector('[data-testid=preview-status]')?.textContent === 'up to date', undefined, { timeout: 60_000 });
try {
  console.log(JSON.stringify(await measureTimelineSteps(page)));
} catch (e) {
  console.log(String(e).slice(0, 300));
  await page.screenshot({ path: '/tmp/tl/fail.png' });
}
console.log(await page.locator('[data-testid=preview-duration]').textContent(), await page.locator('[data-testid=preview-status]').textContent());
await browser.close();
process.exit(0);
