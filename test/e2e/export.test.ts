/**
 * Step 7: the Code tab shows the generated project's files read-only in Monaco, follows the design,
 * and "Download project" saves them as a .zip.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { monacoText, openApp, openExample, previewSettled, useDesigner } from './helpers';

const env = useDesigner();

describe('export', () => {
  it('shows the generated files read-only and downloads them as a zip', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=tab-code]');
    const files = page.locator('[data-testid=code-files]');
    // The first visit generates the whole project in the page (~100 vendored engine files): 7 s in a
    // full CI run, but once over 30 s while other test files were building projects beside it.
    await files.getByRole('button', { name: 'src/topology.ts' }).waitFor({ timeout: 60_000 });
    const listed = await files.locator('button:not([data-testid])').allTextContents();
    for (const f of ['package.json', 'README.md', 'src/topology.ts', 'src/main.ts']) expect(listed).toContain(f);
    await expect(files.textContent()).resolves.toMatch(/\+ \d+ vendored engine files in src\/streams\//);

    // topology.ts reads like the DSL and names the design's topics.
    await expect.poll(() => monacoText(page, 'code-view'), { timeout: 30_000 }).toContain('text-lines');
    const before = await monacoText(page, 'code-view');
    expect(before).toMatch(/stream\(/);
    // Read-only: typing changes nothing.
    await page.locator('[data-testid=code-view] .monaco-editor .view-lines').click();
    await page.keyboard.type('garbage');
    await expect(monacoText(page, 'code-view')).resolves.toBe(before);

    // It follows the design: a renamed sink topic shows up in topology.ts.
    await page.locator('[data-testid="node-word-counts-out"]').click();
    await page.fill('[data-testid=param-topic]', 'counted-words');
    // The sink is near the end of the file: scroll there (Monaco renders only the rows in view).
    await page.locator('[data-testid=code-view] .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => monacoText(page, 'code-view'), { timeout: 30_000 }).toContain('counted-words');

    // Another file opens in the same viewer.
    await files.getByRole('button', { name: 'package.json' }).click();
    await expect.poll(() => monacoText(page, 'code-view')).toContain('"name": "word-count"');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-project]')]);
    expect(download.suggestedFilename()).toBe('word-count.zip');
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    for (const f of listed) expect(Object.keys(zip), f).toContain(`word-count/${f}`);
    expect(Object.keys(zip).some((p) => p.startsWith('word-count/src/streams/'))).toBe(true);
    expect(strFromU8(zip['word-count/src/topology.ts'])).toContain('text-lines');
    // The samples come along, and the design's test cases as the project's tests.
    expect(strFromU8(zip['word-count/samples/text-lines.jsonl']).trim().split('\n')).toHaveLength(3);
    expect(JSON.parse(strFromU8(zip['word-count/test/cases.json'])).map((c: { name: string }) => c.name)).toEqual(['The example samples']);
    expect(Object.keys(zip)).toContain('word-count/test/kafka.test.ts');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
