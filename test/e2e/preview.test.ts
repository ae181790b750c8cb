/**
 * Step 5: the preview: windowed output with its window column, a stateful node's store contents and
 * dropped late records, lineage of a clicked record (input records and nodes), and a throwing user
 * function shown on its node with the offending record.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openExample, outputRows, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const T0 = 1700000000000;

describe('preview', () => {
  it('shows a windowed count with its windows, its store and the late record it dropped', async () => {
    const page = await openApp(env);
    await openExample(page, 'pageview-windows');
    await previewSettled(page);
    await card(page, 'views-per-minute').click();
    // 1-minute windows (aligned to the epoch) with 10 s grace: the view of /home at T0+30 s arrives
    // when stream time is T0+130 s, after its window [T0-20 s, T0+40 s) closed at T0+50 s: dropped.
    // Shown as UTC times (T0 is 22:13:20), end exclusive.
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);
    const w = (from: number) => `[${time(T0 + from * 1000)} – ${time(T0 + (from + 60) * 1000)})`;
    await expect.poll(() => outputRows(page).then((rows) => rows.map((r) => [r[1], r[2], r[4]]))).toEqual([
      ['"/home"', '1', w(-20)],
      ['"/home"', '2', w(-20)],
      ['"/pricing"', '1', w(40)],
      ['"/home"', '1', w(40)],
      ['"/home"', '2', w(40)],
      ['"/home"', '1', w(100)],
    ]);
    await expect(page.locator('.sw-tab-body').textContent()).resolves.toContain('dropped 1 late/invalid record(s)');
    await expect(card(page, 'views-per-minute').locator('.sw-badge.sw-dropped').textContent()).resolves.toBe('1 dropped');
    // Which record it was: u5's view of /home at T0+30 s.
    await expect.poll(() => page.locator('[data-testid=dropped-records] tr').allTextContents()).toEqual([expect.stringMatching(/"u5".*"\/home".*"u5"/)]);
    await expect(page.locator('[data-testid=dropped-records] td').nth(3).getAttribute('title')).resolves.toContain(`${T0 + 30_000} epoch ms`);
    // The window store holds one count per page and window still retained (size + grace = 70 s
    // behind stream time T0+130 s: the window that started at T0-20 s has expired, as in Kafka).
    const store = page.locator('[data-testid^=store-]');
    await expect(store.locator('.sw-muted').textContent()).resolves.toMatch(/^State store \S+ \(3 entries\)$/);
    const entries = await store.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(entries.map(([k, v]) => `${k.includes('/pricing') ? '/pricing' : '/home'}=${v}`).sort()).toEqual(['/home=1', '/home=2', '/pricing=1']);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('highlights the input records and the nodes a clicked output record came from', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'word-counts').click();
    await expect.poll(() => outputRows(page).then((r) => r.length)).toBe(11);
    const rows = await outputRows(page);
    // The second count of "kafka" came from the first two lines, through the count's state.
    const i = rows.findIndex((r) => r[1] === '"kafka"' && r[2] === '2');
    await page.locator('[data-testid=output-row]').nth(i).click();
    await expect
      .poll(() => page.locator('[data-testid=lineage] tr').allTextContents())
      .toEqual([expect.stringContaining('"all streams lead to kafka"'), expect.stringContaining('"hello kafka streams"')]);
    await expect(page.locator('[data-testid=output-row]').nth(i).getAttribute('class')).resolves.toContain('lineage');
    // The path it took: every node from the source to the count (not the nodes after it).
    const lit = await page.locator('.sw-op-node.sw-lineage').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(lit.sort()).toEqual(['node-by-word', 'node-split-words', 'node-text-lines', 'node-word-counts']);
    // Selecting another node clears it.
    await card(page, 'text-lines').click();
    await expect.poll(() => page.locator('.sw-op-node.sw-lineage').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows an error thrown by a user function on its node, with the offending record', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'split-words').click();
    await setMonaco(page, 'fn-mapper', "(value: string) => { if (value.startsWith('hello')) throw new Error('no greetings'); return value.split(' '); }", 'insert');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=node-problem]').textContent(), { timeout: 15_000 }).toContain('no greetings');
    await expect.poll(() => page.locator('[data-testid=node-error]').textContent()).toMatch(/no greetings.*record key=null value="hello kafka streams" timestamp=1700000001000/);
    // The records before the failing one went through.
    await expect(card(page, 'text-lines').locator('[data-testid=emitted-count]').textContent()).resolves.toBe('2 out');
    await setMonaco(page, 'fn-mapper', "(value: string) => value.split(' ')", 'insert');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=node-problem]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=emitted-count]').textContent()).toBe('11 out');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
