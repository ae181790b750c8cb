/**
 * The designer without a mouse (issue #11): operators added from the palette with Enter, placed and
 * connected after the selected node; arrow keys move between cards, Enter opens one in the
 * inspector; the focused card shows a focus ring.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, openApp, openDesign, screenshot, useDesigner } from './helpers';

const env = useDesigner();

const selected = (page: Page) => page.locator('.sw-op-node.sw-selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.querySelector('.sw-op-node')?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('data-testid'));

describe('keyboard', () => {
  it('builds a chain from the palette with Enter: each operator placed right of the selection and connected to it', async () => {
    const page = await openApp(env);
    const search = page.locator('[data-testid=palette-search]');
    await search.fill('stream');
    await search.press('Enter');
    await expect.poll(() => selected(page)).toEqual(['node-stream']);
    await search.fill('');
    for (const kind of ['filter', 'groupByKey', 'count']) {
      await page.locator(`[data-testid=palette-${kind}]`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => selected(page)).toEqual([`node-${kind}`]);
    }
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await expect(page.locator('[data-testid="node-count"] [data-testid=stream-kind]').textContent()).resolves.toBe('KTable');
    // Left to right, one after the other.
    const xs = await Promise.all(['stream', 'filter', 'groupByKey', 'count'].map(async (n) => (await page.locator(`[data-testid="node-${n}"]`).boundingBox())!.x));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves between cards with the arrow keys (spatial neighbour), opens one with Enter, and shows the focus', async () => {
    const page = await openApp(env);
    // a b
    // c d
    await openDesign(page, design({ a: { kind: 'stream', params: { topic: 'a' } }, b: { kind: 'filter' }, c: { kind: 'stream', params: { topic: 'c' } }, d: { kind: 'mapValues' } }, [], {}, 2));
    await page.locator('.react-flow__node', { has: page.locator('[data-testid="node-a"]') }).focus();
    for (const [key, to] of [['ArrowRight', 'b'], ['ArrowDown', 'd'], ['ArrowLeft', 'c'], ['ArrowUp', 'a']]) {
      await page.keyboard.press(key);
      await expect.poll(() => focusedTestId(page)).toBe(`node-${to}`);
      await expect.poll(() => selected(page)).toEqual([`node-${to}`]);
    }
    // Nothing further that way: the focus stays.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedTestId(page)).toBe('node-a');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedTestId(page)).toBe('node-b');
    const ring = await page.locator('[data-testid="node-b"]').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(ring).toBe('solid 2px');
    await screenshot(page, 'keyboard-focus-ring');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('node-name');
    await expect(page.locator('[data-testid=node-name]').inputValue()).resolves.toBe('b');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
