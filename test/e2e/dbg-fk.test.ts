/**
 * The preview as a data flow (StreamSets/Nussknacker style): a node's input records beside its
 * output records, each output linked to what it was made from (through state for aggregates),
 * changed fields marked, and an input record edited in place with every node updating.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, openApp, openDesign, openExample, outputRows, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();
const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const inputRows = (page: Page) => page.locator('[data-testid=input-row]');
const linkedInputs = (page: Page) =>
  page.locator('[data-testid=input-row][data-linked=true]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));

describe('dbg', () => {
  it.each([1,2,3,4])('%i links a foreign-key join output to both rows it joined, and lights both sources on the canvas', async () => {
    const page = await openApp(env);
    const T = 1_700_000_000_000;
    const doc = design(
      {
        orders: { kind: 'table', params: { topic: 'orders' } },
        customers: { kind: 'table', params: { topic: 'customers' } },
        withCustomer: { kind: 'join', params: { joiner: '(o, c) => ({ item: o.item, name: c.name })', foreignKeyExtractor: '(o) => o.customer' } },
      },
      ['orders -> withCustomer:left', 'customers -> withCustomer:right'],
      {
        customers: [
          { key: 'c1', value: { name: 'Ada' }, timestamp: T },
          { key: 'c2', value: { name: 'Bob' }, timestamp: T + 1 },
          { key: 'c1', value: { name: 'Ada L.' }, timestamp: T + 4 },
        ],
        orders: [
          { key: 'o1', value: { item: 'pen', customer: 'c2' }, timestamp: T + 2 },
          { key: 'o2', value: { item: 'ink', customer: 'c1' }, timestamp: T + 3 },
        ],
      },
    );
    await openDesign(page, doc);
    await previewSettled(page);
    await card(page, 'withCustomer').click();
        try {
      await expect.poll(() => outputRows(page).then((r) => r.length), { timeout: 10_000 }).toBe(3);
    } catch (e) {
      await page.screenshot({ path: '/tmp/fk-fail.png' });
      console.log('PANEL', await page.locator('.sw-bottom, [data-testid=bottom-panel]').first().innerText().catch(() => 'none'));
      console.log('STATUS', await page.locator('[data-testid=preview-status]').textContent());
      console.log('CARDS', JSON.stringify(await page.locator('.sw-op-node').allInnerTexts()));
      console.log('PROBLEMS', JSON.stringify(await page.locator('[data-testid=node-problem]').allTextContents()));
      console.log('DOC', await page.evaluate(async () => { const r = indexedDB.open('streamwright-designs'); return await new Promise((res) => { r.onsuccess = () => { const db = r.result; const names = [...db.objectStoreNames]; const tx = db.transaction(names[0]); const all = tx.objectStore(names[0]).getAll(); all.onsuccess = () => res(JSON.stringify(all.result).slice(0, 6000)); }; }); }));
      console.log('SELECTED', await page.locator('.react-flow__node.selected').count());
      throw e;
    }
    await page.close();
  }, 60_000);
});
