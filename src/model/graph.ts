/**
 * Graph analysis of a design: topological order, each node's connected inputs, and the stream
 * type each node produces (from its descriptor's output()). Validation, the compiler, the canvas
 * and codegen all build on this. Never throws on user mistakes: problems become diagnostics.
 */
import type { OutputType } from './descriptor';
import { paramIssue } from './param-issues';
import { getOperator } from './registry';
import { repeatedPortNames } from './ports';
import type { DesignEdge, DesignNode, Diagnostic, StreamKind, TopologyDocument } from './types';

export interface ConnectedInput {
  edge: DesignEdge;
  node: DesignNode;
  type: OutputType | null;
}

export interface DesignAnalysis {
  /** Node ids in dependency order (cycle members are left out). */
  order: string[];
  nodes: Map<string, DesignNode>;
  outputs: Map<string, OutputType | null>;
  inputs: Map<string, Record<string, ConnectedInput[]>>;
  /** Params after applying the descriptor's defaults (only for params that parse). */
  params: Map<string, Record<string, unknown>>;
  diagnostics: Diagnostic[];
}

export function analyzeDesign(doc: TopologyDocument): DesignAnalysis {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const inputs = new Map<string, Record<string, ConnectedInput[]>>();
  const params = new Map<string, Record<string, unknown>>();
  for (const n of doc.nodes) {
    inputs.set(n.id, {});
    const d = getOperator(n.kind);
    if (!d) {
      diagnostics.push({ code: 'E_UNKNOWN_OPERATOR', severity: 'error', nodeId: n.id, param: 'kind', message: `unknown operator "${n.kind}"` });
      continue;
    }
    const parsed = d.schema.safeParse(n.params ?? {});
    if (parsed.success) params.set(n.id, parsed.data as Record<string, unknown>);
    else for (const issue of parsed.error.issues) diagnostics.push(paramIssue(n, issue));
  }
  for (const e of doc.edges) {
    const src = nodes.get(e.source);
    const tgt = nodes.get(e.target);
    if (!src || !tgt) {
      diagnostics.push({ code: 'E_EDGE_DANGLING', severity: 'error', edgeId: e.id, message: `edge ${e.id} refers to a missing node (${!src ? e.source : e.target})` });
      continue;
    }
    const byPort = inputs.get(tgt.id)!;
    (byPort[e.targetPort] ??= []).push({ edge: e, node: src, type: null });
  }
  const order = topoOrder(doc, nodes, diagnostics);
  const outputs = new Map<string, OutputType | null>();
  for (const id of order) {
    const n = nodes.get(id)!;
    const d = getOperator(n.kind);
    if (!d) continue;
    const byPort = inputs.get(id)!;
    const types: Record<string, OutputType[]> = {};
    let missingUpstream = false;
    for (const [port, list] of Object.entries(byPort)) {
      for (const ci of list) {
        ci.type = outputs.get(ci.node.id) ?? null;
        if (!ci.type) missingUpstream = true;
      }
      types[port] = list.map((ci) => ci.type).filter((t): t is OutputType => t !== null);
    }
    // An unconnected port is reported once, by validation ("missing input"), not again here.
    const unconnected = d.inputs.some((p) => (p.repeat ? !repeatedPortNames(p, Object.keys(byPort)).some((n) => byPort[n].length > 0) : (byPort[p.name] ?? []).length === 0));
    if (missingUpstream || unconnected) {
      outputs.set(id, null);
      continue;
    }
    const p = params.get(id) ?? (d.defaults as Record<string, unknown>);
    const out = d.output(types, p);
    if (out && 'error' in out) {
      diagnostics.push({ code: out.code ?? 'E_CONNECT_KIND', severity: 'error', nodeId: id, param: 'inputs', message: out.error });
      outputs.set(id, null);
    } else {
      outputs.set(id, out);
    }
  }
  return { order, nodes, outputs, inputs, params, diagnostics };
}

/** Kahn's algorithm; nodes on a cycle are reported once each and left out of the order. */
function topoOrder(doc: TopologyDocument, nodes: Map<string, DesignNode>, diagnostics: Diagnostic[]): string[] {
  const indeg = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const n of doc.nodes) {
    indeg.set(n.id, 0);
    out.set(n.id, []);
  }
  for (const e of doc.edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    indeg.set(e.target, indeg.get(e.target)! + 1);
    out.get(e.source)!.push(e.target);
  }
  const queue = doc.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const t of out.get(id)!) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) queue.push(t);
    }
  }
  for (const n of doc.nodes) {
    if (indeg.get(n.id)! > 0) diagnostics.push({ code: 'E_CYCLE', severity: 'error', nodeId: n.id, param: 'inputs', message: `node "${n.name}" is part of a cycle; topologies must be acyclic` });
  }
  return order;
}

/** The kinds of a node's connected upstream outputs, over all its input ports (what visibleWhen sees). */
export function inputKindsOf(analysis: DesignAnalysis, nodeId: string): StreamKind[] {
  const kinds: StreamKind[] = [];
  for (const list of Object.values(analysis.inputs.get(nodeId) ?? {})) for (const c of list) if (c.type) kinds.push(c.type.kind);
  return kinds;
}
