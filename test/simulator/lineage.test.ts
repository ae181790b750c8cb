/** Lineage through state: aggregates, windows, suppress and joins name every record behind a result. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../src/model/load';
import type { TopologyDocument } from '../../src/model/types';
import { lineageThroughState } from '../../src/simulator/lineage';
import { design, node } from '../fixtures/build';
import { nodeDetail } from '../../src/simulator/preview-view';
import { simulate } from '../../src/simulator/simulate';

function example(name: string): TopologyDocument {
  const r = parseDesign(readFileSync(join(__dirname, '..', '..', 'public', 'examples', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc;
}

const t0 = 1_700_000_000_000;
const rec = (key: unknown, value: unknown, timestamp: number) => ({ key, value, timestamp });

describe('lineage through state', () => {
  it('a windowed count names only the records of its key in its window, not late ones', () => {
    const doc = example('final-results-suppress');
    doc.samples = {
      [Object.keys(doc.samples)[0]]: [rec('s1', 1, t0), rec('s2', 1, t0 + 1000), rec('s1', 2, t0 + 2000), rec('s1', 3, t0 + 61_000), rec('s1', 4, t0 + 125_000)],
    };
    const result = simulate({ doc });
    const topic = Object.keys(doc.samples)[0];
    const firstWindowS1 = result.nodes.count.emitted.find((e) => (e.key as { key: string }).key === 's1' && e.value === 2)!;
    expect(lineageThroughState(result, firstWindowS1.id)!.inputIds.sort()).toEqual([`${topic}#0`, `${topic}#2`]);
    // suppress emits the final count of a window when a later record closes it: the buffered update's inputs, not the closing record.
    const finals = result.nodes.sup.emitted;
    const s1Final = finals.find((e) => (e.key as { key: string }).key === 's1' && e.value === 2)!;
    const l = lineageThroughState(result, s1Final.id)!;
    expect(l.inputIds.sort()).toEqual([`${topic}#0`, `${topic}#2`]);
    expect(l.nodeIds.sort()).toEqual(['count', 'group', 'src', 'sup', 'win']);
  });

  it('a session count names every record the merged session holds', () => {
    const doc = example('session-windows');
    const result = simulate({ doc });
    const counts = result.nodes.count.emitted.filter((e) => typeof e.value === 'number');
    const biggest = counts.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
    expect(lineageThroughState(result, biggest.id)!.inputIds).toHaveLength(biggest.value as number);
  });

  it('a stream-stream join names both sides; an unmatched left record emitted later names only itself', () => {
    const doc = example('orders-payments-join');
    const result = simulate({ doc });
    const byKey = (k: string) => lineageThroughState(result, result.nodes.join.emitted.find((e) => e.key === k)!.id)!.inputIds.sort();
    // o1 and o3 are paid within the window; o2's unmatched result is emitted when payment zz closes its window.
    expect(byKey('o1')).toEqual(['orders#0', 'payments#0']);
    expect(byKey('o3')).toEqual(['orders#2', 'payments#1']);
    expect(byKey('o2')).toEqual(['orders#1']);
  });

  it('a stream-table join names the click and the profile row it met', () => {
    const doc = example('enrich-with-table');
    const result = simulate({ doc });
    const enriched = result.nodes.join.emitted.find((e) => JSON.stringify(e.value).includes('"'))!;
    const ids = lineageThroughState(result, enriched.id)!.inputIds;
    const topics = new Set(ids.map((id) => id.slice(0, id.lastIndexOf('#'))));
    const profileHit = result.nodes.join.emitted.some((e) => (lineageThroughState(result, e.id)!.inputIds.length === 2));
    expect(topics.size).toBeGreaterThan(0);
    expect(profileHit).toBe(true);
  });

  it('a foreign-key join names the left row and the right row its foreign key met, whichever side updated', () => {
    const doc = design(
      [node('orders', 'table', { topic: 'orders' }), node('customers', 'table', { topic: 'customers' }), node('fk', 'join', { joiner: '(o, c) => ({ o, c })', foreignKeyExtractor: '(o) => o.customer' })],
      [
        ['orders', 'fk', 'left'],
        ['customers', 'fk', 'right'],
      ],
      {
        customers: [rec('c1', { name: 'Ada' }, t0), rec('c2', { name: 'Bob' }, t0 + 1)],
        orders: [rec('o1', { customer: 'c2' }, t0 + 2), rec('o2', { customer: 'c1' }, t0 + 3)],
      },
    );
    doc.samples.customers.push(rec('c1', { name: 'Ada L.' }, t0 + 4));
    const result = simulate({ doc });
    expect(result.ok).toBe(true);
    const ids = (pick: (v: { o: unknown; c: { name: string } }, k: unknown) => boolean) =>
      lineageThroughState(result, result.nodes.fk.emitted.find((e) => pick(e.value as never, e.key))!.id)!.inputIds.sort();
    // Left updates: the order and the customer row its foreign key names (not a customer keyed like the order).
    expect(ids((v, k) => k === 'o1')).toEqual(['customers#1', 'orders#0']);
    expect(ids((v, k) => k === 'o2' && v.c.name === 'Ada')).toEqual(['customers#0', 'orders#1']);
    // A right update re-joins the order subscribed to it: the new customer row and that order.
    expect(ids((v, k) => k === 'o2' && v.c.name === 'Ada L.')).toEqual(['customers#2', 'orders#1']);
  });

  it('links each output of an aggregate to the records that made it, beside them', () => {
    const doc = example('word-count');
    const result = simulate({ doc });
    const d = nodeDetail(result, 'count', 500);
    const kafka3 = d.emitted.find((e) => e.key === 'kafka' && e.value === 3)!;
    const linked = d.from[kafka3.id].map((id) => d.inputs.find((r) => r.id === id)!);
    expect(linked.map((r) => r.key)).toEqual(['kafka', 'kafka', 'kafka']);
  });
});
