/** Maps the design (and analysis + preview) to React Flow nodes and edges. Pure. */
import type { Edge, Node } from '@xyflow/react';
import type { DesignAnalysis } from '../../model/graph';
import type { Diagnostic, TopologyDocument } from '../../model/types';

export interface OperatorNodeData extends Record<string, unknown> {
  nodeId: string;
}

export function toFlowNodes(doc: TopologyDocument, selected: string[]): Node<OperatorNodeData>[] {
  const sel = new Set(selected);
  return doc.nodes.map((n) => ({ id: n.id, type: 'operator', position: n.position, data: { nodeId: n.id }, selected: sel.has(n.id) }));
}

export function toFlowEdges(doc: TopologyDocument, diagnostics: Diagnostic[]): Edge[] {
  const bad = new Set(diagnostics.filter((d) => d.edgeId).map((d) => d.edgeId));
  return doc.edges.map((e) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.sourcePort ?? 'out',
    target: e.target,
    targetHandle: e.targetPort,
    animated: false,
    style: bad.has(e.id) ? { stroke: 'var(--err)' } : undefined,
  }));
}

export function streamKindLabel(analysis: DesignAnalysis | null, nodeId: string): string | null {
  const t = analysis?.outputs.get(nodeId);
  if (!t) return null;
  return t.windowed ? `${t.kind}<Windowed>` : t.kind;
}
