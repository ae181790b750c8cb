/**
 * Versions (issue #15): save a version, make a change that loses state on deploy (renaming the node
 * a repartition topic is named from, and a function change), compare: the canvas change, the
 * upgrade-safety flag and the records the sink gets differently; the version survives a reload.
 */
import { describe, expect, it } from 'vitest';
import { saved } from './designs-helpers';
import { openApp, openExample, previewSettled, useDesigner } from './helpers';

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

    // Unchanged: nothing to flag.
    await page.click('[data-testid=compare-versions]');
    await expect(page.locator('[data-testid=upgrade-safe]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid=behaviour-run]').first().textContent()).resolves.toBe('samples: same records');

    // Rename the groupBy node: its repartition topic is named from it.
    await page.locator('[data-testid="node-by-word"]').click();
    await page.fill('[data-testid=node-name]', 'by-the-word');
    await page.click('[data-testid=tab-versions]');
    await page.click('[data-testid=compare-versions]');
    await expect.poll(() => page.locator('[data-testid=upgrade-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['U_REPARTITION_TOPIC']);
    await expect(page.locator('[data-testid=upgrade-flag]').textContent()).resolves.toContain('"by-word-repartition" is replaced by "by-the-word-repartition"');
    await expect(page.locator('[data-testid=canvas-changes] li').allTextContents()).resolves.toEqual(['changed groupBy "by-the-word" (was "by-word"): name']);
    await expect(page.locator('[data-testid=behaviour-run]').first().textContent()).resolves.toBe('samples: same records');

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
