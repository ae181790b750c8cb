/**
 * The Faults tab in Chromium: word count with a crash after the second line and commits every 2
 * records. At-least-once: the restart redoes both lines and re-reads their repartition records, so
 * counts change, each difference naming the crash; exactly-once: nothing changes. On a sink record,
 * "What fault changes this?" finds a single fault on its lineage and says how much it tried; with
 * crashes only under exactly-once, none changes it.
 */
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();

describe('faults', () => {
  it('runs the samples under a crash, per guarantee, and searches the fault that changes an output', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=tab-faults]');
    await page.waitForSelector('[data-testid=faults-panel]', { timeout: 30_000 });
    await page.locator('[data-testid=faults-commit-every]').fill('2');
    await page.locator('[data-testid=fault-kind]').selectOption('crash');
    await page.locator('[data-testid=fault-at]').selectOption('text-lines#1');
    await page.click('[data-testid=fault-add]');
    await expect.poll(() => page.locator('[data-testid=fault-item]').textContent()).toContain('crash after text-lines#1');

    await page.click('[data-testid=faults-run]');
    const sink = page.locator('[data-testid=faults-sink]');
    await expect.poll(() => sink.getAttribute('data-differences').then(Number), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=faults-restart]').textContent()).toContain('restarted from text-lines#0 (2 input records processed again)');
    const causes = await page.locator('[data-testid=fault-cause]').allTextContents();
    expect(causes.length).toBeGreaterThan(0);
    expect(causes.every((c) => c === 'crash after text-lines#1')).toBe(true);
    // "kafka" was counted in both lines before the crash: its updates 1 and 2 are written again.
    const kinds = await page.locator('[data-testid=fault-difference]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    expect(kinds).toContain('duplicated');

    await page.locator('[data-testid=faults-guarantee]').selectOption('exactly-once');
    await page.click('[data-testid=faults-run]');
    await expect.poll(() => sink.getAttribute('data-differences')).toBe('0');
    expect(await sink.textContent()).toContain('no difference');

    // The choices and the last report stay while another tab is shown.
    await page.click('[data-testid=tab-preview]');
    await page.click('[data-testid=tab-faults]');
    expect(await page.locator('[data-testid=fault-item]').textContent()).toContain('crash after text-lines#1');
    expect(await page.locator('[data-testid=faults-guarantee]').inputValue()).toBe('exactly-once');
    expect(await sink.getAttribute('data-differences')).toBe('0');
    await page.locator('[data-testid=faults-guarantee]').selectOption('at-least-once');
    await page.click('[data-testid=faults-run]');
    await expect.poll(() => sink.getAttribute('data-differences').then(Number)).toBeGreaterThan(0);
    await page.click('[data-testid=fault-search-load]');
    await page.locator('[data-testid=fault-search-run]').first().click();
    const result = page.locator('[data-testid=fault-search-result]');
    await expect.poll(() => result.getAttribute('data-size'), { timeout: 30_000 }).toBe('1');
    expect(await result.getAttribute('data-stopped')).toBe('found');
    expect(await page.locator('[data-testid=fault-search-set]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=fault-search-coverage]').textContent()).toMatch(/tried \d+ of \d+ single faults/);
    expect(await page.locator('[data-testid=fault-search-coverage]').textContent()).toContain('one fault is the smallest set');
    // A taller bottom panel (keyboard on its separator) shows the report and the search together.
    await page.locator('[data-testid=resize-bottom]').focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowUp');
    await page.locator('.sw-tab-body').evaluate((el) => (el.scrollTop = 0));
    await screenshot(page, 'faults-tab');
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'faults-search');
    // Crashes only, exactly-once: no fault of the space changes the record, every set tried.
    for (const k of ['duplicate', 'delay', 'reorder']) await page.locator(`[data-testid=fault-search-kind-${k}]`).uncheck();
    await page.locator('[data-testid=faults-guarantee]').selectOption('exactly-once');
    await page.locator('[data-testid=fault-search-run]').first().click();
    await expect.poll(() => result.getAttribute('data-stopped')).toBe('exhausted');
    expect(await result.getAttribute('data-size')).toBe('0');
    expect(await page.locator('[data-testid=fault-search-coverage]').getAttribute('data-coverage')).toBe('1');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
