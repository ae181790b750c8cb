/**
 * Step 3: the inspector built from each operator's descriptor: durations with units, enum fields,
 * serdes, split branches, and functions in Monaco with error markers and parameter types inferred
 * from the upstream sample records.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** The window column's spans (end - start) of the selected node's output. */
async function windowSpans(page: Page): Promise<number[]> {
  // The window cell shows times; its title has the raw epoch milliseconds.
  const titles = await page.locator('[data-testid=output-row] [data-testid=window-cell]').evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
  return titles.map((t) => {
    const m = /\[(\d+), (\d+)\)/.exec(t);
    return m ? Number(m[2]) - Number(m[1]) : NaN;
  });
}

describe('inspector', () => {
  it('edits a window size with units and an enum field, and the preview follows', async () => {
    const page = await openApp(env);
    await openExample(page, 'pageview-windows');
    await previewSettled(page);
    await card(page, 'per-minute').click();
    const size = inspector(page).getByLabel('Size amount');
    const unit = inspector(page).getByLabel('Size unit');
    // 60000 ms is shown as 1 min.
    await expect(size.inputValue()).resolves.toBe('1');
    await expect(unit.locator('option:checked').textContent()).resolves.toBe('min');
    await card(page, 'views-per-minute').click();
    await expect.poll(() => windowSpans(page)).toSatisfy((s: number[]) => s.length > 0 && s.every((x) => x === 60_000));

    await card(page, 'per-minute').click();
    await size.fill('2');
    await card(page, 'views-per-minute').click();
    await expect.poll(() => windowSpans(page), { timeout: 15_000 }).toSatisfy((s: number[]) => s.length > 0 && s.every((x) => x === 120_000));
    // Another unit shows the same duration in it.
    await card(page, 'per-minute').click();
    await unit.selectOption({ label: 's' });
    await expect(size.inputValue()).resolves.toBe('120');
    await size.fill('30');
    await card(page, 'views-per-minute').click();
    await expect.poll(() => windowSpans(page), { timeout: 15_000 }).toSatisfy((s: number[]) => s.length > 0 && s.every((x) => x === 30_000));

    // The window type (an enum) changes which fields the inspector shows and the stream kind.
    await card(page, 'per-minute').click();
    await inspector(page).getByLabel('Window type').selectOption('session');
    await expect.poll(() => inspector(page).getByLabel('Inactivity gap amount').count()).toBe(1);
    expect(await inspector(page).getByLabel('Size amount').count()).toBe(0);
    await expect.poll(() => card(page, 'per-minute').locator('[data-testid=stream-kind]').textContent()).toBe('SessionWindowedKStream');
    await inspector(page).getByLabel('Window type').selectOption('hopping');
    await expect.poll(() => inspector(page).getByLabel('Advance amount').count()).toBe(1);
    await expect.poll(() => card(page, 'per-minute').locator('[data-testid=stream-kind]').textContent()).toBe('TimeWindowedKStream');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('edits serdes and split branches', async () => {
    const page = await openApp(env);
    await openExample(page, 'split-branches');
    await previewSettled(page);
    await expect(card(page, 'medium-out').locator('[data-testid=emitted-count]').textContent()).resolves.toBe('1 out');

    // A String serde cannot write the JSON objects: the sink says so, until the serde is JSON again.
    await card(page, 'large-out').click();
    await inspector(page).getByLabel('Value serde').selectOption('string');
    await expect.poll(() => card(page, 'large-out').locator('[data-testid=node-problem]').textContent(), { timeout: 15_000 }).toMatch(/String serde cannot write/);
    await inspector(page).getByLabel('Value serde').selectOption('json');
    await expect.poll(() => card(page, 'large-out').locator('[data-testid=node-problem]').count(), { timeout: 15_000 }).toBe(0);

    // Branches: a predicate edited in its Monaco editor reroutes records; an added branch gets a handle.
    await card(page, 'by-amount').click();
    const medium = inspector(page).locator('.sw-editor-box').nth(1);
    // A predicate that does not parse is reported once, under the branches.
    await setMonaco(page, medium, '(key, tx) => tx.amount >=', 'insert');
    await expect.poll(() => inspector(page).locator('[data-testid=error-branches]').textContent()).toMatch(/branch "medium" predicate does not parse/);
    expect(await inspector(page).locator('.sw-error, .sw-banner.sw-error').count()).toBe(1);
    await setMonaco(page, medium, '(key, tx: { amount: number }) => tx.amount >= 10', 'insert');
    await expect.poll(() => inspector(page).locator('[data-testid=error-branches]').count()).toBe(0);
    await expect.poll(() => card(page, 'medium-out').locator('[data-testid=emitted-count]').textContent(), { timeout: 15_000 }).toBe('2 out');
    await expect(card(page, 'small-out').locator('[data-testid=emitted-count]').textContent()).resolves.toBe('0 out');
    await inspector(page).getByRole('button', { name: 'Add branch' }).click();
    await card(page, 'by-amount').locator('[data-testid="out-by-amount-branch3"]').waitFor();
    await inspector(page).getByLabel('Branch 3 name').fill('tiny');
    await card(page, 'by-amount').locator('[data-testid="out-by-amount-tiny"]').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('types functions against the upstream records and marks type errors in Monaco', async () => {
    const page = await openApp(env);
    await openExample(page, 'pageview-windows');
    await previewSettled(page);
    await card(page, 'by-page').click();
    // The signature hint describes the records reaching the node, inferred from the samples.
    await expect.poll(() => page.locator('[data-testid=signature-mapper]').textContent()).toContain('V = { page: string; user: string }');
    await setMonaco(page, 'fn-mapper', '(key, view) => view.', 'type');
    // Completion after "view." lists the sample value's fields.
    const suggest = page.locator('[data-testid=fn-mapper] .suggest-widget');
    await expect.poll(() => suggest.locator('.monaco-list-row').allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringContaining('page'), expect.stringContaining('user')]));
    await page.keyboard.press('Escape');
    await page.keyboard.type('page');
    await expect.poll(() => page.locator('[data-testid=fn-mapper] .squiggly-error').count(), { timeout: 20_000 }).toBe(0);

    // A field the records do not have is a type error: Monaco marks it.
    await setMonaco(page, 'fn-mapper', '(key, view) => view.pageTitle.toUpperCase()', 'insert');
    await expect.poll(() => page.locator('[data-testid=fn-mapper] .squiggly-error').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid=fn-mapper] .squiggly-error').first().hover({ force: true });
    await expect.poll(() => page.locator('.monaco-hover').first().textContent(), { timeout: 20_000 }).toMatch(/pageTitle.*does not exist/);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('a broken function shows its problem on the node card, in the inspector, in Monaco and instead of the preview', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'split-words').click();
    // The repro: the mapper is a number, not a function.
    await setMonaco(page, 'fn-mapper', '42', 'insert');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=node-problem-count]').textContent()).toBe('1 problem');
    await expect(card(page, 'split-words').locator('[data-testid=node-problem]').textContent()).resolves.toBe('mapper: must be a function such as (value, key) => ..., not a number (42)');
    await expect(inspector(page).locator('[data-testid=error-mapper] [data-code=E_FN_NOT_FUNCTION]').textContent()).resolves.toMatch(/^must be a function/);
    // The preview does not run it; the panel lists the checker's errors instead.
    await expect.poll(() => page.locator('[data-testid=preview-diagnostic]').allTextContents()).toEqual(['node "split-words" mapper: must be a function such as (value, key) => ..., not a number (42) [E_FN_NOT_FUNCTION]']);
    await expect(page.locator('[data-testid=preview-diagnostic]').getAttribute('data-code')).resolves.toBe('E_FN_NOT_FUNCTION');

    // A parse error is placed at its line and column, in the field and as a Monaco marker.
    await setMonaco(page, 'fn-mapper', '(value) =>\n  value.split(`*/', 'paste');
    await expect.poll(() => inspector(page).locator('[data-testid=error-mapper]').textContent()).toMatch(/^line 2, column \d+: does not parse: Unterminated template/);
    const squiggle = page.locator('[data-testid=fn-mapper] .squiggly-error');
    await expect.poll(() => squiggle.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await squiggle.last().hover({ force: true });
    await expect.poll(() => page.locator('.monaco-hover').allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringContaining('does not parse: Unterminated template')]));

    // Fixed, it runs again.
    await setMonaco(page, 'fn-mapper', '(value) => value.toLowerCase().split(" ")', 'insert');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=node-problem-count]').count()).toBe(0);
    await previewSettled(page);
    await expect.poll(() => page.locator('[data-testid=preview-diagnostics]').count()).toBe(0);
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=emitted-count]').textContent(), { timeout: 15_000 }).toMatch(/^[1-9]\d* out$/);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
