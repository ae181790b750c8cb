/** The order-dependence finder: a stream-table join whose result depends on arrival order is found; a merge + filter is not. */
import { describe, expect, it } from 'vitest';
import { findOrderDependence } from '../../src/simulator/order/order-finder';
import { design, node } from '../fixtures/build';

const join = design(
  [node('o', 'stream', { topic: 'orders' }), node('c', 'table', { topic: 'customers' }), node('j', 'join', { joiner: '(o, c) => ({ o, c })' }), node('out', 'to', { topic: 'enriched' })],
  [['o', 'j', 'left'], ['c', 'j', 'right'], ['j', 'out']],
  { customers: [{ key: 'c1', value: 'Ann', timestamp: 1 }], orders: [{ key: 'c1', value: 10, timestamp: 2 }, { key: 'c1', value: 20, timestamp: 3 }] },
);

const merged = design(
  [node('a', 'stream', { topic: 'a' }), node('b', 'stream', { topic: 'b' }), node('m', 'merge'), node('f', 'filter', { predicate: '(k, v) => v > 1' }), node('out', 'to', { topic: 'big' })],
  [['a', 'm'], ['b', 'm'], ['m', 'f'], ['f', 'out']],
  { a: [{ key: 'x', value: 1, timestamp: 1 }, { key: 'y', value: 5, timestamp: 4 }], b: [{ key: 'z', value: 3, timestamp: 2 }, { key: 'w', value: 0, timestamp: 3 }] },
);

describe('order-dependence finder', () => {
  it('finds the join result that exists only when the table record arrives first, with two orders that disagree', () => {
    const r = findOrderDependence(join, { orders: 20, seed: 7 });
    expect(r.ok).toBe(true);
    expect(r.tried).toBe(20);
    expect(r.dependent.length).toBeGreaterThan(0);
    const d = r.dependent.find((x) => x.value && (x.value as { o: number }).o === 10)!;
    expect(d).toMatchObject({ topic: 'enriched', key: 'c1', value: { o: 10, c: 'Ann' } });
    // Present when customers#0 came before orders#0, absent when after.
    expect(d.presentIn.indexOf('customers#0')).toBeLessThan(d.presentIn.indexOf('orders#0'));
    expect(d.absentIn.indexOf('customers#0')).toBeGreaterThan(d.absentIn.indexOf('orders#0'));
  });

  it('names the single swap of neighbouring inputs in Kafka order that changes a record, replays both orders, marks the nodes', () => {
    const r = findOrderDependence(join, { orders: 20, seed: 7 });
    // Kafka's order: customers#0 (t1), orders#0 (t2), orders#1 (t3). Swapping the first two loses {o: 10}.
    const d = r.dependent.find((x) => (x.value as { o: number }).o === 10)!;
    expect(d.swap).toEqual(['customers#0', 'orders#0']);
    expect(r.swapsTotal).toBe(1);
    expect(d.presentOutput.map((x) => x.value)).toContainEqual({ o: 10, c: 'Ann' });
    expect(d.absentOutput.map((x) => x.value)).not.toContainEqual({ o: 10, c: 'Ann' });
    // The sink and the join before it (stateful); the sources are not marked.
    expect(r.nodes).toEqual(['j', 'out']);
  });

  it('finds nothing for a merge and a filter: the same records in every order', () => {
    const r = findOrderDependence(merged, { orders: 30, seed: 3 });
    expect(r).toMatchObject({ ok: true, tried: 30, dependent: [], nodes: [] });
  });

  it('is reproducible for a seed and stops at its budget, saying how many orders it tried', () => {
    expect(findOrderDependence(join, { orders: 10, seed: 5 })).toEqual(findOrderDependence(join, { orders: 10, seed: 5 }));
    let t = 0;
    const r = findOrderDependence(join, { orders: 50, budgetMs: 3, now: () => (t += 1) });
    expect(r.stoppedEarly).toBe(true);
    expect(r.tried).toBeLessThan(50);
    expect(r.tried).toBeGreaterThan(0);
  });
});

describe('streamwright check-order', () => {
  it('exits 1 and lists the records when a result depends on order, 0 when none does', async () => {
    const { main } = await import('../../src/cli/main');
    const { writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: path } = await import('node:path');
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: process.cwd() } as never;
    const file = (name: string, doc: object) => {
      const f = path(tmpdir(), `sw-order-${process.pid}-${name}.json`);
      writeFileSync(f, JSON.stringify(doc));
      return f;
    };
    expect(await main(['check-order', file('join', join), '--orders', '20', '--seed', '7'], io)).toBe(1);
    expect(out.join('')).toMatch(/tried 20 orders \(seed 7\): \d+ sink record\(s\) depend on the arrival order/);
    expect(await main(['check-order', file('merged', merged), '--orders', '10'], io)).toBe(0);
  });
});
