/**
 * Tests inside the design (issue #15): pinning a sink's preview as a test case, the case run after
 * every edit, a failing case's diff (hand-edited expectation, then the case's own samples), and the
 * samples panel switching between the design's samples and the case's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monacoText, openApp, openDesign, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();
const ROOT = join(__dirname, '..', '..');

function wordCountWithoutTests() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'public', 'examples', 'word-count.json'), 'utf8'));
  delete doc.tests;
  return doc;
}

const status = (page: Page) => page.locator('[data-testid^=test-case-]').first().getAttribute('data-status');
const diffRows = (page: Page) =>
  page.locator('[data-testid=test-diff-row]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-op'), ...[...r.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent)]));

describe('test cases in the designer', () => {
  it('pins a sink as a test case, fails it with a diff, pins again, and runs it on its own samples', async () => {
    const page = await openApp(env);
    await openDesign(page, wordCountWithoutTests());
    await previewSettled(page);
    await page.click('[data-testid=tab-tests]');
    await page.waitForSelector('[data-testid=tests-empty]');

    // Pin: the sink's 11 counts become "Case 1", which passes.
    await page.click('[data-testid=tab-preview]');
    await page.locator('[data-testid="node-word-counts-out"]').click();
    await page.click('[data-testid=pin-expected]');
    await expect.poll(() => page.locator('[data-testid=toast-message]').textContent()).toBe('Pinned 11 record(s) of word-counts as expected in test case "Case 1"');
    await expect.poll(() => page.locator('[data-testid=tests-badge]').textContent()).toBe('1/1');
    await page.click('[data-testid=tab-tests]');
    await expect.poll(() => status(page)).toBe('pass');
    await expect(page.locator('[data-testid=expected-word-counts] .sw-muted').first().textContent()).resolves.toBe('11 record(s) expected');

    // A hand-edited expectation that the design does not meet: FAIL, and the diff says which record.
    await page.click('[data-testid=edit-expected]');
    const text = await page.locator('[data-testid=expected-text]').inputValue();
    expect(text).toContain('{"key":"kafka","value":3,"timestamp":1700000002000}');
    await page.locator('[data-testid=expected-text]').fill(text.replace('{"key":"kafka","value":3,', '{"key":"kafka","value":4,'));
    await page.click('[data-testid=apply-expected]');
    await expect.poll(() => status(page)).toBe('fail');
    await expect.poll(() => page.locator('[data-testid=tests-badge]').textContent()).toBe('0/1');
    await expect.poll(() => diffRows(page)).toEqual([['changed', '"kafka"', '4 → 3']]);

    // Not JSON records: refused, with where, and nothing changes.
    await page.click('[data-testid=edit-expected]');
    await page.locator('[data-testid=expected-text]').fill('[{"key": "a"}, {"value": 1, "timestamp": -5}]');
    await page.click('[data-testid=apply-expected]');
    await expect(page.locator('[data-testid=expected-error]').textContent()).resolves.toMatch(/^1\.timestamp: must be >= 0/);
    await page.click('[data-testid=edit-expected]');

    // "last value per key" compares only the final counts: still failing on kafka's.
    await page.locator('[data-testid=expect-mode]').selectOption('lastPerKey');
    await expect.poll(() => diffRows(page)).toEqual([['changed', '"kafka"', '4 → 3']]);

    // Pinning again (the case is now chosen) makes the current output expected: PASS.
    await page.click('[data-testid=tab-preview]');
    await expect(page.locator('[data-testid=pin-expected]').textContent()).resolves.toBe('Pin as expected in "Case 1"');
    await page.click('[data-testid=pin-expected]');
    await page.click('[data-testid=tab-tests]');
    await expect.poll(() => status(page)).toBe('pass');
    await expect(page.locator('[data-testid=expect-mode]').inputValue()).resolves.toBe('lastPerKey');

    // The samples panel shows the chosen case's samples; changing them changes what the case gets.
    await page.click('[data-testid=tab-samples]');
    await expect(page.locator('[data-testid=samples-case]').inputValue()).resolves.toBe('t1');
    await setMonaco(page, 'samples-editor', '[{"key": null, "value": "hello streams", "timestamp": 1700000000000}]', 'insert');
    await page.click('[data-testid=apply-samples]');
    await page.click('[data-testid=tab-tests]');
    await expect.poll(() => status(page)).toBe('fail');
    const rows = await diffRows(page);
    expect(rows).toContainEqual(['missing', '"kafka"', '3']);
    expect(rows).toContainEqual(['changed', '"streams"', '2 → 1']);
    expect(rows.filter((r) => r[0] === 'unexpected')).toEqual([]);

    // The design's own samples were left alone: switching back shows its three lines.
    await page.click('[data-testid=tab-samples]');
    await page.locator('[data-testid=samples-case]').selectOption('');
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('join kafka summit');
    await previewSettled(page);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
