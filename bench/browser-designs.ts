/**
 * The Designs list with 50 designs: the designs are added the way a user adds them (opening design
 * files), the page is reloaded, and the time from the click on "Designs" to the list of 50 entries
 * (thumbnails included) painted is measured in the page, several times.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chainDesign, parallelDesign } from './designs';

export interface DesignsListFigures {
  designs: number;
  /** The first opening after the reload (reads the list from IndexedDB), ms. */
  firstOpenMs: number;
  /** Median (and spread) of the openings after it, ms. */
  medianOpenMs: number;
  spreadMs: string;
}

/** `null` for a build without the Designs list (a baseline from before it). */
export async function measureDesignsList(browser: Browser, url: string, count = 50, runs = 7): Promise<DesignsListFigures | null> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  if (!(await page.locator('[data-testid=show-designs]').count())) return null;
  for (let i = 0; i < count; i++) {
    const file = join(tmpdir(), `sw-designs-${i}.json`);
    const doc = i % 5 === 4 ? parallelDesign(3 + (i % 4), 7) : chainDesign(6 + (i % 25), 0);
    writeFileSync(file, JSON.stringify({ ...doc, name: `bench-design-${i}` }));
    await page.setInputFiles('[data-testid=open-file]', file);
    await page.waitForFunction((n) => (document.querySelector('input[aria-label="Application name"]') as HTMLInputElement)?.value === n, `bench-design-${i}`);
  }
  await page.waitForSelector('[data-testid=save-status][data-state=saved]');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // (a string, so the bundler's helpers do not leak into the page) Click, then wait for `count`
    // entries with their thumbnails, then for the frame that paints them.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('[data-testid=show-designs]').click();
      const check = () => {
        if (document.querySelectorAll('[data-testid=design-item] svg').length >= ${count}) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        else requestAnimationFrame(check);
      };
      check();
    })`)) as number;
    times.push(Math.round(ms));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=designs-list]', { state: 'detached' });
  }
  await page.close();
  const rest = times.slice(1).sort((a, b) => a - b);
  return { designs: count, firstOpenMs: times[0], medianOpenMs: rest[Math.floor(rest.length / 2)], spreadMs: `${rest[0]}-${rest[rest.length - 1]}` };
}
