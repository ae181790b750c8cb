/**
 * Two tabs on the same design (two pages of one browser context, so one IndexedDB): a save in one
 * (or a rename from another tab's list) shows in the other; a later write never silently destroys the other tab's edits: the tab is told
 * and chooses (load theirs, keep mine as a copy, overwrite theirs).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drop, nodeCount, openApp, type E2e, useDesigner } from './helpers';
import { appName, item, listedNames, openId, saved, showDesigns, writeBehindTheTabs } from './designs-helpers';

const env = useDesigner();

type Tab = Page & { errors: string[] };

/** Two tabs of one browser on the same design (the second opens the design the first opened last). */
async function twoTabs(e: E2e): Promise<[Tab, Tab]> {
  const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const tab = () => openApp(e, context);
  const a = await tab();
  await drop(a, 'stream', 120, 120);
  await saved(a);
  const b = await tab();
  await expect.poll(() => nodeCount(b)).toBe(1);
  expect(await openId(b)).toBe(await openId(a));
  return [a, b];
}

const rename = (page: Page, name: string) => page.locator('input[aria-label="Application name"]').fill(name);
const conflict = (page: Page) => page.locator('[data-testid=conflict-dialog]');

/** Both tabs edit the design at once: exactly one of them is told of the conflict. Returns [that tab, the other]. */
async function editBoth(a: Tab, b: Tab): Promise<[Tab, Tab]> {
  await Promise.all([rename(a, 'name-from-a'), rename(b, 'name-from-b')]);
  await expect.poll(async () => (await conflict(a).count()) + (await conflict(b).count()), { timeout: 10_000 }).toBe(1);
  return (await conflict(a).count()) ? [a, b] : [b, a];
}

describe('two tabs on one design', () => {
  it('a save in one tab shows in the other at once', async () => {
    const [a, b] = await twoTabs(env);
    await drop(a, 'filter', 420, 120);
    await expect.poll(() => nodeCount(b), { timeout: 15_000 }).toBe(2);
    await drop(b, 'to', 420, 320);
    await expect.poll(() => nodeCount(a), { timeout: 15_000 }).toBe(3);
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context().close();
  }, 60_000);

  it('a design renamed from the list of one tab is renamed in the tab that has it open', async () => {
    const [a, b] = await twoTabs(env);
    await a.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => nodeCount(a)).toBe(0);
    await showDesigns(a);
    await item(a, 'my-streams-app').locator('[data-testid=design-rename]').click();
    await a.fill('[data-testid=design-rename-input]', 'renamed-elsewhere');
    await a.keyboard.press('Enter');
    await expect.poll(() => appName(b)).toBe('renamed-elsewhere');
    await saved(b);
    expect(await nodeCount(b)).toBe(1);
    await a.context().close();
  }, 60_000);

  it('a write based on an old revision is refused even when no message arrived', async () => {
    const [a, b] = await twoTabs(env);
    await writeBehindTheTabs(b, (await openId(a))!, 'written-elsewhere');
    await drop(a, 'filter', 420, 120);
    await conflict(a).waitFor({ timeout: 10_000 });
    await expect(a.locator('[data-testid=save-status]').textContent()).resolves.toBe('Not saved: changed in another tab');
    await a.click('[data-testid=conflict-theirs]');
    await expect.poll(() => appName(a)).toBe('written-elsewhere');
    expect(await nodeCount(a)).toBe(1);
    await saved(a);
    await a.context().close();
  }, 60_000);

  it('"Load their version" shows the other tab’s edit and drops mine', async () => {
    const [a, b] = await twoTabs(env);
    const [mine, theirs] = await editBoth(a, b);
    const theirName = await appName(theirs);
    await mine.click('[data-testid=conflict-theirs]');
    await expect.poll(() => appName(mine)).toBe(theirName);
    await saved(mine);
    expect(await listedNames(mine)).toEqual([theirName]);
    await mine.context().close();
  }, 60_000);

  it('"Keep mine as a copy" makes a design beside theirs', async () => {
    const [a, b] = await twoTabs(env);
    const [mine, theirs] = await editBoth(a, b);
    const myName = await appName(mine);
    const theirName = await appName(theirs);
    await mine.click('[data-testid=conflict-copy]');
    await expect.poll(() => appName(mine)).toBe(`${myName}-copy`);
    await saved(mine);
    expect(await nodeCount(mine)).toBe(1);
    expect(await listedNames(mine)).toEqual([`${myName}-copy`, theirName].sort());
    // theirs is untouched
    expect(await appName(theirs)).toBe(theirName);
    await mine.context().close();
  }, 60_000);

  it('"Overwrite theirs" stores mine, and the other tab then shows it', async () => {
    const [a, b] = await twoTabs(env);
    const [mine, theirs] = await editBoth(a, b);
    const myName = await appName(mine);
    await mine.click('[data-testid=conflict-overwrite]');
    await saved(mine);
    await expect.poll(() => appName(theirs)).toBe(myName);
    expect(await listedNames(theirs)).toEqual([myName]);
    await mine.context().close();
  }, 60_000);

  it('a design deleted in one tab while open in the other can be kept there', async () => {
    const [a, b] = await twoTabs(env);
    await a.click('[data-testid=show-designs]');
    await a.locator('[data-testid=design-delete]').click();
    await a.locator('[data-testid=design-delete-confirm]').click();
    await conflict(b).waitFor({ timeout: 10_000 });
    await expect(conflict(b).getAttribute('data-reason')).resolves.toBe('deleted');
    await b.click('[data-testid=conflict-overwrite]');
    await saved(b);
    await expect.poll(() => listedNames(a)).toContain('my-streams-app');
    await a.context().close();
  }, 60_000);
});
