/**
 * Stores forget what retention let go, also under keys that never see another record (a join on
 * order ids, windows of one-off keys): memory stays what the window holds, not the whole run.
 */
import { describe, expect, it } from 'vitest';
import { JoinSideStore } from '../../src/engine/joins/stream-stream';
import { WindowStore } from '../../src/engine/stores/window-store';

const size = (s: object) => (s as unknown as { byKey: Map<unknown, unknown> }).byKey.size;

describe('retention frees memory', () => {
  it('a join side keeps only the keys with records inside the window + grace', () => {
    const s = new JoinSideStore('side', 1000);
    for (let i = 0; i < 10_000; i++) s.put(`order-${i}`, i, i * 10);
    // Stream time 99,990: records at or before 98,990 can never join again.
    expect(size(s)).toBeLessThanOrEqual(201);
    expect(s.fetch('order-9999', 0, Infinity)).toEqual([{ key: 'order-9999', value: 9999, ts: 99_990 }]);
    expect(s.fetch('order-0', 0, Infinity)).toBeNull();
  });

  it('a window store deletes windows long past retention under one-off keys; live ones stay', () => {
    const w = new WindowStore<string, number>('w', 60_000, 60_000);
    for (let i = 0; i < 5_000; i++) w.put(`k${i}`, Math.floor(i / 10) * 60_000, 1, i);
    expect(size(w)).toBeLessThan(100);
    const last = Math.floor(4_999 / 10) * 60_000;
    expect(w.fetch('k4999', last)?.value).toBe(1);
  });

  it('behind a record cache expired windows stay queryable (TopologyTestDriver semantics)', () => {
    const w = new WindowStore<string, number>('w', 60_000, 60_000, { cached: true });
    for (let i = 0; i < 100; i++) w.put(`k${i}`, i * 60_000, 1, i);
    expect(w.query('k0', 0)?.value).toBe(1);
  });
});
