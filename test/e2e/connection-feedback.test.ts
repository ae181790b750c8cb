/**
 * While a connection is dragged, the handle under it says at once whether it accepts it (green or
 * red, with the reason next to the pointer); a refused drop offers the fix in one click (insert
 * groupByKey between a stream and count), and undo takes the whole fix back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, openApp, openDesign, screenshot, useDesigner } from './helpers';

const env = useDesigner();

/** Presses on one handle and moves onto another without releasing. */
async function dragOnto(page: Page, from: string, to: string): Promise<void> {
  const a = (await page.locator(`[data-testid="${from}"]`).boundingBox())!;
  const b = (await page.locator(`[data-testid="${to}"]`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 30, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
}

/** The colour of a handle's visible dot. */
const dotColour = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).evaluate((el) => getComputedStyle(el, '::after').backgroundColor);
const RED = 'rgb(255, 92, 108)';
const GREEN = 'rgb(62, 207, 142)';

describe('connection feedback while dragging', () => {
  it('shows red with the reason over a refusing handle, green over an accepting one, before the drop', async () => {
    const page = await openApp(env);
    await openDesign(page, design({ lines: { kind: 'stream', params: { topic: 'lines' } }, counted: { kind: 'count' }, kept: { kind: 'filter', params: { predicate: '(k, v) => true' } } }));
    await dragOnto(page, 'out-lines-out', 'in-counted-in');
    const hint = page.locator('[data-testid=connection-hint]');
    await expect.poll(() => hint.getAttribute('data-valid')).toBe('false');
    await expect(hint.textContent()).resolves.toMatch(/count cannot take a KStream.*count needs a KGroupedStream, not a KStream: release to insert groupByKey here/);
    await expect.poll(() => dotColour(page, 'in-counted-in')).toBe(RED);
    await screenshot(page, 'connection-refused-while-dragging');
    // On to an input that accepts a stream, still dragging.
    const kept = (await page.locator('[data-testid="in-kept-in"]').boundingBox())!;
    await page.mouse.move(kept.x + kept.width / 2, kept.y + kept.height / 2, { steps: 8 });
    await expect.poll(() => hint.getAttribute('data-valid')).toBe('true');
    await expect.poll(() => dotColour(page, 'in-kept-in')).toBe(GREEN);
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => hint.count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers the fix of a refused drop in one click: groupByKey inserted and connected on both sides, one undo step', async () => {
    const page = await openApp(env);
    await openDesign(page, design({ lines: { kind: 'stream', params: { topic: 'lines' } }, counted: { kind: 'count' } }));
    await dragOnto(page, 'out-lines-out', 'in-counted-in');
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-testid=toast-message]').textContent()).toMatch(/Connection refused: count cannot take a KStream/);
    const fix = page.locator('[data-testid=toast-action]');
    await expect(fix.textContent()).resolves.toBe('Insert groupByKey here');
    await screenshot(page, 'connection-refused-fix-offered');
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await fix.click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect(page.locator('[data-testid="node-groupByKey"] [data-testid=stream-kind]').textContent()).resolves.toBe('KGroupedStream');
    await expect(page.locator('[data-testid="node-counted"] [data-testid=stream-kind]').textContent()).resolves.toBe('KTable');
    await expect.poll(() => page.locator('[data-testid="node-counted"] [data-testid=node-problem]').count()).toBe(0);
    // One undo takes the node and both edges back.
    await page.locator('[data-testid=undo]').click();
    await expect.poll(() => page.locator('.sw-op-node').count()).toBe(2);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
