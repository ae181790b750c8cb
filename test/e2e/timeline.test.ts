/**
 * The event-time timeline in Chromium: stepping (buttons, keyboard, slider), the state of each node
 * at the cursor (stream time, records out, windows with their status, a late record dropped with its
 * rule), and an output record's button moving the cursor to the input that wrote it.
 */
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();

const position = (page: import('playwright-core').Page) => page.locator('[data-testid=timeline-position]').getAttribute('data-position').then(Number);
const nodeRow = (page: import('playwright-core').Page, name: string, cell: string) => page.locator(`[data-testid="timeline-node-${name}"] [data-testid=${cell}]`).textContent();

/**
 * The slider drags through the records in processing order. The position shown and the state it names
 * change in the same update: what the page holds the moment the position flips is record 3's.
 */
async function sliderMovesPositionAndStateTogether(page: import('playwright-core').Page): Promise<void> {
  const badge = page.locator('[data-testid="node-views-per-minute"] [data-testid=cursor-state]');
  await page.evaluate(`(() => {
    const pos = document.querySelector('[data-testid=timeline-position]');
    new MutationObserver(() => {
      if (pos.getAttribute('data-position') !== '2' || window.__atFlip) return;
      const row = document.querySelector('[data-testid="timeline-node-views-per-minute"] [data-testid=timeline-emitted]');
      window.__atFlip = { emitted: row.textContent, badge: document.querySelector('[data-testid="node-views-per-minute"] [data-testid=cursor-state]').textContent };
    }).observe(pos, { attributes: true });
  })()`);
  await page.locator('[data-testid=timeline-slider]').fill('2');
  await expect.poll(() => position(page)).toBe(2);
  expect(await nodeRow(page, 'views-per-minute', 'timeline-emitted')).toBe('3');
  expect(await page.evaluate('window.__atFlip')).toEqual({ emitted: '3', badge: await badge.textContent() });
  expect(await badge.textContent()).toContain('3 out');
}

describe('timeline', () => {
  it('steps through the input records: state at the cursor, windows by status, the late record dropped with its rule', async () => {
    const page = await openApp(env);
    await openExample(page, 'pageview-windows');
    await previewSettled(page);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=timeline-panel]', { timeout: 30_000 });
    await expect.poll(() => position(page)).toBe(0);
    expect(await nodeRow(page, 'views-per-minute', 'timeline-emitted')).toBe('1');
    expect(await nodeRow(page, 'views-per-minute', 'timeline-stream-time')).toBe('22:13:20');
    // Node cards show the state at the cursor too.
    const badge = page.locator('[data-testid="node-views-per-minute"] [data-testid=cursor-state]');
    await expect.poll(() => badge.textContent()).toBe('@ 22:13:20 · 1 out');
    // Stepping changes the badges' text, never the cards' size (React Flow would measure them all again).
    const cardSizes = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).offsetWidth}x${(e as HTMLElement).offsetHeight}`).join(' '));
    const sizesAtStart = await cardSizes();

    await page.click('[data-testid=timeline-step-forward]');
    await expect.poll(() => position(page)).toBe(1);
    // Keyboard: right arrow steps forward, left back; End goes to the last record.
    await page.locator('[data-testid=timeline-panel]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).toBe(4);
    // Record 5 (u2 @ 22:14:15) came after one at 22:14:25: out of order, but its window is open.
    await expect.poll(() => page.locator('[data-testid=timeline-out-of-order]').count()).toBe(1);
    expect(await page.locator('[data-testid=timeline-dropped]').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position(page)).toBe(3);
    await page.keyboard.press('End');
    await expect.poll(() => position(page)).toBe(6);
    await expect.poll(() => badge.textContent()).toContain('dropped now');
    expect(await badge.getAttribute('title')).toContain(`${await badge.textContent()} (`);
    expect(await cardSizes()).toBe(sizesAtStart);

    // The last record (22:13:50) arrives when stream time is 22:15:30: its window closed past grace.
    await expect.poll(() => page.locator('[data-testid=timeline-dropped]').count()).toBe(1);
    const drop = page.locator('[data-testid=timeline-drop]');
    await expect.poll(() => drop.getAttribute('data-code')).toBe('expired-window');
    expect(await drop.textContent()).toContain('closed 80000 ms before');
    const statuses = await page.locator('[data-testid=timeline-window]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['expired', 'closed', 'closed', 'open']);
    await screenshot(page, 'timeline-late-drop');

    await sliderMovesPositionAndStateTogether(page);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('an output record jumps the cursor to the input that wrote it; pressing the lanes picks the nearest input', async () => {
    const page = await openApp(env);
    await openExample(page, 'final-results-suppress');
    await previewSettled(page);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=timeline-panel]', { timeout: 30_000 });
    const outputs = page.locator('[data-testid=timeline-output]');
    await expect.poll(() => outputs.count()).toBe(3);
    // The first final count (s1's first minute) is written when the record at 22:14:00 (the third) closes it.
    await outputs.first().click();
    await expect.poll(() => position(page)).toBe(2);
    await page.locator('[data-testid="timeline-node-final-only"]').click();
    await expect.poll(() => page.locator('[data-testid=timeline-buffer-entry]').count()).toBeGreaterThan(0);
    await page.click('[data-testid=timeline-step-back]');
    await expect.poll(() => position(page)).toBe(1);
    await expect.poll(() => page.locator('[data-testid=timeline-buffer-entry]').first().textContent()).toContain('emitted at input #3');
    await screenshot(page, 'timeline-suppress-buffer');
    // Press the lanes at their left end: the earliest input record.
    const lanes = page.locator('[data-testid=timeline-lanes]');
    const box = (await lanes.boundingBox())!;
    await page.mouse.click(box.x + 112, box.y + 10);
    await expect.poll(() => position(page)).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('partitions: simulate N partitions, compare with one per sink, filter the records by partition', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=partitions-view]', { timeout: 30_000 });
    await page.locator('[data-testid=partitions-count]').fill('3');
    await page.click('[data-testid=partitions-run]');
    const compare = page.locator('[data-testid=partitions-compare]');
    await expect.poll(() => compare.count()).toBe(1);
    // Counting by word: each word lives in one partition, so the results per key are the same.
    expect(await compare.getAttribute('data-same')).toBe('true');
    const rows = page.locator('[data-testid=partition-row]');
    const partitions = await rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-partition')))].sort());
    expect(partitions.length).toBeGreaterThan(1);
    await page.locator('[data-testid=partitions-filter]').selectOption(partitions[1]!);
    await expect.poll(() => rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-partition')))])).toEqual([partitions[1]]);
    await page.locator('[data-testid=partitions-view]').scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline-partitions');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('arrival orders: finds the join results that depend on order, replays both orders, marks the join and the sink', async () => {
    const page = await openApp(env);
    await openExample(page, 'enrich-with-table');
    await previewSettled(page);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=orders-view]', { timeout: 30_000 });
    await page.locator('[data-testid=orders-count]').fill('20');
    await page.click('[data-testid=orders-run]');
    const summary = page.locator('[data-testid=orders-summary]');
    await expect.poll(() => summary.getAttribute('data-dependent'), { timeout: 30_000 }).not.toBeNull();
    expect(Number(await summary.getAttribute('data-dependent'))).toBeGreaterThan(0);
    expect(await summary.textContent()).toContain('20 orders tried');
    // The stream-table join and its sink carry the mark; the sources do not.
    await expect.poll(() => page.locator('[data-testid=order-badge]').count()).toBe(2);
    expect(await page.locator('[data-testid="node-click-with-profile"] [data-testid=order-badge]').count()).toBe(1);
    await page.locator('[data-testid=order-dependent] button').first().click();
    const replay = page.locator('[data-testid=order-replay]');
    await expect.poll(() => replay.count()).toBe(1);
    expect(await replay.textContent()).toContain('without it');
    await page.locator('[data-testid=orders-view]').scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline-orders');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
