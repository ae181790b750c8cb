/**
 * Whether the canvas may add one edge, and why not. Analyzes the design with the edge added and
 * refuses it for the problems the edge itself causes (by code, never by message text).
 */
import { analyzeDesign } from './graph';
import { getOperator } from './registry';
import { findInputPort, outputPortProblem, repeatIndex } from './ports';
import type { DiagnosticCode } from './diagnostics';
import type { DesignEdge, TopologyDocument } from './types';

/** Why an edge is refused: a diagnostic code (what callers switch on, e.g. to offer a fix) and its text. */
export interface ConnectRefusal {
  ok: false;
  code: DiagnosticCode;
  reason: string;
}

export function canConnect(doc: TopologyDocument, edge: Omit<DesignEdge, 'id'>): { ok: true } | ConnectRefusal {
  const no = (code: DiagnosticCode, reason: string): ConnectRefusal => ({ ok: false, code, reason });
  const src = doc.nodes.find((n) => n.id === edge.source);
  const tgt = doc.nodes.find((n) => n.id === edge.target);
  if (!src || !tgt) return no('E_EDGE_DANGLING', 'both ends must be nodes of the design');
  if (src.id === tgt.id) return no('E_CYCLE', 'a node cannot feed itself');
  const d = getOperator(tgt.kind);
  if (!d) return no('E_UNKNOWN_OPERATOR', `unknown operator "${tgt.kind}"`);
  const sd = getOperator(src.kind);
  const fromPort = sd && outputPortProblem(sd.label, src.name, sd.outputPorts?.({ ...(sd.defaults as object), ...src.params } as never) ?? ['out'], edge.sourcePort);
  if (fromPort) return no('E_OUTPUT_UNKNOWN', fromPort);
  const port = findInputPort(d, edge.targetPort);
  if (!port) return no('E_PORT_UNKNOWN', `${d.label} has no input "${edge.targetPort}"`);
  const existing = doc.edges.filter((e) => e.target === tgt.id && e.targetPort === edge.targetPort);
  if (!port.multiple && existing.length > 0) {
    const allPorts = d.inputs.length;
    return no('E_INPUT_ARITY', allPorts > 1 ? `${d.label} already has its ${port.label} input (a join takes exactly two inputs)` : `${d.label} takes one input`);
  }
  const repeating = d.inputs.some((p) => repeatIndex(p, edge.targetPort) !== null);
  const sameSource = (e: DesignEdge) => e.target === tgt.id && e.source === src.id && (e.sourcePort ?? 'out') === (edge.sourcePort ?? 'out');
  if (repeating && doc.edges.some(sameSource)) {
    return no('E_INPUT_DUPLICATE', `"${src.name}" is already an input of ${tgt.name}; each grouped stream joins a cogroup once`);
  }
  const trial: TopologyDocument = { ...doc, edges: [...doc.edges, { ...edge, id: '__trial__' }] };
  const a = analyzeDesign(trial);
  if (a.diagnostics.some((x) => x.nodeId === tgt.id && x.code === 'E_CYCLE')) return no('E_CYCLE', 'this connection would create a cycle');
  const srcType = a.outputs.get(src.id);
  if (srcType && !port.accepts.includes(srcType.kind)) {
    return no('E_CONNECT_KIND', `${d.label} cannot take a ${srcType.kind}; its ${port.label} input takes ${port.accepts.join(' or ')}`);
  }
  // The edge may still be refused by the target's own rule on the combination (e.g. a join of two
  // kinds Kafka does not offer); an unfinished design (E_INPUT_MISSING) is fine.
  const refused = srcType && a.diagnostics.find((x) => x.nodeId === tgt.id && x.code === 'E_CONNECT_KIND');
  if (refused) return no(refused.code, refused.message);
  return { ok: true };
}
