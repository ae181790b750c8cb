/**
 * Import describe() (issue #15): paste a Kafka Streams Topology#describe() text, get a new design on
 * the canvas (a join from Kafka's generated names, a filter, a placeholder for a named processor),
 * laid out, with the placeholder visible and listed; a text that is not describe() output is refused
 * with its line.
 */
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useDesigner, viewportSettled } from './helpers';

const env = useDesigner();

const TEXT = `Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [orders])
      --> KSTREAM-WINDOWED-0000000002
    Source: KSTREAM-SOURCE-0000000001 (topics: [payments])
      --> KSTREAM-WINDOWED-0000000003
    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])
      --> KSTREAM-JOINTHIS-0000000004
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-JOINOTHER-0000000005-store])
      --> KSTREAM-JOINOTHER-0000000005
      <-- KSTREAM-SOURCE-0000000001
    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store])
      --> KSTREAM-MERGE-0000000006
      <-- KSTREAM-WINDOWED-0000000003
    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-JOINOTHER-0000000005-store])
      --> KSTREAM-MERGE-0000000006
      <-- KSTREAM-WINDOWED-0000000002
    Processor: KSTREAM-MERGE-0000000006 (stores: [])
      --> KSTREAM-FILTER-0000000007
      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005
    Processor: KSTREAM-FILTER-0000000007 (stores: [])
      --> enrich-customer
      <-- KSTREAM-MERGE-0000000006
    Processor: enrich-customer (stores: [])
      --> KSTREAM-SINK-0000000009
      <-- KSTREAM-FILTER-0000000007
    Sink: KSTREAM-SINK-0000000009 (topic: paid-orders)
      <-- enrich-customer

`;

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
