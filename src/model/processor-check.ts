/**
 * A process/processValues node's processor: TypeScript source of ONE expression that evaluates to
 * an object with process(record) and optional init(ctx) / close(). Checked like user functions
 * (transpiled, proved a single expression) and then by shape, without running it: an object
 * literal whose process/init/close are functions, whose getStateStore('name') calls name declared
 * stores and whose schedule(..., 'TYPE', ...) calls name a punctuation type.
 */
import { parseExpressionAt, type Node } from 'acorn';
import type { DiagnosticCode } from './diagnostics';
import { transpileFunction } from './functions';

export type ProcessorCheck = { ok: true; js: string } | { ok: false; code: DiagnosticCode; message: string; line?: number; column?: number };

export const PUNCTUATION_TYPES = ['STREAM_TIME', 'WALL_CLOCK_TIME'] as const;

type AnyNode = Node & Record<string, unknown>;

/** The processor's shape; `declaredStores` are the names of the node's stores. */
export function checkProcessor(source: string, declaredStores: readonly string[]): ProcessorCheck {
  const t = transpileFunction(source);
  if (!t.ok) return t;
  let node: AnyNode;
  try {
    node = parseExpressionAt(t.js, 0, { ecmaVersion: 'latest' }) as AnyNode;
  } catch (e) {
    return { ok: false, code: 'E_FN_PARSE', message: e instanceof Error ? e.message : String(e) };
  }
  if (node.type !== 'ObjectExpression') {
    return { ok: false, code: 'E_PROCESSOR_NOT_OBJECT', message: `must be a processor object such as ({ init(ctx) { ... }, process(record) { ... } }), not ${what(node)}` };
  }
  const props = new Map<string, AnyNode>();
  for (const p of node.properties as AnyNode[]) {
    const key = p.key as AnyNode | undefined;
    if (p.type === 'Property' && !p.computed && key) props.set(String(key.name ?? key.value), p.value as AnyNode);
  }
  const proc = props.get('process');
  if (!proc) return { ok: false, code: 'E_PROCESSOR_NO_PROCESS', message: 'the processor has no process(record) method' };
  for (const m of ['process', 'init', 'close']) {
    const v = props.get(m);
    if (v && v.type !== 'FunctionExpression' && v.type !== 'ArrowFunctionExpression') return { ok: false, code: 'E_PROCESSOR_NO_PROCESS', message: `${m} must be a method, e.g. ${m}(${m === 'init' ? 'ctx' : m === 'process' ? 'record' : ''}) { ... }` };
    if (v && (v.async || v.generator)) return { ok: false, code: 'E_FN_ASYNC', message: `${m} must do its work directly; an ${v.async ? 'async method returns a Promise' : 'generator returns an iterator'}` };
  }
  for (const call of calls(node)) {
    const problem = callProblem(call, declaredStores);
    if (problem) return problem;
  }
  return { ok: true, js: t.js };
}

/** A getStateStore / schedule call with a literal argument that cannot work. */
function callProblem(call: AnyNode, declaredStores: readonly string[]): ProcessorCheck | null {
  const callee = call.callee as AnyNode;
  if (callee.type !== 'MemberExpression' || callee.computed) return null;
  const method = (callee.property as AnyNode).name;
  const args = call.arguments as AnyNode[];
  const literal = (a: AnyNode | undefined) => (a && a.type === 'Literal' && typeof a.value === 'string' ? a.value : null);
  if (method === 'getStateStore') {
    const name = literal(args[0]);
    if (name !== null && !declaredStores.includes(name)) {
      const have = declaredStores.length ? `declared: ${declaredStores.map((s) => `"${s}"`).join(', ')}` : 'the node declares no stores';
      return { ok: false, code: 'E_PROCESSOR_STORE_UNDECLARED', message: `getStateStore("${name}"): no such store on this node (${have}); add it under Stores` };
    }
  }
  if (method === 'schedule') {
    const type = literal(args[1]);
    if (type !== null && !(PUNCTUATION_TYPES as readonly string[]).includes(type)) {
      return { ok: false, code: 'E_PROCESSOR_PUNCTUATION', message: `schedule(): "${type}" is not a punctuation type; use 'STREAM_TIME' or 'WALL_CLOCK_TIME'` };
    }
  }
  return null;
}

/** Every call expression in the tree (a small walk: acorn nodes are plain objects). */
function calls(root: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) stack.push(...n);
    else if (n && typeof n === 'object' && typeof (n as AnyNode).type === 'string') {
      if ((n as AnyNode).type === 'CallExpression') out.push(n as AnyNode);
      for (const [k, v] of Object.entries(n)) if (k !== 'loc' && v && typeof v === 'object') stack.push(v);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function what(node: AnyNode): string {
  switch (node.type) {
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'a function (write the object itself; it is called once per task)';
    case 'ClassExpression':
      return 'a class';
    case 'Literal':
      return node.value === null ? 'null' : `a ${typeof node.value}`;
    case 'ArrayExpression':
      return 'an array';
    case 'CallExpression':
      return 'a call';
    case 'Identifier':
      return `the name ${String(node.name)}`;
    default:
      return `a ${node.type.replace(/Expression$/, '').toLowerCase()} expression`;
  }
}
