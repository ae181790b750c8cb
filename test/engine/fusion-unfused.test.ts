/**
 * Where `new Function` is refused (a content security policy without 'unsafe-eval'), the fusion pass
 * is skipped: every step runs as its own processor, and every fusion case still passes. The refusal
 * is detected once, not met again on every topology built.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeFusionCases } from './fusion-cases';

// Vitest isolates test files, so the engine of this file has not asked yet when this stub goes in.
const refused = vi.fn(() => {
  throw new EvalError('Refused to evaluate a string as JavaScript');
});
beforeAll(() => {
  vi.stubGlobal('Function', function Refused() {
    return refused();
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describeFusionCases('stateless steps unfused (new Function refused)');

it('asked whether code may be compiled once', () => {
  expect(refused).toHaveBeenCalledTimes(1);
});
