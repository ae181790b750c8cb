/**
 * Prints a DslExpr (what a descriptor lowers a node to) as TypeScript. The compiler evaluates the
 * same expression, so the generated code makes exactly the DSL calls the preview made. Literals are
 * printed with JSON.stringify (no way to break out of a string); user functions are inserted only
 * after transpileFunction() proved them a single expression.
 */
import type { DslExpr } from '../src/model/dsl-expr';
import { transpileFunction } from '../src/model/functions';
import { placeFunction } from './function-text';
import { parseExpressionAt } from 'acorn';

export interface PrintContext {
  /** Variable (or expression) holding the upstream object on a port, by edge index. */
  input: (port: string, index: number) => string;
  inputCount: (port: string) => number;
  param: (path: string) => unknown;
  nodeName: string;
}

export class CodegenError extends Error {}

export function printExpr(e: DslExpr, ctx: PrintContext, indent = '  '): string {
  switch (e.kind) {
    case 'lit':
      return printLiteral(e.value);
    case 'builder':
      return 'builder';
    case 'input':
      return ctx.input(e.port, 0);
    case 'inputs':
      return `[${Array.from({ length: ctx.inputCount(e.port) }, (_, i) => ctx.input(e.port, i)).join(', ')}]`;
    case 'fn':
      return printFunction(String(ctx.param(e.param) ?? ''), e.param, ctx.nodeName, indent);
    case 'static': {
      return `${e.callee}(${e.args.map((a) => printExpr(a, ctx, indent)).join(', ')})`;
    }
    case 'call': {
      const target = printExpr(e.target, ctx, indent);
      const args = e.args.map((a) => printExpr(a, ctx, indent + '  '));
      const oneLine = `${target}.${e.method}(${args.join(', ')})`;
      if (oneLine.length <= 100 && !oneLine.includes('\n')) return oneLine;
      return `${target}\n${indent}  .${e.method}(${args.join(', ')})`;
    }
    case 'get': {
      if (e.target.kind === 'inputs') return ctx.input(e.target.port, Number(e.key));
      return `${printExpr(e.target, ctx, indent)}[${JSON.stringify(e.key)}]`;
    }
    case 'processor':
      return printProcessor(String(ctx.param(e.param) ?? ''), e.param, ctx.nodeName, indent);
    case 'seq':
      throw new CodegenError(`node "${ctx.nodeName}": statements can only start a node's code`);
  }
}

/** A node's code as statements: those a seq puts first (each ends with ";"), then its own expression. */
export function printStatements(e: DslExpr, ctx: PrintContext, indent = '  '): { before: string[]; value: string } {
  if (e.kind !== 'seq') return { before: [], value: printExpr(e, ctx, indent) };
  return { before: e.before.map((b) => `${printExpr(b, ctx, indent)};`), value: printExpr(e.value, ctx, indent) };
}

/** The engine exports an expression names (the roots of its static callees), for the import line. */
export function engineImports(e: DslExpr): string[] {
  switch (e.kind) {
    case 'static':
      return [e.callee.split('.')[0], ...e.args.flatMap(engineImports)];
    case 'call':
      return [...engineImports(e.target), ...e.args.flatMap(engineImports)];
    case 'get':
      return engineImports(e.target);
    case 'seq':
      return [...e.before.flatMap(engineImports), ...engineImports(e.value)];
    case 'processor':
      return [...PROCESSOR_TYPE_NAMES];
    default:
      return [];
  }
}

/** Types a processor's source may name (the designer's editor declares them too): imported as types. */
export const PROCESSOR_TYPE_NAMES: readonly string[] = ['ProcessorApiContext', 'ProcessorRecord', 'ProcessorKeyValueStore', 'ProcessorWindowStore', 'ProcessorSessionStore'];

function printLiteral(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v);
}

/**
 * A processor object as the supplier Kafka users write, `() => ({ ... })`: the user's own source,
 * proved one expression first; parentheses are added only when the source has none around it.
 */
function printProcessor(source: string, param: string, nodeName: string, indent: string): string {
  const check = transpileFunction(source);
  if (!check.ok) throw new CodegenError(`node "${nodeName}" ${param}: ${check.message}`);
  const body = placeFunction(source, indent);
  return body.startsWith('(') && wrapped(body) ? `() => ${body}` : `() => (${body})`;
}

/** True when the text is one parenthesized expression (transpileFunction adds the outer pair itself). */
function wrapped(text: string): boolean {
  const js = transpileFunction(text);
  if (!js.ok) return false;
  try {
    const outer = parseExpressionAt(js.js, 0, { ecmaVersion: 'latest', preserveParens: true }) as { expression?: { type: string } };
    return outer.expression?.type === 'ParenthesizedExpression';
  } catch {
    return false;
  }
}

/** The user's own source, after proving it is one expression. */
function printFunction(source: string, param: string, nodeName: string, indent: string): string {
  const check = transpileFunction(source);
  if (!check.ok) throw new CodegenError(`node "${nodeName}" ${param}: ${check.message}`);
  return placeFunction(source, indent);
}
