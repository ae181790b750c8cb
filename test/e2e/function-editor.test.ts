/**
 * Function editors: the typed header (line 1) is shown read-only and survives select-all, delete and
 * Backspace; suggestions are not clipped by the short editor; Monaco wears the app's colours.
 */
import { describe, expect, it } from 'vitest';
import { monacoText, openApp, openExample, outputRows, previewSettled, useDesigner } from './helpers';

const env = useDesigner();

describe('function editors', () => {
  it('keeps the read-only header, fits suggestions on the page and matches the app theme', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.locator('[data-testid="node-by-word"]').click();
    const box = page.locator('[data-testid="fn-mapper"]');
    const editor = box.locator('.monaco-editor');
    await editor.waitFor({ timeout: 30_000 });
    await expect.poll(() => box.locator('.sw-readonly-line').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('(key, word: string) => word.toUpperCase()');
    await expect.poll(() => outputRows(page).then((rows) => rows[0]?.[1]), { timeout: 15_000 }).toBe('"ALL"');
    const text = await monacoText(page, 'fn-mapper');
    // The header (wrapped over two rows) is still there, once.
    expect(text.replace(/\s+/g, ' ')).toMatch(/^const mapper: \(key: null, value: string\) => unknown =/);
    expect(text.match(/const mapper/g)).toHaveLength(1);
    // (Rows wrap: compared without white space.)
    expect(text.replace(/\s+/g, '')).toMatch(/=\(key,word:string\)=>word\.toUpperCase\(\)$/);

    // The editor's background is the app's (--bg), not Monaco's grey.
    const colors = await page.evaluate(() => ({
      app: getComputedStyle(document.body).backgroundColor,
      editor: getComputedStyle(document.querySelector('[data-testid="fn-mapper"] .monaco-editor-background')!).backgroundColor,
    }));
    expect(colors.editor).toBe(colors.app);

    // Suggestions open whole, above everything, even though the editor is only 110 px high.
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget.visible');
    await suggest.waitFor({ timeout: 30_000 });
    const s = (await suggest.boundingBox())!;
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.suggest-widget'), { x: s.x + s.width / 2, y: s.y + s.height - 4 });
    expect(hit).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
