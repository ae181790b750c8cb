/** Windows read as times: time windows half-open [start – end), session windows closed [start – end] as in Kafka; raw epoch ms on hover. */
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, useDesigner } from './helpers';

const env = useDesigner();

const cells = (page: import('playwright-core').Page) =>
  page.locator('[data-testid=window-cell]').evaluateAll((tds) => tds.map((td) => [td.textContent, td.getAttribute('title')]));

describe('windows in the preview', () => {
  it('shows time windows as readable half-open intervals with the epoch on hover', async () => {
    const page = await openApp(env);
    await openExample(page, 'pageview-windows');
    await previewSettled(page);
    await page.locator('[data-testid="node-views-per-minute"]').click();
    await expect.poll(() => cells(page).then((c) => c[0])).toEqual(['[22:13:00 – 22:14:00)', '[1699999980000, 1700000040000) epoch ms (UTC), time window, end exclusive']);
    await page.close();
  }, 60_000);

  it('shows session windows as closed intervals: a one-record session starts and ends at its record', async () => {
    const page = await openApp(env);
    await openExample(page, 'session-windows');
    await previewSettled(page);
    await page.locator('[data-testid="node-events-per-session"]').click();
    await expect.poll(() => cells(page).then((c) => c.length)).toBe(7);
    const shown = await cells(page);
    expect(shown[0]).toEqual(['[22:13:20 – 22:13:20]', '[1700000000000, 1700000000000] epoch ms (UTC), session window, both ends inclusive']);
    expect(shown[2][0]).toBe('[22:13:20 – 22:14:20]');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
