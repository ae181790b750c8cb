/** Maps the design (and analysis + preview) to React Flow nodes and edges. Pure. */
import type { Edge, Node } from '@xyflow/react';
import type { DesignAnalysis } from '../../model/graph';
import type { DesignEdge, Diagnostic, TopologyDocument } from '../../model/types';

export interface OperatorNodeData extends Record<string, unknown> {
  nodeId: string;
}

export type FlowNode = Node<OperatorNodeData>;

/**
 * The flow nodes of a design. `previous` (React Flow's current nodes) lets unchanged nodes keep
 * their object: React Flow then skips them, so an edit elsewhere (a param, the app name) does not
 * re-process every node of a big design. Returns `previous` itself when nothing changed.
 */
export function toFlowNodes(doc: TopologyDocument, selected: string[], previous: FlowNode[] = []): FlowNode[] {
  const sel = new Set(selected);
  const before = new Map(previous.map((n) => [n.id, n]));
  let changed = previous.length !== doc.nodes.length;
  const next = doc.nodes.map((n, i) => {
    const p = before.get(n.id);
    const isSelected = sel.has(n.id);
    if (p && p.position.x === n.position.x && p.position.y === n.position.y && !!p.selected === isSelected) {
      if (previous[i] !== p) changed = true;
      return p;
    }
    changed = true;
    // A moved node keeps what React Flow measured (`measured`): without it React Flow forgets the
    // node's handles and renders and measures it again, visible or not, and draws none of its
    // edges until then (an auto layout moved every node: 300 cards rendered at once).
    if (p) return { ...p, position: n.position, selected: isSelected };
    return { id: n.id, type: 'operator', position: n.position, data: { nodeId: n.id }, selected: isSelected };
  });
  return changed ? next : previous;
}

/** Ids of edges with a diagnostic, as one string: edges are rebuilt only when it (or the edges) change. */
export function badEdgeKey(diagnostics: Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.edgeId)
    .map((d) => d.edgeId)
    .join('\n');
}

export function toFlowEdges(edges: DesignEdge[], badEdges: string): Edge[] {
  const bad = new Set(badEdges.split('\n'));
  return edges.map((e) => ({
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
