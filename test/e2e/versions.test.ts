/**
 * Versions (issue #15): save a version, move a card (not a change), make changes that lose state on
 * deploy (renaming the node a repartition topic is named from, renaming a store), compare: the canvas
 * changes listed and marked on the cards, the upgrade-safety flags and the behaviour (run in the
 * preview's worker); the version survives a reload.
 */
import { describe, expect, it } from 'vitest';
import { saved } from './designs-helpers';
import { openApp, openExample, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();

describe('versions', () => {
  it('compares a saved version with a state-losing change', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=tab-versions]');
    await page.fill('[data-testid=version-name]', 'before the rename');
    await page.fill('[data-testid=version-message]', 'as deployed');
    await page.click('[data-testid=save-version]');
    await page.waitForSelector('[data-testid=version-v1]');

    // Unchanged (a card only moved): nothing to flag, no card marked. The behaviour runs in the preview's worker.
    const card = page.locator('[data-testid="node-text-lines"]');
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await page.click('[data-testid=compare-versions]');
    await expect(page.locator('[data-testid=upgrade-safe]').count()).resolves.toBe(1);
    await expect.poll(() => page.locator('[data-testid=behaviour-run]').first().textContent(), { timeout: 30_000 }).toBe('samples: same records');
    await expect(page.locator('[data-testid=canvas-changes] li').allTextContents()).resolves.toEqual(['no change (moved nodes do not count)']);
    await expect(page.locator('[data-testid=diff-legend]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=node-diff]').count()).resolves.toBe(0);

    // Rename the groupBy node (its repartition topic is named from it) and the count's store.
    await page.locator('[data-testid="node-by-word"]').click();
    await page.fill('[data-testid=node-name]', 'by-the-word');
    await page.locator('[data-testid="node-word-counts"]').click();
    await page.fill('[data-testid=param-storeName]', 'word-counts-store');
    await page.click('[data-testid=tab-versions]');
    await page.click('[data-testid=compare-versions]');
    await expect.poll(() => page.locator('[data-testid=upgrade-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort())).toEqual(['U_REPARTITION_TOPIC', 'U_STORE_RENAMED']);
    await expect(page.locator('[data-testid=upgrade-flag]').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('"by-word-repartition" is replaced by "by-the-word-repartition"'), expect.stringContaining('"word-counts-store" instead of "counts-store"')]));
    await expect(page.locator('[data-testid=canvas-changes] li').allTextContents()).resolves.toEqual(['changed groupBy "by-the-word" (was "by-word"): name', 'changed count "word-counts": storeName']);
    await expect.poll(() => page.locator('[data-testid=behaviour-run]').first().textContent(), { timeout: 30_000 }).toBe('samples: same records');
    // The canvas marks the changed cards with what changed; the moved and untouched ones are not marked.
    await expect(page.locator('[data-testid="node-by-the-word"] [data-testid=node-diff]').textContent()).resolves.toBe('changed: name (was "by-word")');
    await expect(page.locator('[data-testid="node-word-counts"] [data-testid=node-diff]').textContent()).resolves.toBe('changed: storeName');
    await expect(page.locator('[data-testid=node-diff]').count()).resolves.toBe(2);
    await screenshot(page, 'versions-compare-canvas');
    await page.click('[data-testid=clear-compare]');
    await expect(page.locator('[data-testid=node-diff]').count()).resolves.toBe(0);

    // The saved version is part of the design: it is still there after a reload (autosave).
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-testid=tab-versions]');
    await expect(page.locator('[data-testid=version-v1]').textContent()).resolves.toContain('before the rename');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
