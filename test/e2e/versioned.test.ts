/**
 * Versioned tables and grace periods in the designer: the table's history retention and the
 * stream-table join's grace period set in the inspector change what the preview shows (as-of reads,
 * the grace buffer, the versions the table's store keeps), and Kafka's topology errors (grace on an unversioned table, grace longer than
 * the history retention) are marked on the join node.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, openApp, openDesign, outputRows, previewSettled, useDesigner } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const joined = async (page: Page) => {
  await card(page, 'priced').click();
  return (await outputRows(page)).map((r) => r[2]);
};

const T0 = 1700000000000;
// Read in timestamp order across topics: p1@10, X@12, p2@20, then p1b@11 (an out-of-order price), Y@30.
const DESIGN = design(
  {
    orders: { kind: 'stream', params: { topic: 'orders' } },
    prices: { kind: 'table', params: { topic: 'prices' } },
    priced: { kind: 'join', params: { joiner: "(order, price) => order + '+' + price" } },
    out: { kind: 'to', params: { topic: 'priced-orders' } },
  },
  ['orders -> priced:left', 'prices -> priced:right', 'priced -> out'],
  {
    orders: [{ key: 'a', value: 'X', timestamp: T0 + 12 }, { key: 'a', value: 'Y', timestamp: T0 + 30 }],
    prices: [{ key: 'a', value: 'p1', timestamp: T0 + 10 }, { key: 'a', value: 'p2', timestamp: T0 + 20 }, { key: 'a', value: 'p1b', timestamp: T0 + 11 }],
  },
);

describe('versioned tables and grace periods', () => {
  it('history retention and grace in the inspector drive the preview; bad grace periods are marked on the join', async () => {
    const page = await openApp(env);
    await openDesign(page, DESIGN);
    await previewSettled(page);
    // A plain table: the out-of-order price overwrites the latest one.
    await expect.poll(() => joined(page)).toEqual(['"X+p1"', '"Y+p1b"']);

    // Versioned: p1b is history only; Y reads the table as of its time.
    await card(page, 'prices').click();
    await inspector(page).getByLabel('History retention amount').fill('60000');
    await expect.poll(() => joined(page), { timeout: 15_000 }).toEqual(['"X+p1"', '"Y+p2"']);
    // The table's store keeps every version: the preview shows the older ones, newest first.
    await card(page, 'prices').click();
    await expect.poll(() => page.locator('[data-testid=store-prices-store] [data-testid=store-history]').allTextContents()).toEqual([expect.stringMatching(/^history: "p1b" @ .+, "p1" @ .+$/)]);

    // Grace 10 ms: X waits until Y arrives (buffer time 30), then reads the table as of 12, p1b included; Y stays buffered.
    await card(page, 'priced').click();
    await inspector(page).getByLabel('Grace period amount').fill('10');
    await expect.poll(() => joined(page), { timeout: 15_000 }).toEqual(['"X+p1b"']);

    // Longer than the history retention: refused as Kafka refuses it.
    await inspector(page).getByLabel('Grace period amount').fill('120000');
    await expect.poll(() => card(page, 'priced').locator('[data-testid=node-problem]').textContent(), { timeout: 15_000 }).toMatch(/longer than the table's history retention/);

    // Back to 10 ms, then the table unversioned: a grace period needs a versioned table.
    await inspector(page).getByLabel('Grace period amount').fill('10');
    await expect.poll(() => card(page, 'priced').locator('[data-testid=node-problem]').count(), { timeout: 15_000 }).toBe(0);
    await card(page, 'prices').click();
    await inspector(page).getByLabel('History retention amount').fill('');
    await expect.poll(() => card(page, 'priced').locator('[data-testid=node-problem]').textContent(), { timeout: 15_000 }).toMatch(/needs a versioned table/);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
