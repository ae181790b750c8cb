/**
 * User functions are TypeScript source of ONE arrow-function expression. This module transpiles
 * them (sucrase: fast, runs in a worker) and checks that the source is a single expression, so a
 * function can never smuggle statements outside its own body (into the generated code or the page).
 */
import { transform } from 'sucrase';

export type FunctionCheck =
  | { ok: true; js: string }
  | { ok: false; message: string; line?: number; column?: number };

// Every edit re-validates and every preview run re-compiles the whole design; most functions did
// not change, so results are memoized by source (bounded, since sources change while typing).
const cache = new Map<string, FunctionCheck>();

/** Transpile TS -> JS for one function expression, or report where it fails to parse. */
export function transpileFunction(source: string): FunctionCheck {
  const hit = cache.get(source);
  if (hit) return hit;
  const result = transpileUncached(source);
  if (cache.size > 2000) cache.clear();
  cache.set(source, result);
  return result;
}

function transpileUncached(source: string): FunctionCheck {
  if (!source.trim()) return { ok: false, message: 'the function is empty' };
  let js: string;
  try {
    js = transform(`(${source}\n)`, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch {
    // Locate the problem without the wrapping parenthesis: as an initializer, the parser does not
    // backtrack over an ambiguous "(" and reports the real line and column.
    try {
      transform(`const __f = ${source}\n;`, { transforms: ['typescript'], disableESTransforms: true });
    } catch (e) {
      const err = e as { message?: string; loc?: { line: number; column: number } };
      const msg = (err.message ?? String(e)).replace(/\s*\(\d+:\d+\)\s*$/, '');
      const prefix = 'const __f = '.length;
      const line = err.loc?.line;
      const column = err.loc ? (err.loc.line === 1 ? Math.max(1, err.loc.column + 1 - prefix) : err.loc.column + 1) : undefined;
      return { ok: false, message: msg, line, column };
    }
    return { ok: false, message: 'must be a single function expression' };
  }
  js = js.trim().replace(/;$/, '');
  if (!isSingleExpression(js)) return { ok: false, message: 'must be a single function expression (e.g. (key, value) => ...), not statements' };
  return { ok: true, js };
}

/**
 * True when `js` parses as one expression in two unrelated contexts. A string that closes the
 * surrounding brackets to add statements would have to close "))" in one and "]}]" in the other,
 * which no single text can do. Only parses (new Function compiles, never calls).
 */
function isSingleExpression(js: string): boolean {
  try {
    new Function(`"use strict"; return (a = (${js}\n)) => a;`);
    new Function(`"use strict"; return [{ x: [${js}\n] }];`);
    return true;
  } catch {
    return false;
  }
}
