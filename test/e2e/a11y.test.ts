/**
 * Accessibility and a look at every main view (issue #11): axe-core checks the canvas with a design,
 * the inspector, the samples, preview, code and plan tabs and the shortcuts dialog (no serious or
 * critical violation), the first screen, the examples and designs dialogs and a record's lineage too, and each view is saved as a screenshot (test/.artifacts/screenshots/).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openExample, previewSettled, screenshot, useDesigner } from './helpers';

const env = useDesigner();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the view with axe and keeps its screenshot. */
async function checkView(page: Page, name: string): Promise<void> {
  await screenshot(page, `view-${name}`);
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('accessibility of the main views', () => {
  it('has no serious or critical axe violations on the canvas, inspector, bottom tabs and the shortcuts dialog', async () => {
    // The app's Content-Security-Policy forbids inline scripts: bypassed in this context only, for axe's script tag.
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await openApp(env, context);
    await expect.poll(() => page.locator('[data-testid=preview-status]').textContent(), { timeout: 30_000 }).toBe('up to date');
    // The empty design's first run is never reported as stopped (a cold worker may miss the time limit once).
    await expect(page.locator('[data-testid=preview-stopped]').count()).resolves.toBe(0);
    await checkView(page, 'first-screen');
    await page.click('[data-testid=open-examples]');
    await page.locator('[data-testid=example-word-count]').waitFor();
    await checkView(page, 'examples-dialog');
    await page.keyboard.press('Escape');
    await openExample(page, 'word-count');
    await previewSettled(page);
    await page.click('[data-testid=auto-layout]');
    await expect.poll(() => page.locator('[data-testid=auto-layout]').getAttribute('aria-busy')).toBe('false');
    await checkView(page, 'canvas');
    await page.locator('[data-testid="node-word-counts"]').click();
    await page.locator('[data-testid=inspector]').waitFor();
    await checkView(page, 'inspector-and-preview');
    await page.locator('[data-testid=output-row]').nth(6).click();
    await page.locator('[data-testid=lineage]').waitFor();
    await checkView(page, 'preview-lineage');
    for (const tab of ['samples', 'code', 'plan']) {
      await page.click(`[data-testid=tab-${tab}]`);
      await page.locator(`[data-testid=tab-${tab}][aria-selected=true]`).waitFor();
      if (tab === 'code') await page.locator('[data-testid=code-view] .monaco-editor').waitFor({ timeout: 30_000 });
      await checkView(page, tab);
    }
    await page.click('[data-testid=tab-preview]');
    await page.keyboard.press('Escape');
    await page.locator('header').getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await page.locator('[data-testid=shortcuts]').waitFor();
    await checkView(page, 'shortcuts-dialog');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=show-designs]');
    await page.locator('[role=dialog]').waitFor();
    await checkView(page, 'designs-dialog');
    expect(page.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
