/**
 * Step 6: working comfortably: keyboard undo/redo, copy/paste, delete, multi-select (Ctrl+click and
 * Shift+drag box), auto layout, fit view, minimap, the help dialog, design files opened and saved,
 * and the plan's describe() text.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { design, nodeCount, openApp, openDesign, openExample, previewSettled, tempFile, useDesigner, viewportSettled } from './helpers';

const env = useDesigner();

const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);
const names = (page: Page) => page.locator('.sw-op-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)).sort());
const inspectorText = (page: Page) => page.getByRole('complementary', { name: 'Inspector' }).textContent();

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('comfort', () => {
  it('undoes and redoes with Ctrl+Z / Ctrl+Shift+Z, copies, pastes and deletes with the keyboard', async () => {
    const page = await openApp(env);
    await openExample(page, 'word-count');
    await card(page, 'by-word').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(5);
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(6);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => nodeCount(page)).toBe(5);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(6);

    // Copy two connected nodes: the copies get new names, the edge between them comes along.
    await card(page, 'split-words').click();
    await card(page, 'by-word').click({ modifiers: ['Control'] });
    await expect.poll(() => inspectorText(page)).toContain('2 nodes selected.');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeCount(page)).toBe(8);
    expect(await names(page)).toEqual(['by-word', 'by-word-2', 'counts-stream', 'split-words', 'split-words-2', 'text-lines', 'word-counts', 'word-counts-out'].sort());
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);
    // The pasted nodes are the selection: Delete removes exactly them.
    await expect.poll(() => page.locator('.sw-op-node.sw-selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort())).toEqual(['node-by-word-2', 'node-split-words-2']);
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(6);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('box-selects with Shift+drag, lays out overlapping nodes apart, fits the view; the minimap shows the nodes', async () => {
    const page = await openApp(env);
    const d = design({ a: { kind: 'stream', params: { topic: 'a' } }, f: { kind: 'filter', params: { predicate: '(k, v) => true' } }, m: { kind: 'mapValues', params: { mapper: '(v) => v' } }, out: { kind: 'to', params: { topic: 'b' } } }, ['a -> f', 'f -> m', 'm -> out']) as { nodes: { position: { x: number; y: number } }[] };
    for (const n of d.nodes) n.position = { x: 0, y: 0 };
    await openDesign(page, d);
    await expect.poll(() => page.locator('.react-flow__minimap-node').count()).toBe(4);
    const boxes = async () => Promise.all(['a', 'f', 'm', 'out'].map(async (n) => (await card(page, n).boundingBox())!));
    expect(overlap(...((await boxes()).slice(0, 2) as [Box, Box]))).toBe(true);

    await page.click('[data-testid=auto-layout]');
    await expect.poll(() => page.locator('[data-testid=auto-layout]').getAttribute('aria-busy')).toBe('false');
    await viewportSettled(page);
    const laid = await boxes();
    for (let i = 0; i < laid.length; i++) for (let j = i + 1; j < laid.length; j++) expect(overlap(laid[i], laid[j]), `${i} ${j}`).toBe(false);
    // Along the edges in reading order: left to right, in rows wrapped to fit the canvas.
    const rowsFirst = laid.map((b, i) => ({ ...b, i })).sort((p, q) => (Math.abs(p.y - q.y) < p.height / 2 ? p.x - q.x : p.y - q.y));
    expect(rowsFirst.map((b) => b.i)).toEqual([0, 1, 2, 3]);

    // Zoomed in and panned away, Fit brings every node back on screen.
    const canvas = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const zoomIn = page.locator('.react-flow__controls-zoomin');
    for (let i = 0; i < 8 && (await zoomIn.isEnabled()); i++) await zoomIn.click();
    await page.mouse.move(canvas.x + 8, canvas.y + 8);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { steps: 5 });
    await page.mouse.move(canvas.x + canvas.width - 8, canvas.y + canvas.height - 8, { steps: 5 });
    await page.mouse.up();
    await viewportSettled(page);
    const inside = (b: Box) => b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height;
    // Cards off screen are not rendered at all (onlyRenderVisibleElements).
    const allInside = async () => (await page.locator('.sw-op-node').count()) === 4 && (await boxes()).every(inside);
    expect(await allInside()).toBe(false);
    await page.locator('header').getByRole('button', { name: 'Fit view' }).click();
    await viewportSettled(page);
    expect((await boxes()).every(inside)).toBe(true);

    // Shift+drag a box around the last two nodes (side by side, also when the layout wrapped).
    const [, , f, m] = await boxes();
    await page.keyboard.down('Shift');
    await page.mouse.move(f.x - 10, Math.min(f.y, m.y) - 10);
    await page.mouse.down();
    await page.mouse.move(m.x + m.width / 2, m.y + m.height / 2, { steps: 5 });
    await page.mouse.move(m.x + m.width + 10, Math.max(f.y + f.height, m.y + m.height) + 10, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.sw-op-node.sw-selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort())).toEqual(['node-m', 'node-out']);
    await expect.poll(() => inspectorText(page)).toContain('2 nodes selected.');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists the shortcuts on "?", saves a design file and opens it again, and shows the plan', async () => {
    const page = await openApp(env);
    await openExample(page, 'session-windows');
    await previewSettled(page);
    await page.locator('[data-testid=canvas]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.waitFor();
    const shortcuts = await help.locator('[data-testid=shortcuts] kbd').allTextContents();
    for (const k of ['Ctrl+Z', 'Ctrl+Shift+Z / Ctrl+Y', 'Ctrl+C / Ctrl+V', 'Delete / Backspace', 'Shift+drag', '?', 'Escape']) expect(shortcuts).toContain(k);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.click('[data-testid=tab-plan]');
    const plan = await page.locator('[data-testid=plan-text]').textContent();
    expect(plan).toMatch(/^Topologies:\n\s+Sub-topology: 0\n\s+Source: .*\(topics: \[user-activity\]\)/);
    expect(plan).toContain('Sink: ');
    expect(plan).toContain('(topic: session-counts)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save design file' }).click()]);
    expect(download.suggestedFilename()).toBe('session-windows.json');
    const file = await download.path();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[]; samples: Record<string, unknown[]> };
    await page.getByRole('button', { name: 'New design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.setInputFiles('[data-testid=open-file]', file);
    await expect.poll(() => nodeCount(page)).toBe(saved.nodes.length);
    await previewSettled(page);
    await expect(card(page, 'session-counts').locator('[data-testid=emitted-count]').textContent()).resolves.toMatch(/^[1-9]\d* out$/);
    await expect(page.locator('[data-testid=plan-text]').textContent()).resolves.toBe(plan);
    await page.click('[data-testid=tab-samples]');
    await expect.poll(() => page.locator('.sw-tab-body').textContent()).toContain(`${saved.samples['user-activity'].length} record(s) applied`);

    // A file that is not a design is refused with its line, and the design stays.
    await page.setInputFiles('[data-testid=open-file]', tempFile('broken.json', '{\n  "format": "streamwright/topology",\n  "nodes": [\n'));
    await expect.poll(() => page.locator('[data-testid=toast]').textContent()).toMatch(/broken\.json:\d+:\d+: /);
    expect(await nodeCount(page)).toBe(saved.nodes.length);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
