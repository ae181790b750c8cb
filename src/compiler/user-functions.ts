/**
 * Turns user function source into callable functions, once per compile (never per record). A
 * throw inside becomes a UserFunctionError naming the param, so the engine's error names the node,
 * the function and the record.
 */
import { UserFunctionError } from '../engine';
import { checkFunction, type FunctionProblem } from '../model/functions';
import { checkProcessor } from '../model/processor-check';
import type { ProcessorSupplier, UserProcessor } from '../engine';

export type CompiledFunction = (...args: unknown[]) => unknown;

/**
 * The checker (checkFunction) has proved the source a function expression, so evaluating it only
 * creates the function; a source that was not checked gets the checker's problem back.
 */
export function compileUserFunction(source: string, param: string, onCall?: () => void): CompiledFunction | FunctionProblem {
  const r = checkFunction(source);
  if (!r.ok) return r;
  let f: unknown;
  try {
    f = new Function(`"use strict"; return ${r.js};`)();
  } catch (e) {
    return { ok: false, code: 'E_FN_PARSE', message: e instanceof Error ? e.message : String(e) };
  }
  if (typeof f !== 'function') return { ok: false, code: 'E_FN_NOT_FUNCTION', message: `must be a function, got ${typeof f}` };
  const fn = f as CompiledFunction;
  return function userFunction(...args: unknown[]) {
    onCall?.();
    try {
      return fn(...args);
    } catch (e) {
      throw new UserFunctionError(param, e);
    }
  };
}

/**
 * A process/processValues node's processor as a supplier: each call evaluates the checked object
 * expression afresh (one processor per task, its fields its own), with every method wrapped so a
 * throw names the param and `onCall` runs first (the worker's endless-function watch).
 */
export function compileProcessorSupplier(source: string, stores: readonly string[], param: string, onCall?: () => void): ProcessorSupplier | FunctionProblem {
  const r = checkProcessor(source, stores);
  if (!r.ok) return { ...r, ok: false };
  let make: () => unknown;
  try {
    make = new Function(`"use strict"; return () => (${r.js}\n);`)() as () => unknown;
  } catch (e) {
    return { ok: false, code: 'E_FN_PARSE', message: e instanceof Error ? e.message : String(e) };
  }
  const guard = <T>(run: () => T): T => {
    onCall?.();
    try {
      return run();
    } catch (e) {
      throw e instanceof UserFunctionError ? e : new UserFunctionError(param, e);
    }
  };
  return () => {
    const p = guard(make) as UserProcessor;
    for (const m of ['init', 'process', 'close'] as const) {
      const f = p[m] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof f === 'function') p[m] = (...a: unknown[]) => guard(() => f.apply(p, a));
    }
    return p;
  };
}
