/**
 * Samples that explain themselves: a new source starts with an example record, its samples follow a
 * topic rename (undoable) and survive deleting the source (undo), plain values are offered to be
 * wrapped as record values, the import button is a button, and an empty preview says what to do.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drop, monacoText, nodeCount, openApp, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const applied = (page: Page) => page.locator('[data-testid=samples-applied]').textContent();
const topic = (page: Page) => page.locator('[data-testid=sample-topic]').inputValue();

describe('samples that explain themselves', () => {
  it('starts a new source with an example record; the samples follow a topic rename and come back with undo', async () => {
    const page = await openApp(env);
    // Nothing on the canvas: the preview points to the palette and the examples.
    await expect.poll(() => page.locator('[data-testid=preview-guide]').textContent()).toContain('Drag an operator from the palette');
    await expect(page.locator('[data-testid=guide-open-examples]').isVisible()).resolves.toBe(true);
    await drop(page, 'stream', 120, 120);
    await page.click('[data-testid=tab-samples]');
    const first = await topic(page);
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');
    await expect.poll(() => monacoText(page, 'samples-editor').then((t) => t.replace(/\s/g, ''))).toBe('[{"key":"key-1","value":"hello","timestamp":1700000000000}]');

    await page.fill('[data-testid=param-topic]', 'orders');
    await expect.poll(() => topic(page)).toBe('orders');
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');
    await page.locator('[data-testid=canvas]').click({ position: { x: 600, y: 400 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => topic(page)).toBe(first);
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');

    // Deleting the source and undoing brings its samples back too.
    await page.locator('.sw-op-node').first().click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('offers to wrap plain values as record values, shows the import as a button, and adds an example to empty samples', async () => {
    const page = await openApp(env);
    await drop(page, 'stream', 120, 120);
    await page.click('[data-testid=tab-samples]');
    await setMonaco(page, 'samples-editor', '["alpha", "beta", 3]', 'insert');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => page.locator('[data-testid=samples-error]').textContent()).toContain('expected records shaped { "key", "value", "timestamp" }');
    await expect(page.locator('[data-testid=wrap-samples]').textContent()).resolves.toBe('Treat these 3 values as record values');
    await page.click('[data-testid=wrap-samples]');
    await expect.poll(() => applied(page)).toBe('3 record(s) applied');
    await expect(page.locator('[data-testid=samples-error]').count()).resolves.toBe(0);
    await expect.poll(async () => JSON.parse(await monacoText(page, 'samples-editor'))).toEqual([
      { key: null, value: 'alpha', timestamp: 1700000000000 },
      { key: null, value: 'beta', timestamp: 1700000001000 },
      { key: null, value: 3, timestamp: 1700000002000 },
    ]);

    // The import is a real button, styled as the other buttons.
    const look = (id: string) => page.locator(`[data-testid=${id}]`).evaluate((el) => ({ tag: el.tagName, border: getComputedStyle(el).borderTopStyle, padding: getComputedStyle(el).paddingLeft }));
    await expect(look('import-samples-button')).resolves.toEqual({ tag: 'BUTTON', border: 'solid', padding: '10px' });

    // No samples at all: the samples tab and the preview each offer the example record.
    await setMonaco(page, 'samples-editor', '[]', 'insert');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => applied(page)).toBe('0 record(s) applied');
    await expect(page.locator('[data-testid=samples-empty]').isVisible()).resolves.toBe(true);
    await page.locator('[data-testid=canvas]').click({ position: { x: 600, y: 400 } });
    await page.click('[data-testid=tab-preview]');
    await page.click('[data-testid=add-example-samples]');
    await page.click('[data-testid=tab-samples]');
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
