/** The bench's three implementations of each workload compute the same records (on 1k inputs). */
import { describe, expect, it } from 'vitest';
import { WORKLOADS, resetRx } from '../bench/workloads';

describe.each(WORKLOADS.map((w) => [w.name, w] as const))('%s', (_name, w) => {
  it('engine, hand-written loop and RxJS agree', async () => {
    const input = w.input(1000);
    const engine = w.engine(input);
    resetRx();
    const rx = await w.rx(input);
    expect(engine.length).toBeGreaterThan(0);
    expect(w.loop(input)).toEqual(engine);
    expect(rx).toEqual(engine);
  });
});
