/**
 * What every e2e file shares: one server and one browser per file (the build itself is shared by all
 * files, see ensureBuilt), a fresh page (own context, so its own IndexedDB) per test, and the
 * gestures the tests repeat: dropping from the palette, connecting handles, typing into Monaco.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureBuilt, launch, serve } from './browser';

export interface E2e {
  browser: Browser;
  url: string;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the first test. */
export function useDesigner(): E2e {
  const env = {} as E2e;
  let stop: (() => void) | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    const server = await serve();
    stop = server.stop;
    env.url = server.url;
    env.browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await env.browser?.close();
    stop?.();
  });
  return env;
}

/**
 * A fresh page on the designer, once the autosave restore has run. Uncaught page errors are
 * collected. With `context`, a further tab of that browser context (same storage), else its own
 * context with this viewport.
 */
export async function openApp(env: E2e, context?: BrowserContext, viewport = { width: 1600, height: 1000 }): Promise<Page & { errors: string[] }> {
  const page = (await (context ? context.newPage() : env.browser.newPage({ viewport, acceptDownloads: true }))) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export async function drop(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.locator(`[data-testid=palette-${kind}]`).dragTo(page.locator('[data-testid=canvas]'), { targetPosition: { x, y } });
}

export async function connectHandles(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(`[data-testid="${from}"]`).boundingBox();
  const b = await page.locator(`[data-testid="${to}"]`).boundingBox();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move((a!.x + b!.x) / 2, (a!.y + b!.y) / 2, { steps: 5 });
  await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 5 });
  await page.mouse.up();
}

/**
 * Replaces a Monaco editor's text: typed key by key (as a person would), inserted at once (one line:
 * Monaco auto-closes brackets of inserted text as of typed text) or pasted (several lines, verbatim).
 */
export async function setMonaco(page: Page, where: string | Locator, text: string, mode: 'type' | 'insert' | 'paste'): Promise<void> {
  const editor = (typeof where === 'string' ? page.locator(`[data-testid="${where}"]`) : where).locator('.monaco-editor');
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (mode === 'type') await page.keyboard.type(text);
  else if (mode === 'insert') await page.keyboard.insertText(text);
  else {
    // A paste event with the text, as the system clipboard would deliver it (no permission needed).
    await editor.locator('textarea').evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
}

/** The text of a Monaco editor's model lines as shown (Monaco renders non-breaking spaces). */
export async function monacoText(page: Page, testId: string): Promise<string> {
  const text = await page.locator(`[data-testid="${testId}"] .view-lines`).innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** The output table's rows as cell texts (#, key, value, timestamp, window). */
export async function outputRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid=output-row]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

export async function nodeCount(page: Page): Promise<number> {
  return page.locator('.sw-op-node').count();
}

/** Waits until the preview has run the current design. */
export async function previewSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=preview-duration]', { timeout: 30_000 });
  await expect.poll(() => page.locator('[data-testid=preview-status]').textContent(), { timeout: 30_000 }).toBe('up to date');
}

export async function openExample(page: Page, file: string): Promise<void> {
  await page.click('[data-testid=open-examples]');
  await page.click(`[data-testid=example-${file}]`);
  await page.waitForSelector('[role=dialog]', { state: 'detached' });
  await viewportSettled(page);
}

/** Opens a design through the toolbar's file input (the "Open…" button's upload). */
export async function openDesign(page: Page, design: object, name = 'design.json'): Promise<void> {
  await page.setInputFiles('[data-testid=open-file]', tempFile(name, JSON.stringify(design)));
  await page.waitForFunction((n) => document.querySelectorAll('.sw-op-node').length === n, (design as { nodes: unknown[] }).nodes.length);
  await viewportSettled(page);
}

/** Waits until the canvas stops moving (opening a design fits the view with a short animation). */
export async function viewportSettled(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = '';
  let unchanged = 0;
  await expect
    .poll(
      async () => {
        const now = await transform();
        unchanged = now === last ? unchanged + 1 : 0;
        last = now;
        return unchanged >= 2;
      },
      { timeout: 10_000, interval: 150 },
    )
    .toBe(true);
}

/**
 * Saves a screenshot of the page as a test artifact (test/.artifacts/screenshots/<name>.png, not in
 * git) and prints its path, so a person can look at what the test saw.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(import.meta.dirname, '..', '.artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
  return path;
}

/** Writes a temporary file for an upload. */
export function tempFile(name: string, text: string): string {
  const file = join(tmpdir(), `sw-e2e-${process.pid}-${Date.now()}-${name}`);
  writeFileSync(file, text);
  return file;
}

export interface NodeSpec {
  kind: string;
  params?: Record<string, unknown>;
}

/** Two streams joined (`orders -> joined:left`, `payments -> joined:right`), shared by several tests. */
export const JOINED_STREAMS: Record<string, NodeSpec> = {
  orders: { kind: 'stream', params: { topic: 'orders' } },
  payments: { kind: 'stream', params: { topic: 'payments' } },
  joined: { kind: 'join', params: { joiner: '(l, r) => ({ l, r })', beforeMs: 60000, afterMs: 60000 } },
};
export const JOINED_EDGES = ['orders -> joined:left', 'payments -> joined:right'];

/**
 * A design file: nodes by name (laid out left to right, `perRow` a row), edges as
 * `source -> target[:port]` (`source.port -> target` for a split branch), samples per topic.
 */
export function design(nodes: Record<string, NodeSpec>, edges: string[] = [], samples: Record<string, unknown[]> = {}, perRow = 4): object {
  const names = Object.keys(nodes);
  return {
    format: 'streamwright/topology',
    version: 1,
    name: 'e2e',
    nodes: names.map((name, i) => ({ id: name, kind: nodes[name].kind, name, params: nodes[name].params ?? {}, position: { x: (i % perRow) * 280, y: Math.floor(i / perRow) * 180 } })),
    edges: edges.map((e, i) => {
      const [from, to] = e.split(' -> ');
      const [source, sourcePort] = from.split('.');
      const [target, targetPort = 'in'] = to.split(':');
      return { id: `e${i + 1}`, source, target, targetPort, ...(sourcePort ? { sourcePort } : {}) };
    }),
    samples,
    settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 },
  };
}
