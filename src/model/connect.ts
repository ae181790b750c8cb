/**
 * Whether the canvas may add one edge, and why not. Analyzes the design with the edge added and
 * refuses it for the problems the edge itself causes (by code, never by message text).
 */
import { analyzeDesign } from './graph';
import { getOperator } from './registry';
import type { DesignEdge, TopologyDocument } from './types';

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
  if (a.diagnostics.some((x) => x.nodeId === tgt.id && x.code === 'E_CYCLE')) return { ok: false, reason: 'this connection would create a cycle' };
  const srcType = a.outputs.get(src.id);
  if (srcType && !port.accepts.includes(srcType.kind)) {
    return { ok: false, reason: `${d.label} cannot take a ${srcType.kind}; its ${port.label} input takes ${port.accepts.join(' or ')}` };
  }
  // The edge may still be refused by the target's own rule on the combination (e.g. a join of two
  // kinds Kafka does not offer); an unfinished design (E_INPUT_MISSING) is fine.
  const refused = srcType && a.diagnostics.find((x) => x.nodeId === tgt.id && x.code === 'E_CONNECT_KIND');
  if (refused) return { ok: false, reason: refused.message };
  return { ok: true };
}
