/** Gestures of the designs tests: the Designs dialog, the save indicator, and another writer of the same storage. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function showDesigns(page: Page): Promise<void> {
  if (!(await page.locator('[data-testid=designs-list]').isVisible())) await page.click('[data-testid=show-designs]');
  await page.locator('[data-testid=designs-list]').waitFor();
}

/** The names in the Designs dialog (opened if needed), sorted. */
export async function listedNames(page: Page): Promise<string[]> {
  await showDesigns(page);
  const names = await page.locator('[data-testid=design-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-design-name') ?? ''));
  return names.sort();
}

export function item(page: Page, name: string) {
  return page.locator(`[data-testid=design-item][data-design-name="${name}"]`);
}

/** Opens a design from the Designs dialog. */
export async function openListed(page: Page, name: string): Promise<void> {
  await showDesigns(page);
  await item(page, name).locator('[data-testid=design-open]').click();
  await page.locator('[data-testid=designs-list]').waitFor({ state: 'detached' });
}

export async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=save-status]').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

export const appName = (page: Page) => page.locator('input[aria-label="Application name"]').inputValue();

/** The id of the design this tab has open. */
export const openId = (page: Page) => page.evaluate(() => sessionStorage.getItem('streamwright:tab-design'));

/**
 * Renames the stored design `id` as another writer would (next revision), straight in IndexedDB and
 * without telling the tabs: only the revision check can notice it.
 */
export async function writeBehindTheTabs(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate(
    async ([id, name]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('streamwright-designs');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('designs', 'readwrite');
      const os = tx.objectStore('designs');
      const metaReq = os.get(`meta:${id}`);
      const docReq = os.get(`doc:${id}`);
      docReq.onsuccess = () => {
        os.put({ ...metaReq.result, name, rev: metaReq.result.rev + 1 }, `meta:${id}`);
        os.put({ ...docReq.result, name }, `doc:${id}`);
      };
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    [id, name],
  );
}
