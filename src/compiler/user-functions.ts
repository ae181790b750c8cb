/**
 * Turns user function source into callable functions, once per compile (never per record). A
 * throw inside becomes a UserFunctionError naming the param, so the engine's error names the node,
 * the function and the record.
 */
import { UserFunctionError } from '../engine';
import { transpileFunction } from '../model/functions';

export type CompiledFunction = (...args: unknown[]) => unknown;

export function compileUserFunction(source: string, param: string, onCall?: () => void): CompiledFunction | { error: string } {
  const r = transpileFunction(source);
  if (!r.ok) return { error: `does not parse${r.line ? ` (line ${r.line}, column ${r.column})` : ''}: ${r.message}` };
  let f: unknown;
  try {
    f = new Function(`"use strict"; return ${r.js};`)();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (typeof f !== 'function') return { error: `must be a function, got ${typeof f}` };
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
