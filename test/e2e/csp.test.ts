/**
 * The built app's content security policy, in Chromium: a design's function that calls fetch or
 * importScripts fails on its node with a clear error and makes no request; neither the page nor the
 * preview worker can reach another host or load a script from one; the designer itself (Monaco,
 * React Flow, the layout worker, the preview) runs under the policy without a violation.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { design, openApp, openDesign, openExample, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();
const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);

// "Another host": a server on another port is another origin, and it counts what reaches it.
let other: Server;
let otherUrl = '';
const hits: string[] = [];
beforeAll(async () => {
  other = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/javascript');
    res.end('self.pwned = true;');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
});
afterAll(() => other?.close());

/**
 * Every request the page or its workers started for anything but the app itself, with how it ended
 * (Chromium announces a request the policy then refuses: Playwright says it failed with "csp").
 */
function foreignRequests(page: Page, appUrl: string): Map<string, string> {
  const seen = new Map<string, string>();
  const origin = new URL(appUrl).origin;
  const foreign = (url: string) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:');
  const context = page.context();
  context.on('request', (r) => foreign(r.url()) && seen.set(r.url(), 'pending'));
  context.on('requestfailed', (r) => foreign(r.url()) && seen.set(r.url(), r.failure()?.errorText ?? 'failed'));
  context.on('requestfinished', (r) => foreign(r.url()) && seen.set(r.url(), 'finished'));
  return seen;
}

const oneMap = (mapper: string) =>
  design({ in: { kind: 'stream', params: { topic: 'in' } }, 'call-out': { kind: 'mapValues', params: { mapper } }, out: { kind: 'to', params: { topic: 'out' } } }, ['in -> call-out', 'call-out -> out'], {
    in: [{ key: 'k', value: 1, timestamp: 1 }],
  });

describe('content security policy', () => {
  it.each([
    ['fetch', "(v) => { fetch('http://example.com/x'); return v; }"],
    ['importScripts', "(v) => { importScripts('http://example.com/x.js'); return v; }"],
  ])('a function calling %s fails on its node, and no request leaves', async (name, mapper) => {
    const page = await openApp(env);
    const foreign = foreignRequests(page, env.url);
    await openDesign(page, oneMap(mapper));
    const problem = card(page, 'call-out').locator('[data-testid=node-problem]');
    await expect.poll(() => problem.textContent(), { timeout: 20_000 }).toContain(`${name} is blocked by the designer's content security policy`);
    await card(page, 'call-out').click();
    await expect.poll(() => page.locator('[data-testid=node-error]').textContent()).toContain(`${name} is blocked by the designer's content security policy`);
    expect([...foreign]).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses what gets round the lock: a dynamic import in the worker, fetch and scripts in the page', async () => {
    const page = await openApp(env);
    const foreign = foreignRequests(page, env.url);
    hits.length = 0;
    // import() is syntax, so no lock can replace it: only the worker's own policy stops it.
    await openDesign(page, oneMap(`(v) => { import('${otherUrl}/worker-import.js').catch(() => undefined); return v + 1; }`));
    await previewSettled(page);
    await expect.poll(() => card(page, 'call-out').locator('[data-testid=emitted-count]').textContent()).toBe('1 out');
    const page_ = await page.evaluate(async (url) => {
      const fetched = await fetch(`${url}/page-fetch`).then(
        () => 'fetched',
        (e) => String(e),
      );
      const script = document.createElement('script');
      script.src = `${url}/page-script.js`;
      const loaded = await new Promise((resolve) => {
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('refused');
        document.head.append(script);
      });
      return { fetched, loaded, pwned: (self as { pwned?: boolean }).pwned ?? false };
    }, otherUrl);
    expect(page_).toEqual({ fetched: expect.stringMatching(/Failed to fetch/), loaded: 'refused', pwned: false });
    // Announced by Chromium, refused by the policy before leaving: the other host saw nothing.
    await expect.poll(() => Object.fromEntries(foreign)).toEqual({ [`${otherUrl}/worker-import.js`]: 'csp', [`${otherUrl}/page-script.js`]: 'csp' });
    expect(hits).toEqual([]);
    await page.close();
  }, 60_000);

  it('the designer runs under the policy without a violation (Monaco, canvas, layout, preview)', async () => {
    // Chromium reports every refusal (page and workers) on the console, from the first request on.
    const page = (await env.browser.newPage({ viewport: { width: 1600, height: 1000 } })) as Page;
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready="true"]');
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'split-words').click();
    await setMonaco(page, 'fn-mapper', "(value: string) => value.toLowerCase().split(' ')", 'insert');
    await previewSettled(page);
    await page.click('[data-testid=auto-layout]');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=emitted-count]').textContent()).toBe('11 out');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
