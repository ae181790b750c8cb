/**
 * Step 1 of the designer: an empty canvas, a palette of every operator grouped in the seven
 * categories with search, and a gallery whose every example opens in one click and previews.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperatorCategory } from '../../src/model/descriptor';
import { OPERATORS, operatorsByCategory } from '../../src/model/registry';
import { ROOT } from './browser';
import { openApp, openExample, previewSettled, useDesigner } from './helpers';

const env = useDesigner();

const CATEGORIES = ['Sources', 'Stateless', 'Grouping & windows', 'Aggregations', 'Joins', 'Tables', 'Processor API', 'Sinks', 'Connectors'];
const EXAMPLES = JSON.parse(readFileSync(join(ROOT, 'public', 'examples', 'index.json'), 'utf8')) as { file: string; title: string }[];

describe('palette and examples', () => {
  it('shows an empty canvas and every operator category, and search filters the operators', async () => {
    const page = await openApp(env);
    expect(await page.locator('.sw-op-node').count()).toBe(0);
    await expect(page.locator('.sw-empty-hint').textContent()).resolves.toContain('Drag operators');
    const palette = page.getByRole('complementary', { name: 'Operator palette' });
    expect(await palette.locator('section h3').allTextContents()).toEqual(CATEGORIES);
    // Every operator of the registry, in its category.
    const groups = operatorsByCategory();
    for (const cat of CATEGORIES) {
      const shown = await palette.getByRole('region', { name: cat }).locator('.sw-palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(shown, cat).toEqual((groups.get(cat as OperatorCategory) ?? []).map((d) => `palette-${d.kind}`));
    }
    const all = await palette.locator('.sw-palette-item').count();
    expect(all).toBe(OPERATORS.length);

    await page.fill('[data-testid=palette-search]', 'window');
    await expect.poll(() => palette.locator('.sw-palette-item').count()).toBeLessThan(all);
    const shown = await palette.locator('.sw-palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(shown).toContain('palette-windowedBy');
    expect(shown).not.toContain('palette-filter');
    await page.fill('[data-testid=palette-search]', 'zzz-no-such-operator');
    await expect.poll(() => palette.locator('.sw-palette-item').count()).toBe(0);
    await page.fill('[data-testid=palette-search]', '');
    await expect.poll(() => palette.locator('.sw-palette-item').count()).toBe(all);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists the seven examples of the issue, and the cogroup one of issue 13', async () => {
    expect(EXAMPLES.map((e) => e.file)).toEqual(['word-count.json', 'pageview-windows.json', 'orders-payments-join.json', 'enrich-with-table.json', 'session-windows.json', 'final-results-suppress.json', 'split-branches.json', 'customer-activity-cogroup.json', 'avro-orders.json']);
  });

  it('opens every example of the gallery in one click and previews it without errors', async () => {
    const page = await openApp(env);
    for (const ex of EXAMPLES) {
      const design = JSON.parse(readFileSync(join(ROOT, 'public', 'examples', ex.file), 'utf8')) as { nodes: { name: string }[]; samples: Record<string, unknown[]> };
      await openExample(page, ex.file.replace('.json', ''));
      await expect.poll(() => page.locator('.sw-op-node').count(), { message: ex.file }).toBe(design.nodes.length);
      await previewSettled(page);
      // Every node ran: its card shows how many records it emitted, and no node has a problem.
      for (const n of design.nodes) await page.locator(`[data-testid="node-${n.name}"] [data-testid=emitted-count]`).waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-testid=node-problem]').count(), ex.file).toBe(0);
      expect(await page.locator('[data-testid=preview-error]').count(), ex.file).toBe(0);
      // Its samples came with it.
      await page.click('[data-testid=tab-samples]');
      const topic = await page.locator('[data-testid=sample-topic]').inputValue();
      await expect.poll(() => page.locator('.sw-tab-body').textContent(), { message: ex.file }).toContain(`${design.samples[topic].length} record(s) applied`);
      await page.click('[data-testid=tab-preview]');
      // Sinks received something.
      await expect(page.locator('.sw-tab-body').textContent()).resolves.toMatch(/: [1-9]\d* record\(s\)/);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
