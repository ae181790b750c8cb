/**
 * The checker's part for one node's params: unknown params, topic and store names (Kafka's rule),
 * user functions (parse, one expression, a function, arity) and the descriptor's own validate().
 */
import type { ParamSpec } from './descriptor';
import type { FunctionSignature } from './dsl-expr';
import { checkFunction } from './functions';
import { checkProcessor } from './processor-check';
import { inputKindsOf, type DesignAnalysis } from './graph';
import { kafkaNameProblem } from './kafka-names';
import { repeatedPortNames } from './ports';
import { getOperator } from './registry';
import type { DesignNode, Diagnostic } from './types';

export function checkParams(n: DesignNode, analysis: DesignAnalysis, out: Diagnostic[]) {
  const d = getOperator(n.kind);
  if (!d) return;
  const known = Object.keys((d.schema as { shape?: object }).shape ?? {});
  for (const key of Object.keys(n.params ?? {})) {
    if (!known.includes(key)) out.push({ code: 'W_PARAM_UNKNOWN', severity: 'warning', nodeId: n.id, param: key, message: `${d.label} has no param "${key}"; it is ignored` });
  }
  const params = analysis.params.get(n.id);
  if (!params) return;
  const kinds = inputKindsOf(analysis, n.id);
  const byPort = analysis.inputs.get(n.id) ?? {};
  for (const spec of d.paramSpecs) {
    if (spec.visibleWhen && !spec.visibleWhen(params, kinds)) continue;
    if (spec.control.type === 'portFunctions') checkPortFunctions(spec, params, byPort, n.id, out);
    else checkParam(spec, params, n.id, out);
  }
  const types = Object.fromEntries(Object.entries(byPort).map(([p, list]) => [p, list.map((c) => c.type).filter((t) => t !== null)]));
  for (const problem of d.validate?.(params, types as never) ?? []) out.push({ severity: 'error', nodeId: n.id, ...problem });
}

function checkParam(spec: ParamSpec, params: Record<string, unknown>, nodeId: string, out: Diagnostic[]) {
  const value = params[spec.name];
  const c = spec.control;
  if (c.type === 'topic' && typeof value === 'string') {
    const problem = kafkaNameProblem(value);
    if (problem) out.push({ code: 'E_TOPIC_NAME', severity: 'error', nodeId, param: spec.name, message: `topic name ${JSON.stringify(value)} ${problem}` });
  } else if (c.type === 'store' && typeof value === 'string' && value.trim()) {
    const problem = kafkaNameProblem(value);
    if (problem) out.push({ code: 'E_STORE_NAME', severity: 'error', nodeId, param: spec.name, message: `store name ${JSON.stringify(value)} ${problem}` });
  } else if (c.type === 'function') {
    if (typeof value !== 'string' || (spec.optional && !value.trim())) return;
    functionProblem(value, c.signature, nodeId, spec.name, out);
  } else if (c.type === 'processor') {
    if (typeof value !== 'string') return;
    const stores = Array.isArray(params[c.storesParam]) ? (params[c.storesParam] as { name: string }[]).map((s) => s.name) : [];
    const r = checkProcessor(value, stores);
    if (r.ok) return;
    const message = r.code === 'E_FN_PARSE' ? `does not parse: ${r.message}` : r.message;
    out.push({ code: r.code, severity: 'error', nodeId, param: spec.name, message, ...(r.line !== undefined && { line: r.line, column: r.column }) });
  } else if (c.type === 'branches') {
    ((value as { name: string; predicate: string }[]) ?? []).forEach((b, i) => functionProblem(b.predicate, c.signature, nodeId, `branches.${i}.predicate`, out, `branch "${b.name}" predicate `));
  }
}

/** One function per connected instance of a repeating port: present, and a function of the signature. */
function checkPortFunctions(spec: ParamSpec, params: Record<string, unknown>, byPort: Record<string, unknown[]>, nodeId: string, out: Diagnostic[]) {
  const c = spec.control as Extract<ParamSpec['control'], { type: 'portFunctions' }>;
  const fns = (params[spec.name] ?? {}) as Record<string, string>;
  const port = { name: c.port, label: '', accepts: [], repeat: true };
  for (const name of repeatedPortNames(port, Object.keys(byPort))) {
    if (!(byPort[name] ?? []).length) continue;
    const source = fns[name];
    const param = `${spec.name}.${name}`;
    if (typeof source !== 'string' || !source.trim()) out.push({ code: 'E_PARAM_REQUIRED', severity: 'error', nodeId, param, message: `input ${name} needs a function` });
    else functionProblem(source, c.signature, nodeId, param, out);
  }
}

function functionProblem(source: string, signature: FunctionSignature, nodeId: string, param: string, out: Diagnostic[], prefix = '') {
  const r = checkFunction(source, signature);
  if (r.ok) return;
  const message = `${prefix}${r.code === 'E_FN_PARSE' ? `does not parse: ${r.message}` : r.message}`;
  out.push({ code: r.code, severity: 'error', nodeId, param, message, ...(r.line !== undefined && { line: r.line, column: r.column }) });
}
