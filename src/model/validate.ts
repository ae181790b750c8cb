/**
 * Validation of a whole design and of a single new connection. Returns diagnostics (node, field,
 * severity, message); never throws on user mistakes.
 */
import type { ParamSpec } from './descriptor';
import { transpileFunction } from './functions';
import { analyzeDesign, inputKindsOf, type DesignAnalysis } from './graph';
import { getOperator } from './registry';
import type { DesignEdge, Diagnostic, StreamKind, TopologyDocument } from './types';

export function validateDesign(doc: TopologyDocument, analysis: DesignAnalysis = analyzeDesign(doc)): Diagnostic[] {
  const out: Diagnostic[] = [...analysis.diagnostics];
  const seen = new Map<string, string>();
  for (const n of doc.nodes) {
    const name = n.name?.trim();
    if (!name) out.push({ severity: 'error', nodeId: n.id, field: 'name', message: 'the node needs a name' });
    else if (seen.has(name)) out.push({ severity: 'error', nodeId: n.id, field: 'name', message: `the name "${name}" is used by another node; names must be unique` });
    else seen.set(name, n.id);
    const d = getOperator(n.kind);
    if (!d) continue;
    const byPort = analysis.inputs.get(n.id) ?? {};
    for (const port of d.inputs) {
      const connected = byPort[port.name] ?? [];
      if (connected.length === 0) {
        const what = d.outputPorts?.(d.defaults).length === 0 ? 'a sink with no input' : `missing input "${port.label}"`;
        out.push({ severity: 'error', nodeId: n.id, field: 'inputs', message: `${what}: connect an upstream node` });
      } else if (!port.multiple && connected.length > 1) {
        out.push({ severity: 'error', nodeId: n.id, field: 'inputs', message: `input "${port.label}" takes one connection, has ${connected.length}` });
      }
    }
    for (const port of Object.keys(byPort)) {
      if (!d.inputs.some((p) => p.name === port)) out.push({ severity: 'error', nodeId: n.id, field: 'inputs', message: `${d.label} has no input port "${port}"` });
    }
    const params = analysis.params.get(n.id);
    if (!params) continue;
    const kinds = inputKindsOf(analysis, n.id);
    for (const spec of d.paramSpecs) checkFunctions(spec, params, kinds, n.id, out);
    const types = Object.fromEntries(Object.entries(byPort).map(([p, list]) => [p, list.map((c) => c.type).filter((t) => t !== null)]));
    for (const problem of d.validate?.(params, types as never) ?? []) out.push({ severity: 'error', nodeId: n.id, ...problem });
  }
  for (const e of doc.edges) {
    const src = analysis.nodes.get(e.source);
    const d = src && getOperator(src.kind);
    if (!d || !src) continue;
    const ports = d.outputPorts?.((analysis.params.get(src.id) ?? d.defaults) as never) ?? ['out'];
    if (ports.length === 0) out.push({ severity: 'error', edgeId: e.id, nodeId: src.id, field: 'outputs', message: `${d.label} is a sink and has no output` });
    else if (ports.length > 1 || e.sourcePort) {
      if (!ports.includes(e.sourcePort ?? 'out')) out.push({ severity: 'error', edgeId: e.id, nodeId: src.id, field: 'outputs', message: `"${src.name}" has no output "${e.sourcePort ?? 'out'}"` });
    }
  }
  return out;
}

function checkFunctions(spec: ParamSpec, params: Record<string, unknown>, inputKinds: readonly StreamKind[], nodeId: string, out: Diagnostic[]) {
  if (spec.visibleWhen && !spec.visibleWhen(params, inputKinds)) return;
  if (spec.control.type === 'function') {
    const src = params[spec.name];
    if (typeof src !== 'string' || (spec.optional && !src.trim())) return;
    const r = transpileFunction(src);
    if (!r.ok) out.push({ severity: 'error', nodeId, field: spec.name, message: `does not parse${r.line ? ` (line ${r.line}, column ${r.column})` : ''}: ${r.message}` });
  } else if (spec.control.type === 'branches') {
    const branches = (params[spec.name] as { name: string; predicate: string }[]) ?? [];
    branches.forEach((b, i) => {
      const r = transpileFunction(b.predicate);
      if (!r.ok) out.push({ severity: 'error', nodeId, field: `branches.${i}.predicate`, message: `branch "${b.name}" predicate does not parse${r.line ? ` (line ${r.line}, column ${r.column})` : ''}: ${r.message}` });
    });
  }
}

/** Whether the canvas may add this edge, and why not. Reuses the descriptors' output() checks. */
export function canConnect(doc: TopologyDocument, edge: Omit<DesignEdge, 'id'>): { ok: true } | { ok: false; reason: string } {
  const src = doc.nodes.find((n) => n.id === edge.source);
  const tgt = doc.nodes.find((n) => n.id === edge.target);
  if (!src || !tgt) return { ok: false, reason: 'both ends must be nodes of the design' };
  if (src.id === tgt.id) return { ok: false, reason: 'a node cannot feed itself' };
  const d = getOperator(tgt.kind);
  if (!d) return { ok: false, reason: `unknown operator "${tgt.kind}"` };
  const port = d.inputs.find((p) => p.name === edge.targetPort);
  if (!port) return { ok: false, reason: `${d.label} has no input "${edge.targetPort}"` };
  const existing = doc.edges.filter((e) => e.target === tgt.id && e.targetPort === edge.targetPort);
  if (!port.multiple && existing.length > 0) {
    const allPorts = d.inputs.length;
    return { ok: false, reason: allPorts > 1 ? `${d.label} already has its ${port.label} input (a join takes exactly two inputs)` : `${d.label} takes one input` };
  }
  const trial: TopologyDocument = { ...doc, edges: [...doc.edges, { ...edge, id: '__trial__' }] };
  const a = analyzeDesign(trial);
  const cyc = a.diagnostics.find((x) => x.nodeId === tgt.id && x.message.includes('cycle'));
  if (cyc) return { ok: false, reason: 'this connection would create a cycle' };
  const srcType = a.outputs.get(src.id);
  if (srcType && !port.accepts.includes(srcType.kind)) {
    return { ok: false, reason: `${d.label} cannot take a ${srcType.kind}; its ${port.label} input takes ${port.accepts.join(' or ')}` };
  }
  const err = a.diagnostics.find((x) => x.nodeId === tgt.id && x.field === 'inputs' && !x.message.startsWith('needs') && !x.message.includes('needs a left and a right') && !x.message.includes('at least two'));
  if (err && srcType) return { ok: false, reason: err.message };
  return { ok: true };
}
