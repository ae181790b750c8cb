/** The palette, inspector and bottom panel are resized by dragging their separators, and keep their sizes after a reload; Code and Plan use the space. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, tempFile, useDesigner } from './helpers';

const env = useDesigner();

async function dragBy(page: Page, testId: string, dx: number, dy: number): Promise<void> {
  const b = (await page.locator(`[data-testid=${testId}]`).boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

const height = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().height);
const width = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().width);

describe('resizable panels', () => {
  it('drags the bottom panel taller and the side panels wider, remembered after a reload', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    const bottom0 = await height(page, '.sw-bottom');
    const palette0 = await width(page, '.sw-palette');
    const inspector0 = await width(page, '.sw-inspector');
    await dragBy(page, 'resize-bottom', 0, -200);
    await dragBy(page, 'resize-palette', 80, 0);
    await dragBy(page, 'resize-inspector', -100, 0);
    await expect.poll(() => height(page, '.sw-bottom')).toBeCloseTo(bottom0 + 200, -1);
    expect(await width(page, '.sw-palette')).toBeCloseTo(palette0 + 80, -1);
    expect(await width(page, '.sw-inspector')).toBeCloseTo(inspector0 + 100, -1);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await height(page, '.sw-bottom')).toBeCloseTo(bottom0 + 200, -1);
    expect(await width(page, '.sw-palette')).toBeCloseTo(palette0 + 80, -1);
    // The keyboard moves a separator too.
    await page.locator('[data-testid=resize-bottom]').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => height(page, '.sw-bottom')).toBeCloseTo(bottom0 + 216, -1);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a toast just above the bottom panel, however tall the panel is dragged', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    const toastOver = async () => {
      await page.setInputFiles('[data-testid=open-file]', tempFile('broken.json', '{'));
      const toast = (await page.locator('[data-testid=toast]').boundingBox())!;
      const panel = (await page.locator('.sw-bottom').boundingBox())!;
      return panel.y - (toast.y + toast.height);
    };
    for (const dy of [-350, 500]) {
      await dragBy(page, 'resize-bottom', 0, dy);
      await expect.poll(() => page.locator('[data-testid=resize-bottom]').getAttribute('aria-valuenow')).toBe(dy < 0 ? '650' : '150');
      // Clear of the panel, and near it (not left where a default-height panel would end).
      const gap = await toastOver();
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(40);
    }
    await page.close();
  }, 90_000);

  it('the Code file list and the plan text scroll inside the panel instead of being cut off', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=tab-plan]');
    const body = (await page.locator('.sw-tab-body').boundingBox())!;
    const plan = (await page.locator('[data-testid=plan-text]').boundingBox())!;
    expect(plan.y + plan.height).toBeLessThanOrEqual(body.y + body.height + 1);
    await expect(page.locator('[data-testid=plan-text]').evaluate((el) => getComputedStyle(el).overflowY)).resolves.toBe('auto');
    await page.click('[data-testid=tab-code]');
    const files = page.locator('[data-testid=code-files]');
    await files.waitFor();
    await expect(files.evaluate((el) => getComputedStyle(el).overflowY)).resolves.toBe('auto');
    const list = (await files.boundingBox())!;
    expect(list.y + list.height).toBeLessThanOrEqual(body.y + body.height + 1);
    // The last file can be scrolled to and clicked.
    const last = files.locator('button').last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await expect(last.getAttribute('aria-current')).resolves.toBe('true');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
