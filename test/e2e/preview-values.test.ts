/**
 * A user function that returns something that is not data (here a function: `word.toUpperCase`
 * without the call, as it reads while being typed) never breaks the preview or the page: the value
 * shows as text, the node says what is wrong, and the status says what happened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monacoText, openApp, openExample, outputRows, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const status = (page: Page) => page.locator('[data-testid=preview-status]').textContent();

describe('values that are not data', () => {
  it('a key selector returning a function: shown as text and flagged, never a page error', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'by-word').click();
    const editor = page.locator('[data-testid="fn-mapper"] .monaco-editor');
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Typed key by key at a person's pace while runs come and go (each run can change the typed
    // header above the function): every key reaches the design, none is lost to a late echo.
    await page.keyboard.type('(key, word) => word.toUpperCase', { delay: 60 });
    await expect.poll(() => monacoText(page, 'fn-mapper').then((t) => t.replace(/\s+/g, ''))).toMatch(/=\(key,word\)=>word\.toUpperCase$/);
    const problem = card(page, 'by-word').locator('[data-testid=node-problem]');
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('mapper: returns a function; did you mean to call it?');
    await expect(problem.getAttribute('data-code')).resolves.toBe('value-not-data');
    await expect.poll(() => outputRows(page).then((rows) => rows[0]?.[1])).toBe('[function toUpperCase]');
    // The sink cannot write a function as a JSON key: the run failed, and the status says so.
    await expect.poll(() => status(page)).toBe('failed');
    await expect(card(page, 'word-counts-out').locator('[data-testid=node-problem]').textContent()).resolves.toContain('JSON serde cannot write a function');
    // Nothing was stopped as an "endless loop".
    await expect(page.locator('[data-testid=preview-stopped]').count()).resolves.toBe(0);

    await page.keyboard.type('()');
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('up to date');
    await expect.poll(() => problem.count()).toBe(0);
    await expect.poll(() => outputRows(page).then((rows) => rows[0]?.[1])).toBe('"ALL"');

    // A run stopped for an endless loop says so, in its message and in the status.
    await setMonaco(page, 'fn-mapper', '(key, word: string) => { while (word) {} return word; }', 'insert');
    await expect.poll(() => page.locator('[data-testid=preview-stopped]').textContent(), { timeout: 20_000 }).toContain('the mapper function of "by-word" did not return');
    await expect.poll(() => status(page)).toBe('stopped');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
