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

describe('data flow preview', () => {
  it('shows what reached a node beside what it emitted, linked record by record', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'split-words').click();
    await expect.poll(() => inputRows(page).count()).toBe(3);
    // Hovering the word "hello" lights up the line it was split from.
    const words = await outputRows(page);
    await page.locator('[data-testid=output-row]').nth(words.findIndex((r) => r[2] === '"hello"')).hover();
    await expect.poll(() => linkedInputs(page)).toEqual([expect.arrayContaining(['"hello kafka streams"'])]);
    // An aggregate's output links to every record of its key so far.
    await card(page, 'word-counts').click();
    await expect.poll(() => outputRows(page).then((r) => r.length)).toBe(11);
    const counts = await outputRows(page);
    await page.locator('[data-testid=output-row]').nth(counts.findIndex((r) => r[1] === '"kafka"' && r[2] === '3')).click();
    await expect.poll(() => linkedInputs(page).then((rows) => rows.map((r) => r[1]))).toEqual(['"kafka"', '"kafka"', '"kafka"']);
    await expect.poll(() => page.locator('[data-testid=lineage] tr').count()).toBe(3);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('links a foreign-key join output to both rows it joined, and lights both sources on the canvas', async () => {
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
    await expect.poll(() => outputRows(page).then((r) => r.length), { timeout: 10_000 }).toBe(3);
    const rows = await outputRows(page);
    const lineage = () => page.locator('[data-testid=lineage] tr').allTextContents();
    // Exactly two input records, in either order: the order row and the customer row.
    const both = (order: string, customer: string) => expect.toSatisfy((rows: string[]) => rows.length === 2 && rows.some((r) => r.includes(order)) && rows.some((r) => r.includes(customer)));
    const lit = () => page.locator('.sw-op-node.sw-lineage').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort());
    // An order update: the order and the customer its foreign key names (o1 -> c2, Bob).
    await page.locator('[data-testid=output-row]').nth(rows.findIndex((r) => r[1] === '"o1"')).click();
    await expect.poll(lineage).toEqual(both('"pen"', '"Bob"'));
    await expect.poll(lit).toEqual(['node-customers', 'node-orders', 'node-withCustomer']);
    // A customer update re-joins the order subscribed to it: the new customer row and that order.
    await page.locator('[data-testid=output-row]').nth(rows.findIndex((r) => r[2].includes('Ada L.'))).click();
    await expect.poll(lineage).toEqual(both('"ink"', '"Ada L."'));
    await expect.poll(lit).toEqual(['node-customers', 'node-orders', 'node-withCustomer']);
    await screenshot(page, 'lineage-foreign-key-join');
    // Long values wrap: every timestamp is whole inside its side of the flow, not cut off at its edge.
    const clipped = await page.locator('[data-testid=node-flow] [data-testid=time-cell]').evaluateAll((tds) =>
      tds.filter((td) => td.getBoundingClientRect().right > td.closest('section')!.getBoundingClientRect().right + 1).map((td) => td.textContent),
    );
    expect(clipped).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows timestamps on one line as readable times, the raw epoch milliseconds on hover', async () => {
    const page = await openApp(env, undefined, { width: 1440, height: 900 });
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'split-words').click();
    await expect.poll(() => inputRows(page).count()).toBe(3);
    await page.locator('[data-testid=output-row]').first().click();
    await expect.poll(() => page.locator('[data-testid=lineage] tr').count()).toBe(1);
    // Every timestamp cell of the in, out and lineage tables: one line of text, the epoch in its title.
    const cells = await page.locator('[data-testid=node-flow] [data-testid=time-cell], [data-testid=lineage] [data-testid=time-cell]').evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: td.textContent, title: td.getAttribute('title'), lines: lines.size };
      }),
    );
    expect(cells.length).toBe(3 + 11 + 1);
    // No window column for a node whose records have no window.
    await expect(page.locator('[data-testid=output-table] th').allTextContents()).resolves.toEqual(['#', 'key', 'value', 'timestamp']);
    for (const c of cells) {
      expect(c.lines).toBe(1);
      expect(c.text).toMatch(/^2023-11-14 22:13:2\d(\.\d{3})?$/);
      expect(c.title).toMatch(/^17000000\d{5} epoch ms \(UTC\)$/);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('marks the fields a node changed', async () => {
    const page = await openApp(env);
    const doc = design(
      { src: { kind: 'stream', params: { topic: 'in' } }, double: { kind: 'mapValues', params: { mapper: '(v: { a: number; b: number }) => ({ ...v, b: v.b * 2 })' } } },
      ['src -> double'],
      { in: [{ key: 'k', value: { a: 1, b: 2 }, timestamp: 1 }] },
    );
    await openDesign(page, doc);
    await previewSettled(page);
    await card(page, 'double').click();
    await expect.poll(() => page.locator('[data-testid=output-row] [data-testid=changed-field]').allTextContents()).toEqual(['"b":4']);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('edits an input record in place; every node updates, and undo brings it back', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await previewSettled(page);
    await card(page, 'text-lines').click();
    await expect.poll(() => inputRows(page).count()).toBe(3);
    await inputRows(page).nth(0).locator('[data-testid=sample-edit]').click();
    await page.fill('[data-testid=sample-edit-value]', '{"broken"');
    await page.click('[data-testid=sample-edit-save]');
    await expect.poll(() => page.locator('[data-testid=sample-edit-error]').textContent()).toMatch(/^value: not valid JSON/);
    await page.fill('[data-testid=sample-edit-value]', '"kafka kafka"');
    await page.click('[data-testid=sample-edit-save]');
    await previewSettled(page);
    // 2 + 3 + 3 words now, and "kafka" counted 4 times.
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=emitted-count]').textContent()).toBe('8 out');
    await card(page, 'word-counts').click();
    await expect.poll(() => outputRows(page).then((rows) => rows.filter((r) => r[1] === '"kafka"').map((r) => r[2]))).toEqual(['1', '2', '3', '4']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => card(page, 'split-words').locator('[data-testid=emitted-count]').textContent()).toBe('11 out');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
