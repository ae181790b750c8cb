/**
 * A process node in the designer: the palette offers it; its processor is edited in Monaco as a
 * typed object (completion on ctx lists the Processor API); its stores are declared in the
 * inspector (a store the processor uses but the node does not declare is an error until declared);
 * the preview shows the store's contents, the punctuations that ran with what they forwarded, and
 * a wall-clock control that runs WALL_CLOCK_TIME punctuators.
 */
import { describe, expect, it } from 'vitest';
import { design, openApp, openDesign, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();

const PROCESSOR = `({ init(ctx) {
  ctx
  ; this.ctx = ctx; this.counts = ctx.getStateStore('counts');
  ctx.schedule(1000, 'STREAM_TIME', function flushCounts(ts) { for (const e of this.counts.all()) ctx.forward({ key: e.key, value: e.value, timestamp: ts }); });
  ctx.schedule(30000, 'WALL_CLOCK_TIME', (now) => ctx.forward({ key: 'clock', value: now, timestamp: now }));
},
process(record) { const n = (this.counts.get(record.key) ?? 0) + 1; this.counts.put(record.key, n); } })`;

const DESIGN = design(
  { src: { kind: 'stream', params: { topic: 'in' } }, counter: { kind: 'process', params: { processor: PROCESSOR, stores: [] } }, out: { kind: 'to', params: { topic: 'out' } } },
  ['src -> counter', 'counter -> out'],
  { in: [{ key: 'a', value: 1, timestamp: 1000 }, { key: 'b', value: 2, timestamp: 2000 }, { key: 'a', value: 3, timestamp: 3000 }] },
);

describe('process node', () => {
  it('typed processor editor, stores declared in the inspector, punctuations and the wall clock in the preview', async () => {
    const page = await openApp(env);
    await expect(page.locator('[data-testid=palette-process]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=palette-processValues]').count()).resolves.toBe(1);
    await openDesign(page, DESIGN);
    await page.locator('[data-testid="node-counter"]').click();

    // The processor uses a store the node does not declare: a coded error on the field.
    const error = page.locator('[data-testid=error-processor] [data-code]');
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('E_PROCESSOR_STORE_UNDECLARED');
    await page.click('[data-testid=add-store]');
    await page.getByLabel('Store 1 name').fill('counts');
    await expect.poll(() => error.count(), { timeout: 15_000 }).toBe(0);
    await previewSettled(page);

    // Completion on ctx (line 2 of the processor is `ctx`): the Processor API's members.
    const box = page.locator('[data-testid="fn-processor"]');
    await box.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await box.locator('.monaco-editor').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type('.');
    const suggest = page.locator('.suggest-widget.visible');
    // The TypeScript worker may still be starting when "." is typed: then ask for suggestions.
    await suggest.waitFor({ timeout: 10_000 }).catch(async () => {
      await page.keyboard.press('Control+Space');
      await suggest.waitFor({ timeout: 30_000 });
    });
    // Members the processor's text does not mention (so not Monaco's word-based suggestions): the typings'.
    await expect.poll(() => suggest.textContent(), { timeout: 30_000 }).toContain('recordMetadata');
    expect(await suggest.textContent()).toContain('currentStreamTimeMs');
    await screenshot(page, 'processor-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');

    // The store's contents and the punctuations after each input (stream time 1000, 2000, 3000).
    await page.locator('[data-testid="node-counter"]').click();
    await previewSettled(page);
    const store = page.locator('[data-testid=store-counts]');
    await expect.poll(() => store.textContent(), { timeout: 15_000 }).toContain('counts (2 entries)');
    const rows = page.locator('[data-testid=punctuation]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await rows.nth(2).textContent()).toContain('flushCounts every 1000 ms');
    expect(await rows.nth(2).textContent()).toContain('"a" → 2');

    // Moving the mock wall clock by a minute runs the WALL_CLOCK_TIME punctuator once.
    await page.click('[data-testid=wall-clock-plus]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    const last = await rows.nth(3).textContent();
    expect(last).toContain('wall clock');
    expect(last).toContain('"clock" → 60000');

    // 30 s of wall clock after each record: the punctuator runs after every input (30000, 60000, 90000), then once more after the samples (150000).
    await page.fill('[data-testid=wall-clock-per-record]', '30000');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(7);
    const clocks = await rows.allTextContents();
    expect(clocks.filter((t) => t.includes('wall clock')).map((t) => /"clock" → (\d+)/.exec(t)?.[1])).toEqual(['30000', '60000', '90000', '150000']);
    await screenshot(page, 'processor-wall-clock');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
