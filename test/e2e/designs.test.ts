/**
 * Never lose a design (issue #11), in Chromium: New, examples and files open beside the other
 * designs; the list and the open design survive a reload; delete asks and can be undone; undo
 * history per design; the save indicator; an earlier version's autosave moves into the list.
 */
import { describe, expect, it } from 'vitest';
import { design, drop, nodeCount, openApp as open, openDesign, openExample, tempFile, useDesigner } from './helpers';
import { appName, item, listedNames, openListed, saved, showDesigns } from './designs-helpers';

const env = useDesigner();
const openApp = () => open(env);

describe('designs', () => {
  it('New and an example open beside the design; a reload brings back the list and the open design', async () => {
    const page = await openApp();
    await drop(page, 'stream', 120, 120);
    await saved(page);
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(0);
    await expect.poll(() => listedNames(page)).toEqual(['my-streams-app', 'my-streams-app-2']);
    await page.keyboard.press('Escape');
    await drop(page, 'table', 120, 120);
    await openExample(page, 'word-count');
    await expect.poll(() => listedNames(page)).toEqual(['my-streams-app', 'my-streams-app-2', 'word-count']);
    await expect(item(page, 'word-count').getAttribute('aria-current')).resolves.toBe('true');
    await expect(item(page, 'word-count').locator('[data-testid=design-summary]').textContent()).resolves.toBe('6 nodes · text-lines → word-counts');
    await expect(item(page, 'word-count').locator('svg rect').count()).resolves.toBe(6);
    await page.keyboard.press('Escape');
    // the same example again is a second design, not the first one overwritten
    await openExample(page, 'word-count');
    await expect.poll(() => listedNames(page)).toEqual(['my-streams-app', 'my-streams-app-2', 'word-count', 'word-count-2']);
    await page.keyboard.press('Escape');
    await saved(page);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await appName(page)).toBe('word-count-2');
    expect(await nodeCount(page)).toBe(6);
    expect(await listedNames(page)).toEqual(['my-streams-app', 'my-streams-app-2', 'word-count', 'word-count-2']);
    await openListed(page, 'my-streams-app');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await expect(page.locator('[data-testid=node-stream]').count()).resolves.toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('keeps each design’s undo history while switching between designs', async () => {
    const page = await openApp();
    await drop(page, 'stream', 120, 120);
    await drop(page, 'filter', 420, 120);
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(0);
    // a new design has no history of its own: the other design's edits are not undone from here
    await expect(page.locator('[data-testid=undo]').isDisabled()).resolves.toBe(true);
    await drop(page, 'table', 120, 120);
    await openListed(page, 'my-streams-app');
    await expect.poll(() => nodeCount(page)).toBe(2);
    await page.click('[data-testid=undo]');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await openListed(page, 'my-streams-app-2');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await page.click('[data-testid=undo]');
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => nodeCount(page)).toBe(1);
    await page.close();
  }, 90_000);

  it('asks before deleting, and Undo in the toast brings the design back', async () => {
    const page = await openApp();
    await openExample(page, 'word-count');
    await openExample(page, 'split-branches');
    await saved(page);
    await showDesigns(page);
    await item(page, 'word-count').locator('[data-testid=design-delete]').click();
    await item(page, 'word-count').locator('[data-testid=design-delete-cancel]').click();
    expect(await listedNames(page)).toEqual(['split-branches', 'word-count']);
    await item(page, 'word-count').locator('[data-testid=design-delete]').click();
    await item(page, 'word-count').locator('[data-testid=design-delete-confirm]').click();
    await expect.poll(() => listedNames(page)).toEqual(['split-branches']);
    await expect(page.locator('[data-testid=toast-message]').textContent()).resolves.toBe('Deleted "word-count"');
    await page.click('[data-testid=toast-action]');
    await expect.poll(() => listedNames(page)).toEqual(['split-branches', 'word-count']);
    await openListed(page, 'word-count');
    await expect.poll(() => nodeCount(page)).toBe(6);

    // deleting the open design opens another one; its undo brings it back into the list
    await showDesigns(page);
    await item(page, 'word-count').locator('[data-testid=design-delete]').click();
    await item(page, 'word-count').locator('[data-testid=design-delete-confirm]').click();
    await expect.poll(() => appName(page)).toBe('split-branches');
    await page.click('[data-testid=toast-action]');
    await expect.poll(() => listedNames(page)).toEqual(['split-branches', 'word-count']);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await listedNames(page)).toEqual(['split-branches', 'word-count']);
    await page.close();
  }, 90_000);

  it('renames a design from the list, the open one and another one', async () => {
    const page = await openApp();
    await openExample(page, 'word-count');
    await openExample(page, 'split-branches');
    await showDesigns(page);
    await item(page, 'word-count').locator('[data-testid=design-rename]').click();
    await page.fill('[data-testid=design-rename-input]', 'my words');
    await page.keyboard.press('Enter');
    await expect.poll(() => listedNames(page)).toEqual(['my-words', 'split-branches']);
    await item(page, 'split-branches').locator('[data-testid=design-rename]').click();
    await page.fill('[data-testid=design-rename-input]', 'branches');
    await page.keyboard.press('Enter');
    await expect.poll(() => appName(page)).toBe('branches');
    await expect.poll(() => listedNames(page)).toEqual(['branches', 'my-words']);
    await page.close();
  }, 60_000);

  it('opening a design file adds it to the list', async () => {
    const page = await openApp();
    const d = design({ orders: { kind: 'stream', params: { topic: 'orders' } }, big: { kind: 'filter' } }, ['orders -> big']);
    await openDesign(page, d, 'orders.json');
    // the untouched empty design of the first start is replaced, not kept as clutter
    await expect.poll(() => listedNames(page)).toEqual(['e2e']);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.setInputFiles('[data-testid=open-file]', tempFile('orders.json', JSON.stringify(d)));
    await expect.poll(() => nodeCount(page)).toBe(2);
    await expect.poll(() => listedNames(page)).toEqual(['e2e', 'e2e-2']);
    await page.close();
  }, 60_000);

  it('shows whether the design is saved, and why not', async () => {
    const page = await openApp();
    const status = page.locator('[data-testid=save-status]');
    await drop(page, 'stream', 120, 120);
    await saved(page);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Saved · \d+ s ago$/);
    // the browser refuses to store (as when its storage is full)
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { __put: typeof put }).__put = put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
    });
    await drop(page, 'filter', 420, 120);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Not saved: the browser storage is full (delete some designs or samples)');
    await expect(status.getAttribute('data-state')).resolves.toBe('failed');
    // a new design cannot be stored either: told in a toast, the open design stays
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => page.locator('[data-testid=toast]').textContent()).toBe('Not added: the browser storage is full (delete some designs or samples)');
    expect(await nodeCount(page)).toBe(2);
    await page.evaluate(() => (IDBObjectStore.prototype.put = (window as unknown as { __put: typeof IDBObjectStore.prototype.put }).__put));
    await drop(page, 'to', 420, 320);
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await nodeCount(page)).toBe(3);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves the design autosaved by an earlier version into the list', async () => {
    const page = await openApp();
    const old = design({ clicks: { kind: 'stream', params: { topic: 'clicks' } }, counted: { kind: 'groupByKey' } }, ['clicks -> counted']);
    await page.evaluate(async (doc) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('keyval-store');
        r.onupgradeneeded = () => r.result.createObjectStore('keyval');
        r.onsuccess = () => resolve(r.result);
      });
      const tx = db.transaction('keyval', 'readwrite');
      tx.objectStore('keyval').put({ ...doc, name: 'from-before' }, 'streamwright:autosave');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, old);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => listedNames(page)).toContain('from-before');
    await openListed(page, 'from-before');
    await expect.poll(() => nodeCount(page)).toBe(2);
    // moved once: another reload does not add it again
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect((await listedNames(page)).filter((n) => n.startsWith('from-before'))).toEqual(['from-before']);
    await page.close();
  }, 60_000);
});
