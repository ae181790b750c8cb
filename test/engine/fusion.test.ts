/** Fused stateless runs compiled into one function each (core/fused-code.ts) pass every fusion case. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeFusionCases } from './fusion-cases';

// Counts the functions compiled, so this file fails if fusion silently stopped happening.
const compiled = vi.fn();
beforeAll(() => {
  const RealFunction = globalThis.Function;
  vi.stubGlobal(
    'Function',
    new Proxy(RealFunction, {
      construct(target, args: string[]) {
        compiled();
        return Reflect.construct(target, args);
      },
    }),
  );
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describeFusionCases('fused stateless runs, compiled');

it('compiled the runs (one probe, then one function per run shape)', () => {
  expect(compiled.mock.calls.length).toBeGreaterThan(1);
});
