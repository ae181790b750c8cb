/**
 * Step 2: connections Kafka Streams would not allow are refused with the reason shown (count on an
 * ungrouped stream, windowedBy after a table, a third input to a join); node cards show their stream
 * kind and their diagnostics.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectHandles, design, JOINED_EDGES, JOINED_STREAMS, openApp, openDesign, useDesigner } from './helpers';

const env = useDesigner();

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();
const card = (page: Page, name: string) => page.locator(`[data-testid="node-${name}"]`);

async function refused(page: Page, from: string, to: string, reason: RegExp): Promise<void> {
  const before = await edgeCount(page);
  await connectHandles(page, from, to);
  await expect.poll(() => page.locator('[data-testid=toast]').textContent()).toMatch(reason);
  expect(await edgeCount(page)).toBe(before);
}

describe('connection rules and node cards', () => {
  it('refuses count on an ungrouped stream, windowedBy after a table and a third join input, saying why', async () => {
    const page = await openApp(env);
    await openDesign(
      page,
      design(
        {
          ...JOINED_STREAMS,
          refunds: { kind: 'stream', params: { topic: 'refunds' } },
          users: { kind: 'table', params: { topic: 'users' } },
          windows: { kind: 'windowedBy', params: { type: 'tumbling', sizeMs: 60000 } },
          counted: { kind: 'count' },
        },
        JOINED_EDGES,
      ),
    );
    expect(await edgeCount(page)).toBe(2);
    await refused(page, 'out-refunds-out', 'in-counted-in', /Connection refused: count cannot take a KStream; .* takes KGroupedStream/);
    await refused(page, 'out-users-out', 'in-windows-in', /Connection refused: windowedBy cannot take a KTable; .* takes KGroupedStream/);
    await refused(page, 'out-refunds-out', 'in-joined-left', /Connection refused: join already has its left input \(a join takes exactly two inputs\)/);
    await refused(page, 'out-refunds-out', 'in-joined-right', /Connection refused: join already has its right input/);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('accepts an allowed connection; cards show the stream kind and their diagnostics', async () => {
    const page = await openApp(env);
    await openDesign(
      page,
      design({
        views: { kind: 'stream', params: { topic: 'views' } },
        grouped: { kind: 'groupByKey' },
        windows: { kind: 'windowedBy', params: { type: 'tumbling', sizeMs: 60000 } },
        counted: { kind: 'count' },
        users: { kind: 'table', params: { topic: '' } },
      }),
    );
    // Unconnected operators say what they need; an empty topic is a problem too.
    await expect(card(page, 'counted').locator('[data-testid=node-problem]').textContent()).resolves.toMatch(/input/);
    await expect(card(page, 'users').locator('[data-testid=node-problem]').textContent()).resolves.toMatch(/topic/i);
    await expect(card(page, 'views').locator('[data-testid=stream-kind]').textContent()).resolves.toBe('KStream');
    await expect(card(page, 'users').locator('[data-testid=stream-kind]').textContent()).resolves.toBe('KTable');

    for (const [a, b] of [['views', 'grouped'], ['grouped', 'windows'], ['windows', 'counted']]) await connectHandles(page, `out-${a}-out`, `in-${b}-in`);
    await expect.poll(() => edgeCount(page)).toBe(3);
    await expect(card(page, 'grouped').locator('[data-testid=stream-kind]').textContent()).resolves.toBe('KGroupedStream');
    await expect(card(page, 'windows').locator('[data-testid=stream-kind]').textContent()).resolves.toBe('TimeWindowedKStream');
    await expect(card(page, 'counted').locator('[data-testid=stream-kind]').textContent()).resolves.toBe('KTable<Windowed>');
    await expect.poll(() => card(page, 'counted').locator('[data-testid=node-problem]').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
