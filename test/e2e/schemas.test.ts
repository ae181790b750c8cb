/**
 * #17 topic schemas in the designer: an Avro schema pasted on a source types the downstream
 * functions (the schema's type, then the type TypeScript infers for mapValues' result), a broken
 * schema is marked at its line, a sample that does not match is marked with its field path and not
 * applied, samples are generated from the schema, and an invariant on the sink finds a shrunk
 * counterexample that can be kept as samples.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, monacoText, openApp, openDesign, previewSettled, screenshot, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const ORDER = JSON.stringify(
  { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'qty', type: 'int' }, { name: 'price', type: 'int' }] },
  null,
  2,
);

const DESIGN = design(
  {
    orders: { kind: 'stream', params: { topic: 'orders' } },
    total: { kind: 'mapValues', params: { mapper: '(order) => ({ id: order.id, total: order.qty * order.price })' } },
    big: { kind: 'filter', params: { predicate: '(key, value) => value.total > 10' } },
    out: { kind: 'to', params: { topic: 'out' } },
  },
  ['orders -> total', 'total -> big', 'big -> out'],
  { orders: [{ key: 'k1', value: { id: 1, qty: 2, price: 30 }, timestamp: 1700000000000 }] },
);

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const signature = (page: Page, param: string) => page.locator(`[data-testid=signature-${param}]`).textContent();

async function withAvroSource(page: Page): Promise<void> {
  await openDesign(page, DESIGN);
  await card(page, 'orders').click();
  await page.locator('[data-testid=schema-value-format]').selectOption('avro');
  await setMonaco(page, 'schema-value-text', ORDER, 'paste');
  await expect.poll(() => card(page, 'orders').locator('[data-testid=node-schema]').textContent()).toBe('value: Avro Order');
}

describe('topic schemas', () => {
  it('an Avro schema on a source types the functions downstream, through mapValues', async () => {
    const page = await openApp(env);
    await withAvroSource(page);
    await card(page, 'total').click();
    await expect.poll(() => signature(page, 'mapper'), { timeout: 30_000 }).toContain('V = Topics.OrdersValue');
    // Monaco knows the schema's type: hovering `order.qty` would show number; a typo is an error.
    await setMonaco(page, 'fn-mapper', '(order) => ({ id: order.id, total: order.qty * order.prise })', 'insert');
    await expect.poll(() => page.locator('[data-testid=fn-mapper] .squiggly-error').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await setMonaco(page, 'fn-mapper', '(order) => ({ id: order.id, total: order.qty * order.price })', 'insert');
    await card(page, 'big').click();
    // The filter after mapValues sees the type TypeScript inferred for the mapper's result.
    await expect.poll(() => signature(page, 'predicate'), { timeout: 30_000 }).toMatch(/V = \{ id: number; total: number; \}/);
    await screenshot(page, 'schemas-typed-signature');
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('a broken schema is marked at its line', async () => {
    const page = await openApp(env);
    await withAvroSource(page);
    await setMonaco(page, 'schema-value-text', ORDER.replace('"type": "int"', '"type": "integer"'), 'paste');
    await expect.poll(() => page.locator('[data-testid=schema-value-error]').textContent()).toMatch(/^line 7, column \d+: orders value schema: Avro: undefined type name: integer/);
    await expect.poll(() => page.locator('[data-testid=schema-value-text] .squiggly-error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'schemas-broken-schema');
  }, 90_000);

  it('a sample that does not match is marked with its field path and not applied; samples are generated from the schema', async () => {
    const page = await openApp(env);
    await withAvroSource(page);
    await page.click('[data-testid=tab-samples]');
    await expect.poll(() => page.locator('[data-testid=samples-applied]').textContent()).toBe('1 record(s) applied');
    await setMonaco(page, 'samples-editor', '[\n  {"key": "k1", "value": {"id": 1, "qty": 2, "price": 3}, "timestamp": 1},\n  {"key": "k2", "value": {"id": "two", "qty": 2, "price": 3}, "timestamp": 2}\n]', 'paste');
    await page.click('[data-testid=apply-samples]');
    await expect.poll(() => page.locator('[data-testid=samples-error]').textContent()).toBe('Line 3: record 2 does not match the value schema: $.id expected int, got "two" — not applied.');
    await expect(page.locator('[data-testid=samples-applied]').textContent()).resolves.toBe('1 record(s) applied');
    await screenshot(page, 'schemas-sample-mismatch');

    await page.getByRole('button', { name: 'Generate…' }).click();
    await page.locator('[data-testid=gen-count]').fill('12');
    await page.click('[data-testid=generate-from-schema]');
    await expect.poll(() => page.locator('[data-testid=samples-applied]').textContent()).toBe('12 record(s) applied');
    await expect.poll(() => monacoText(page, 'samples-editor')).toContain('"qty"');
    await screenshot(page, 'schemas-generated-samples');
  }, 90_000);

  it('an invariant on the sink is broken by a generated, shrunk sample set that can be kept', async () => {
    const page = await openApp(env);
    await withAvroSource(page);
    await previewSettled(page);
    await card(page, 'out').click();
    await setMonaco(page, 'invariant-predicate', '(records) => records.every((r) => r.value.total < 1000)', 'insert');
    await page.click('[data-testid=invariant-search]');
    const result = page.locator('[data-testid=invariant-result]');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('broken');
    const samples = JSON.parse((await page.locator('[data-testid=invariant-samples]').textContent())!) as { orders: { value: { qty: number; price: number } }[] };
    expect(samples.orders).toHaveLength(1);
    expect(samples.orders[0].value.qty * samples.orders[0].value.price).toBeGreaterThanOrEqual(1000);
    await screenshot(page, 'schemas-invariant-broken');
    await page.click('[data-testid=invariant-keep]');
    await page.click('[data-testid=tab-samples]');
    await expect.poll(() => page.locator('[data-testid=samples-applied]').textContent()).toBe('1 record(s) applied');
  }, 120_000);
});
