/**
 * Connectors on the canvas (#16): the palette's Connectors category, a file source dropped and
 * linked to the stream reading its topic, a required key emptied and flagged at its field and on
 * the card, a secret edited as an environment variable, a file's lines as the topic's samples.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../../src/model/connectors/index';
import { design, drop, openApp, openDesign, previewSettled, screenshot, tempFile, useDesigner } from './helpers';

const env = useDesigner();

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const keyRow = (page: Page, key: string) => inspector(page).locator(`[data-testid="connector-key-${key}"]`);

const PIPELINE = design(
  { 'read-lines': { kind: 'stream', params: { topic: 'lines' } }, shout: { kind: 'mapValues', params: { mapper: '(v) => String(v).toUpperCase()' } }, 'write-out': { kind: 'to', params: { topic: 'out' } } },
  ['read-lines -> shout', 'shout -> write-out'],
  { lines: [{ key: null, value: 'one', timestamp: 1 }] },
);

describe('connectors', () => {
  it('adds a file source, links it by topic, flags a missing required key, reads a file as samples', async () => {
    const page = await openApp(env);
    const palette = page.getByRole('complementary', { name: 'Operator palette' });
    const listed = await palette.getByRole('region', { name: 'Connectors' }).locator('.sw-palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(listed).toEqual(CONNECTORS.map((c) => `palette-${c.kind}`));

    await openDesign(page, PIPELINE);
    await drop(page, 'fileStreamSource', 200, 420);
    const card = page.locator('[data-testid="node-fileStreamSource"]');
    await expect.poll(() => card.locator('[data-testid=connector-type]').textContent()).toBe('FileStreamSource');
    await card.click();
    // Its default topic ("input") is read by no node: no link yet, a warning at the key.
    expect(await page.locator('.sw-topic-link').count()).toBe(0);
    await expect.poll(() => keyRow(page, 'topic').locator('[data-code]').getAttribute('data-code')).toBe('W_CONNECTOR_TOPIC_UNUSED');
    expect(await keyRow(page, 'topic').getAttribute('data-required')).toBe('true');
    expect(await keyRow(page, 'file').getAttribute('data-required')).toBeNull();

    // Named after the stream's topic, it is linked to it (connector -> topic -> topology).
    await keyRow(page, 'topic').locator('input').fill('lines');
    await expect.poll(() => page.locator('.sw-topic-link').count()).toBe(1);
    await expect.poll(() => card.locator('[data-testid=connector-topics]').textContent()).toBe('→ lines');
    expect(await keyRow(page, 'topic').locator('[data-code]').count()).toBe(0);

    // Emptied, the required key is flagged at its field and on the card.
    await keyRow(page, 'topic').locator('input').fill('');
    await expect.poll(() => keyRow(page, 'topic').locator('[data-code]').getAttribute('data-code')).toBe('E_CONNECTOR_REQUIRED');
    await expect.poll(() => card.locator('[data-testid=node-problem-count]').textContent()).toBe('1 problem');
    expect(await page.locator('.sw-topic-link').count()).toBe(0);
    await screenshot(page, 'connector-required-key');
    await keyRow(page, 'topic').locator('input').fill('lines');
    await expect.poll(() => card.locator('[data-testid=node-problem-count]').count()).toBe(0);

    // A file's lines become the topic's samples: the preview runs them through the topology.
    await inspector(page).locator('[data-testid=connector-lines-file]').setInputFiles(tempFile('lines.txt', 'alpha\nbeta\ngamma\n'));
    await expect.poll(() => inspector(page).locator('[data-testid=connector-lines-loaded]').textContent()).toContain('3 line(s)');
    await previewSettled(page);
    await expect.poll(() => card.locator('[data-testid=emitted-count]').textContent()).toBe('3 out');
    await expect.poll(() => page.locator('[data-testid="node-write-out"] [data-testid=emitted-count]').textContent()).toBe('3 out');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('edits a sink connector secret as an environment variable, never as a value', async () => {
    const page = await openApp(env);
    await openDesign(page, PIPELINE);
    await drop(page, 'jdbcSink', 700, 420);
    const card = page.locator('[data-testid="node-jdbcSink"]');
    await card.click();
    const secret = keyRow(page, 'connection.password');
    await expect.poll(() => secret.locator('input').inputValue()).toBe('JDBC_PASSWORD');
    // Only a variable name can be typed: "my pass!" keeps its name characters.
    await secret.locator('input').fill('my pass!');
    await expect.poll(() => secret.locator('input').inputValue()).toBe('mypass');
    await keyRow(page, 'topics').locator('input').fill('out');
    await expect.poll(() => page.locator('.sw-topic-link').count()).toBe(1);
    await previewSettled(page);
    await expect.poll(() => card.locator('[data-testid=emitted-count]').textContent()).toBe('1 out');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
