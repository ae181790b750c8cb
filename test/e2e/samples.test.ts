/**
 * Step 4: sample records per source topic: edited as JSON in Monaco (invalid input marked at its
 * line, kept, and not applied), imported from JSON, JSONL and CSV files, or generated.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monacoText, openApp, openExample, outputRows, previewSettled, setMonaco, tempFile, useDesigner } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const applied = (page: Page) => page.locator('.sw-tab-body').getByText(/record\(s\) applied/).textContent();
const emitted = (page: Page, name: string) => card(page, name).locator('[data-testid=emitted-count]').textContent();

/** The enriched clicks in the preview: [key, value] of clicks-enriched's output. */
async function enriched(page: Page): Promise<string[][]> {
  await page.click('[data-testid=tab-preview]');
  await card(page, 'clicks-enriched').click();
  await previewSettled(page);
  const rows = (await outputRows(page)).map((r) => [r[1], r[2]]);
  await page.click('[data-testid=tab-samples]');
  return rows;
}

describe('samples', () => {
  it('edits each topic as JSON; invalid JSON is marked at its line, kept and not applied', async () => {
    const page = await openApp(env);
    await openExample(page, 'enrich-with-table');
    await previewSettled(page);
    await page.click('[data-testid=tab-samples]');
    const topic = page.locator('[data-testid=sample-topic]');
    expect(await topic.locator('option').allTextContents()).toEqual(['clicks', 'user-profiles']);
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('"/a"');
    await topic.selectOption('user-profiles');
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('Ada');
    await expect(applied(page)).resolves.toBe('2 record(s) applied');

    await setMonaco(page, 'samples-editor', '[\n  {"key": "u1", "value": {"name": "Grace", "tier": "gold"}, "timestamp": 1700000000000}\n]', 'paste');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => applied(page)).toBe('1 record(s) applied');
    expect(await enriched(page)).toEqual([
      ['"u1"', '{"url":"/a","user":"Grace","tier":"gold"}'],
      ['"u3"', '{"url":"/b","user":"unknown","tier":"none"}'],
      ['"u2"', '{"url":"/c","user":"unknown","tier":"none"}'],
    ]);

    // Line 3 lacks a comma: the error names line 3, Monaco marks it, nothing is applied, the text stays.
    const broken = '[\n  {"key": "u1", "value": {"name": "Grace", "tier": "gold"}, "timestamp": 1700000000000},\n  {"key": "u2" "value": {"name": "Linus", "tier": "silver"}, "timestamp": 1700000001000}\n]';
    await setMonaco(page, 'samples-editor', broken, 'paste');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => page.locator('[data-testid=samples-error]').textContent()).toMatch(/^Line 3, column \d+: .* not applied\.$/);
    await expect.poll(() => page.locator('[data-testid=samples-editor] .squiggly-error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const marked = await page.locator('[data-testid=samples-editor] .squiggly-error').first().boundingBox();
    const line3 = await page.locator('[data-testid=samples-editor] .view-line').nth(2).boundingBox();
    expect(Math.abs(marked!.y - line3!.y)).toBeLessThan(line3!.height);
    await expect(applied(page)).resolves.toBe('1 record(s) applied');
    await expect(monacoText(page, 'samples-editor')).resolves.toContain('{"key": "u2" "value"');
    // Nor is it lost when the preview tab or another topic is shown in between.
    expect((await enriched(page))[0][1]).toContain('Grace');
    // (the editor mounts again with the tab: its lines render shortly after)
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('{"key": "u2" "value"');
    await topic.selectOption('clicks');
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('"/a"');
    await topic.selectOption('user-profiles');
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('{"key": "u2" "value"');
    await expect(page.locator('[data-testid=samples-error]').textContent()).resolves.toMatch(/^Line 3/);

    // Fixed, it applies.
    await setMonaco(page, 'samples-editor', broken.replace('"u2" "value"', '"u2", "value"'), 'paste');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => applied(page)).toBe('2 record(s) applied');
    expect(await page.locator('[data-testid=samples-error]').count()).toBe(0);
    expect((await enriched(page))[2][1]).toContain('Linus');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('imports JSON, JSONL and CSV files; a bad file is reported at its line and not applied', async () => {
    const page = await openApp(env);
    await openExample(page, 'enrich-with-table');
    await page.click('[data-testid=tab-samples]');
    await expect.poll(() => page.locator('[data-testid=sample-topic]').inputValue()).toBe('clicks');
    // After the profiles (1700000000000 and +1000): the join sees them.
    const click = (key: string, url: string, ts: number) => ({ key, value: { url }, timestamp: 1700000010000 + ts });

    await page.setInputFiles('[data-testid=import-samples]', tempFile('clicks.json', JSON.stringify([click('u1', '/x', 1), click('u2', '/y', 2)])));
    await expect.poll(() => applied(page)).toBe('2 record(s) applied');
    await expect.poll(() => emitted(page, 'clicks')).toBe('2 out');

    await page.setInputFiles('[data-testid=import-samples]', tempFile('clicks.jsonl', [click('u1', '/p', 10), click('u2', '/q', 20), click('u9', '/r', 30)].map((r) => JSON.stringify(r)).join('\n') + '\n'));
    await expect.poll(() => applied(page)).toBe('3 record(s) applied');
    await expect.poll(() => emitted(page, 'clicks')).toBe('3 out');

    await page.setInputFiles('[data-testid=import-samples]', tempFile('clicks.csv', 'key,value,timestamp\nu1,"{""url"": ""/c1""}",1700000010100\nu2,"{""url"": ""/c2""}",1700000010200\nu3,"{""url"": ""/c3""}",1700000010300\nu1,"{""url"": ""/c4""}",1700000010400\n'));
    await expect.poll(() => applied(page)).toBe('4 record(s) applied');
    await expect.poll(() => emitted(page, 'clicks')).toBe('4 out');
    expect((await enriched(page)).map((r) => r[1])).toEqual([
      '{"url":"/c1","user":"Ada","tier":"gold"}',
      '{"url":"/c2","user":"Linus","tier":"silver"}',
      '{"url":"/c3","user":"unknown","tier":"none"}',
      '{"url":"/c4","user":"Ada","tier":"gold"}',
    ]);

    // Line 2 of this JSONL file is not JSON: reported with the file name and line, nothing applied.
    await page.setInputFiles('[data-testid=import-samples]', tempFile('bad.jsonl', `${JSON.stringify(click('u1', '/z', 1))}\n{"key": "u2", "value": \n`));
    await expect.poll(() => page.locator('[data-testid=samples-error]').textContent()).toMatch(/^Line 2.*bad\.jsonl: .* not applied\.$/);
    await expect(applied(page)).resolves.toBe('4 record(s) applied');
    await expect.poll(() => emitted(page, 'clicks')).toBe('4 out');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('generates N records with keys from a set, timestamps over a range, out-of-order and late ones', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await page.click('[data-testid=tab-samples]');
    await page.getByRole('button', { name: 'Generate…' }).click();
    const form = page.locator('[data-testid=generate-form]');
    await form.getByLabel('Number of records').fill('60');
    await form.getByLabel('Keys (comma separated)').fill('k1, k2');
    await form.getByLabel('Start time (ISO)').fill('2024-03-01T00:00:00Z');
    await form.getByLabel('Time span in minutes').fill('30');
    await form.getByLabel('Value template').fill('"line $i"');
    await form.getByLabel('Out of order percent').fill('20');
    await form.getByLabel('Late percent').fill('20');
    await page.click('[data-testid=generate-samples]');
    await expect.poll(() => applied(page)).toBe('60 record(s) applied');
    await expect.poll(() => emitted(page, 'text-lines')).toBe('60 out');

    // The saved design holds exactly what was generated.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save design file' }).click()]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as { samples: Record<string, { key: string; value: string; timestamp: number }[]> };
    const records = saved.samples['text-lines'];
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.key))).toEqual(new Set(['k1', 'k2']));
    expect(new Set(records.map((r) => r.value))).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `line ${i}`)));
    const start = Date.parse('2024-03-01T00:00:00Z');
    const ts = records.map((r) => r.timestamp);
    expect(Math.max(...ts)).toBeLessThanOrEqual(start + 30 * 60_000);
    // Late records are moved back before the range; out-of-order ones break the time order.
    expect(ts.filter((t) => t < start).length).toBeGreaterThan(0);
    expect(ts.some((t, i) => i > 0 && t < ts[i - 1])).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
