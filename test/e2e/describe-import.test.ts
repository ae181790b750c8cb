/**
 * Import describe() (issue #15): paste a Kafka Streams Topology#describe() text, get a new design on
 * the canvas (a join from Kafka's generated names, a filter, a placeholder for a named processor),
 * laid out, with the placeholder visible and listed; a text that is not describe() output is refused
 * with its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useDesigner, viewportSettled } from './helpers';

const env = useDesigner();

/** Kafka's generated names for a stream-stream join and a filter, then a processor with a name of its own. */
const TEXT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'describe-join-filter-placeholder.txt'), 'utf8');

const kindOf = (page: import('playwright-core').Page, name: string) => page.locator(`[data-testid="node-${name}"] .sw-kind`).textContent();

describe('describe() import', () => {
  it('pasted text becomes a laid-out design with its placeholder visible', async () => {
    const page = await openApp(env);
    await page.click('[data-testid=open-import-describe]');
    await page.fill('[data-testid=describe-text]', 'Topologies:\n   Sub-topology: 0\n    Hello\n');
    await page.click('[data-testid=describe-import]');
    await expect(page.locator('[data-testid=describe-problems] [data-code]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-code')} ${e.textContent}`))).resolves.toEqual(['DESCRIBE_SYNTAX line 3: not a line of Topology#describe(): "Hello"']);

    await page.fill('[data-testid=describe-text]', TEXT);
    await page.click('[data-testid=describe-import]');
    await page.waitForSelector('[data-testid=describe-notes]');
    await expect(page.locator('[data-testid=describe-notes] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).resolves.toContain('PLACEHOLDER');
    await expect(page.locator('[data-testid=describe-notes]').textContent()).resolves.toContain('"enrich-customer" became a processValues placeholder');
    await screenshot(page, 'describe-import-dialog');
    await page.click('[aria-label="Close dialog"]');
    await page.waitForSelector('[role=dialog]', { state: 'detached' });
    await viewportSettled(page);

    await expect(page.locator('.sw-op-node').count()).resolves.toBe(6);
    await expect(kindOf(page, 'KSTREAM-MERGE-0000000006')).resolves.toBe('join');
    await expect(kindOf(page, 'KSTREAM-FILTER-0000000007')).resolves.toBe('filter');
    await expect(kindOf(page, 'enrich-customer')).resolves.toBe('processValues');
    await expect(page.locator('[data-testid="node-enrich-customer"] [data-testid=node-todo]').getAttribute('title')).resolves.toContain('Imported from describe(): Processor enrich-customer');
    await expect(page.locator('[data-testid="node-enrich-customer"] [data-testid=node-problem-count]').count()).resolves.toBe(0);
    // Laid out by the auto layout (left to right, in rows that fit the canvas): the sources before the join.
    const x = async (name: string) => (await page.locator(`[data-testid="node-${name}"]`).boundingBox())!.x;
    expect(await x('KSTREAM-SOURCE-0000000000')).toBeLessThan(await x('KSTREAM-MERGE-0000000006'));
    expect(await x('KSTREAM-SOURCE-0000000001')).toBeLessThan(await x('KSTREAM-MERGE-0000000006'));
    // The Plan tab prints the imported design's describe(): the names came back.
    await page.click('[data-testid=tab-plan]');
    await expect.poll(() => page.locator('[data-testid=plan-text]').textContent(), { timeout: 30_000 }).toContain('Processor: enrich-customer (stores: [])');
    await screenshot(page, 'describe-import-canvas');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
