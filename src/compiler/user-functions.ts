/**
 * Turns user function source into callable functions, once per compile (never per record). A
 * throw inside becomes a UserFunctionError naming the param, so the engine's error names the node,
 * the function and the record.
 */
import { UserFunctionError } from '../engine';
import { checkFunction, type FunctionProblem } from '../model/functions';

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
