/**
 * The designer end to end in real Chromium: build word count from an empty canvas, type functions
 * into Monaco, enter samples, read the counts; refused connection; undo; autosave across reload;
 * an endless loop stopped; an example previews; the project zip downloads; auto layout untangles a
 * design whose cards all lie on top of each other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { connectHandles, drop, openApp as open, outputRows, setMonaco, useDesigner } from './helpers';

const env = useDesigner();
const openApp = () => open(env);

describe('designer', () => {
  it('builds word count from an empty canvas and previews the counts', async () => {
    const page = await openApp();
    await expect(page.locator('.sw-op-node').count()).resolves.toBe(0);
    const kinds = ['stream', 'flatMapValues', 'groupBy', 'count', 'toStream', 'to'];
    for (let i = 0; i < kinds.length; i++) await drop(page, kinds[i], 40 + (i % 3) * 320, 40 + Math.floor(i / 3) * 200);
    await expect(page.locator('.sw-op-node').count()).resolves.toBe(6);
    const names = ['stream', 'flatMapValues', 'groupBy', 'count', 'toStream', 'to'];
    for (let i = 0; i < names.length - 1; i++) await connectHandles(page, `out-${names[i]}-out`, `in-${names[i + 1]}-in`);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 5, undefined, { timeout: 5000 }).catch(async (e) => {
      await page.screenshot({ path: '/tmp/e2e-failure.png' });
      throw e;
    });

    await page.click('[data-testid="node-flatMapValues"]');
    await setMonaco(page, 'fn-mapper', "(value) => value.toLowerCase().split(' ')", 'type');
    await page.click('[data-testid="node-groupBy"]');
    await setMonaco(page, 'fn-mapper', '(key, word) => word', 'type');

    await page.click('[data-testid=tab-samples]');
    await setMonaco(page, 'samples-editor', '[{"key": null, "value": "Hello Kafka", "timestamp": 1000}, {"key": null, "value": "hello streams", "timestamp": 2000}]', 'insert');
    await page.click('[data-testid=apply-samples]');

    await page.click('[data-testid=tab-preview]');
    await page.click('[data-testid="node-count"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 4, undefined, { timeout: 15_000 });
    const rows = (await outputRows(page)).map((r) => [r[1], r[2]]);
    expect(rows).toEqual([
      ['"hello"', '1'],
      ['"kafka"', '1'],
      ['"hello"', '2'],
      ['"streams"', '1'],
    ]);
    await expect(page.locator('[data-testid="node-to"] [data-testid=emitted-count]').textContent()).resolves.toBe('4 out');

    // Clicking an output record highlights the input record it came from.
    await page.locator('[data-testid=output-row]').nth(2).click();
    await expect(page.locator('[data-testid=lineage]').textContent()).resolves.toContain('hello streams');

    // The autosave brings the design back after a reload.
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => document.querySelectorAll('.sw-op-node').length === 6);
    await page.close();
  }, 120_000);

  it('refuses an invalid connection with the reason, and undo restores a deleted node', async () => {
    const page = await openApp();
    await drop(page, 'stream', 80, 80);
    await drop(page, 'count', 400, 80);
    await connectHandles(page, 'out-stream-out', 'in-count-in');
    await expect(page.locator('[data-testid=toast]').textContent()).resolves.toMatch(/Connection refused: .*KStream/);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);

    await page.click('[data-testid="node-count"]');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelectorAll('.sw-op-node').length === 1);
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => document.querySelectorAll('.sw-op-node').length === 2);
    await page.close();
  }, 60_000);

  it('stops an endless loop, flags the node, and stays responsive', async () => {
    const page = await openApp();
    await page.click('[data-testid=open-examples]');
    await page.click('[data-testid=example-split-branches]');
    await page.waitForSelector('[data-testid="node-by-amount"]');
    await page.click('[data-testid="node-by-amount"]');
    await page.click('[data-testid=tab-samples]');
    await drop(page, 'filter', 500, 420);
    await page.click('[data-testid="node-filter"]');
    await connectHandles(page, 'out-transactions-out', 'in-filter-in');
    await setMonaco(page, 'fn-predicate', '(key, value) => { while (true) {} }', 'insert');
    await page.click('[data-testid=tab-preview]');
    await page.waitForSelector('[data-testid=preview-stopped]', { timeout: 20_000 });
    await expect(page.locator('[data-testid=preview-stopped]').textContent()).resolves.toMatch(/"filter" did not return/);
    await expect(page.locator('[data-testid="node-filter"] [data-testid=node-problem]').textContent()).resolves.toMatch(/did not return/);
    // Still responsive: the help dialog opens.
    await page.click('button[aria-label="Keyboard shortcuts and help"]');
    await page.waitForSelector('[data-testid=shortcuts]', { timeout: 2000 });
    await page.close();
  }, 60_000);

  it('auto-lays out a design whose cards overlap: sources to joins to sinks, left to right, all on screen', async () => {
    const page = await openApp();
    // The join example with every card at the same place, opened from a file.
    const example = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'examples', 'orders-payments-join.json'), 'utf8'));
    for (const n of example.nodes) n.position = { x: 0, y: 0 };
    const file = join(tmpdir(), 'sw-e2e-stacked.json');
    writeFileSync(file, JSON.stringify(example));
    await page.setInputFiles('[data-testid=open-file]', file);
    await page.waitForSelector('[data-testid="node-orders-enriched"]');
    const layoutButton = page.locator('[data-testid=auto-layout]');
    await layoutButton.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=auto-layout]')?.getAttribute('aria-busy') === 'false');
    await page.waitForTimeout(400); // the fit animates for 200 ms
    const box = async (name: string) => (await page.locator(`[data-testid="node-${name}"]`).boundingBox())!;
    const [orders, payments, joined, sink] = [await box('orders'), await box('payments'), await box('order-with-payment'), await box('orders-enriched')];
    expect(orders.x + orders.width).toBeLessThan(joined.x);
    expect(payments.x + payments.width).toBeLessThan(joined.x);
    expect(joined.x + joined.width).toBeLessThan(sink.x);
    // The two sources are in the same layer, one above the other, apart.
    expect(Math.abs(orders.x - payments.x)).toBeLessThan(5);
    expect(orders.y + orders.height <= payments.y || payments.y + payments.height <= orders.y).toBe(true);
    // All three connections drawn, every card inside the canvas.
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(3);
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    for (const b of [orders, payments, joined, sink]) {
      expect(b.x).toBeGreaterThanOrEqual(canvas.x);
      expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    }
    // Undo puts the cards back where they were.
    await page.click('[data-testid=undo]');
    const [o2, s2] = [await box('orders'), await box('orders-enriched')];
    expect(Math.abs(o2.x - s2.x)).toBeLessThan(1);
    await page.close();
  }, 60_000);

  it('opens an example, previews it, shows the plan and downloads the project zip', async () => {
    const page = await openApp();
    await page.click('[data-testid=open-examples]');
    await page.click('[data-testid=example-orders-payments-join]');
    await page.waitForSelector('[data-testid="node-orders-enriched"] [data-testid=emitted-count]');
    await expect(page.locator('[data-testid="node-orders-enriched"] [data-testid=emitted-count]').textContent()).resolves.toBe('3 out');
    await page.click('[data-testid=tab-plan]');
    await expect(page.locator('[data-testid=plan-text]').textContent()).resolves.toContain('order-with-payment-this-join');
    await page.click('[data-testid=tab-code]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-project]')]);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(await download.path()))));
    for (const f of ['package.json', 'src/topology.ts', 'src/main.ts', 'src/streams/index.ts', 'samples/orders.jsonl', 'test/topology.test.ts', 'README.md']) {
      expect(files).toContain(`orders-payments-join/${f}`);
    }
    await page.close();
  }, 60_000);
});
