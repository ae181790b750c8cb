/**
 * User functions are TypeScript source of ONE arrow-function expression. This module transpiles
 * them (sucrase: fast, runs in a worker) and checks that the source is a single expression, so a
 * function can never smuggle statements outside its own body (into the generated code or the page).
 */
import { parse, parseExpressionAt, type Node } from 'acorn';
import { transform } from 'sucrase';
import type { DiagnosticCode } from './diagnostics';
import type { FunctionSignature } from './dsl-expr';

export type FunctionProblem = { ok: false; code: DiagnosticCode; message: string; line?: number; column?: number };
export type FunctionCheck = { ok: true; js: string } | FunctionProblem;

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
  if (!source.trim()) return { ok: false, code: 'E_PARAM_REQUIRED', message: 'the function is empty' };
  let js: string;
  try {
    js = transform(`(${source}\n)`, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch {
    const problem = locateParseError(source);
    if (problem) return problem;
    return { ok: false, code: 'E_FN_NOT_SINGLE', message: 'must be a single function expression' };
  }
  js = js.trim().replace(/;$/, '');
  if (!isSingleExpression(js)) return { ok: false, code: 'E_FN_NOT_SINGLE', message: 'must be a single function expression (e.g. (key, value) => ...), not statements' };
  return { ok: true, js };
}

const PREFIX = 'const __f = ';

/**
 * Where the source fails to parse, as an initializer (there the parser does not backtrack over an
 * ambiguous "(" as it does inside the wrapping parenthesis). Sucrase reads TypeScript but may report
 * an arrow function's start for an error in its body; acorn reads only JavaScript but points at the
 * exact place. The later of the two is the first certain error.
 */
function locateParseError(source: string): FunctionProblem | null {
  const text = `${PREFIX}${source}\n;`;
  const found = [
    attempt(() => transform(text, { transforms: ['typescript'], disableESTransforms: true })),
    attempt(() => parse(text, { ecmaVersion: 'latest' })),
  ].filter((x) => x !== null);
  if (found.length === 0) return null;
  const best = found.reduce((a, b) => (b.line > a.line || (b.line === a.line && b.column > a.column) ? b : a));
  let { line, column } = best;
  if (line === 1) column = Math.max(1, column - PREFIX.length);
  // An unfinished function fails on the closing text we added: point at the end of the user's source.
  const lines = source.split('\n');
  if (line > lines.length) {
    line = lines.length;
    column = lines[lines.length - 1].length + 1;
  }
  return { ok: false, code: 'E_FN_PARSE', message: best.message, line, column };
}

/** A parser's error as message and 1-based line/column in the wrapped text (both parsers count columns from 0). */
function attempt(run: () => unknown): { message: string; line: number; column: number } | null {
  try {
    run();
    return null;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const message = (err.message ?? String(e)).replace(/\s*\(\d+:\d+\)\s*$/, '');
    return err.loc ? { message, line: err.loc.line, column: err.loc.column + 1 } : { message, line: 1, column: 1 };
  }
}

/** What a source is, independent of the operator: a function (with its required parameter count) or a problem; `got` names a non-function. */
type Shape = { ok: true; js: string; required: number } | (FunctionProblem & { got?: string });
const shapes = new Map<string, Shape>();

/**
 * Everything knowable about a user function without running it: it parses, is one expression, and
 * that expression is a (non-async, non-generator) function whose required parameters the operator
 * passes. Only a function expression qualifies: evaluating it cannot run user code, and the
 * generated project type-checks it against the operator's signature.
 */
export function checkFunction(source: string, signature?: FunctionSignature): FunctionCheck {
  let shape = shapes.get(source);
  if (!shape) {
    shape = shapeOf(source);
    if (shapes.size > 2000) shapes.clear();
    shapes.set(source, shape);
  }
  const names = signature ? signature.params.map((p) => p.name).join(', ') : 'key, value';
  if (!shape.ok) {
    if (shape.got === undefined) return shape;
    return { ok: false, code: shape.code, message: `must be a function such as (${names}) => ..., not ${shape.got}` };
  }
  const passed = signature?.params.length;
  if (passed !== undefined && shape.required > passed) {
    return { ok: false, code: 'E_FN_ARITY', message: `takes ${shape.required} parameters but is called with ${passed}${passed ? ` (${names})` : ''}` };
  }
  return { ok: true, js: shape.js };
}

function shapeOf(source: string): Shape {
  const t = transpileFunction(source);
  if (!t.ok) return t;
  let node: Node;
  try {
    node = parseExpressionAt(t.js, 0, { ecmaVersion: 'latest' });
  } catch (e) {
    // transpileFunction proved it parses; a parser disagreement is still reported, not thrown.
    return { ok: false, code: 'E_FN_PARSE', message: e instanceof Error ? e.message : String(e) };
  }
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') {
    const got = describeExpression(node);
    return { ok: false, code: 'E_FN_NOT_FUNCTION', message: `must be a function, not ${got}`, got };
  }
  const f = node as Node & { async: boolean; generator: boolean; params: Node[] };
  if (f.async || f.generator) return { ok: false, code: 'E_FN_ASYNC', message: `must return its result directly; ${f.async ? 'an async function returns a Promise' : 'a generator returns an iterator'}` };
  const firstOptional = f.params.findIndex((p) => p.type === 'AssignmentPattern' || p.type === 'RestElement');
  return { ok: true, js: t.js, required: firstOptional === -1 ? f.params.length : firstOptional };
}

function describeExpression(node: Node): string {
  const n = node as Node & { value?: unknown; raw?: string; regex?: unknown; name?: string };
  switch (node.type) {
    case 'Literal':
      return n.regex ? 'a regular expression' : n.value === null ? 'null' : `a ${typeof n.value} (${(n.raw ?? '').slice(0, 40)})`;
    case 'TemplateLiteral':
      return 'a string';
    case 'ObjectExpression':
      return 'an object';
    case 'ArrayExpression':
      return 'an array';
    case 'ClassExpression':
      return 'a class';
    case 'Identifier':
      return `the name ${n.name} (call it inside a function instead)`;
    case 'CallExpression':
      return 'a call (write the function itself)';
    default:
      return `a ${node.type.replace(/Expression$/, '').toLowerCase()} expression`;
  }
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
