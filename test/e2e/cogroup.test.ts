/**
 * The cogroup node in the designer: one input port per grouped stream (connecting one opens the next),
 * one aggregator per input edited in Monaco in the inspector, and the preview of the shared aggregate.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectHandles, design, openApp, openDesign, outputRows, previewSettled, setMonaco, useDesigner } from './helpers';

const env = useDesigner();

const handles = (page: Page) => page.locator('[data-testid="node-cg"] .react-flow__handle-left').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-testid')));
const values = (page: Page) => outputRows(page).then((rows) => rows.map((r) => [r[1], r[2]]));

const DESIGN = design(
  {
    a: { kind: 'stream', params: { topic: 'a' } },
    ga: { kind: 'groupByKey' },
    b: { kind: 'stream', params: { topic: 'b' } },
    gb: { kind: 'groupByKey' },
    c: { kind: 'stream', params: { topic: 'c' } },
    gc: { kind: 'groupByKey' },
    cg: { kind: 'cogroup', params: { aggregators: { in0: '(k, v, a) => a + v', in1: '(k, v, a) => a + 10 * v' } } },
    agg: { kind: 'aggregate', params: { initializer: '() => 0' } },
    ts: { kind: 'toStream' },
    out: { kind: 'to', params: { topic: 'out' } },
  },
  ['a -> ga', 'b -> gb', 'c -> gc', 'ga -> cg:in0', 'gb -> cg:in1', 'cg -> agg', 'agg -> ts', 'ts -> out'],
  { a: [{ key: 'x', value: 1, timestamp: 1 }], b: [{ key: 'x', value: 2, timestamp: 2 }], c: [{ key: 'x', value: 3, timestamp: 3 }] },
  2,
);

describe('cogroup in the designer', () => {
  it('grows a port per grouped stream, edits each aggregator in Monaco and previews the one aggregate', async () => {
    const page = await openApp(env);
    await openDesign(page, DESIGN);
    await previewSettled(page);
    // Two grouped streams connected, and a free third port to connect the next.
    expect(await handles(page)).toEqual(['in-cg-in0', 'in-cg-in1', 'in-cg-in2']);
    await page.locator('[data-testid="node-agg"]').click();
    await expect.poll(() => values(page)).toEqual([['"x"', '1'], ['"x"', '21']]);

    await connectHandles(page, 'out-gc-out', 'in-cg-in2');
    await expect.poll(() => handles(page)).toEqual(['in-cg-in0', 'in-cg-in1', 'in-cg-in2', 'in-cg-in3']);
    await previewSettled(page);
    // The new input starts with the default aggregator (count its records): 21 + 1.
    await expect.poll(() => values(page)).toEqual([['"x"', '1'], ['"x"', '21'], ['"x"', '22']]);

    // The inspector has one editor per input, headed by its grouped stream.
    await page.locator('[data-testid="node-cg"]').click();
    await expect.poll(() => page.locator('[data-testid^=port-fn-]').count()).toBe(3);
    await expect(page.locator('[data-testid=port-fn-in2]').textContent()).resolves.toContain('records of gc');
    await setMonaco(page, page.locator('[data-testid=port-fn-in2]'), '(k, v, a) => a + 100 * v', 'insert');
    await previewSettled(page);
    await page.locator('[data-testid="node-agg"]').click();
    await expect.poll(() => values(page)).toEqual([['"x"', '1'], ['"x"', '21'], ['"x"', '321']]);

    // A stream that is not grouped is refused at the free port, with the fix offered.
    await connectHandles(page, 'out-c-out', 'in-cg-in3');
    await expect.poll(() => page.locator('[data-testid=toast-message]').first().textContent()).toContain('cogroup cannot take a KStream');
    expect(await handles(page)).toEqual(['in-cg-in0', 'in-cg-in1', 'in-cg-in2', 'in-cg-in3']);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
