/** Maps the design (and analysis + preview) to React Flow nodes and edges. Pure. */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { DesignAnalysis } from '../../model/graph';
import { getOperator } from '../../model/registry';
import { connectedPorts, nodeInputPorts } from '../../model/ports';
import type { DesignEdge, DesignNode, Diagnostic, TopologyDocument } from '../../model/types';
import type { TopicLink } from '../../model/connectors/links';
import { TOPIC_IN, TOPIC_OUT, topicHandlesOf } from '../connectors/TopicHandles';
import { CARD_SIZE } from './layout-graph';

export interface OperatorNodeData extends Record<string, unknown> {
  nodeId: string;
}

export type FlowNode = Node<OperatorNodeData>;

export { CARD_SIZE };
/** A handle's hit area (styles.css): a square centred on the card's edge; its visible dot is smaller. */
export const HANDLE = 16;

/** The node's output ports: "out", or one per branch of a split. */
export function outputPortsOf(node: DesignNode): string[] {
  const d = getOperator(node.kind);
  return d?.outputPorts ? d.outputPorts({ ...(d.defaults as object), ...node.params } as never) : ['out'];
}

/** Where a port's handle sits on the card: spread evenly along its side (OperatorNode places them so). */
export function handleOffset(index: number, count: number): number {
  return (index + 1) / (count + 1);
}

/**
 * The handles of a card React Flow has not rendered yet, from the card's usual size. With them (and
 * `initialWidth`/`initialHeight`) React Flow does not render every new node just to measure it: a
 * 300-node design opens with only the cards on screen in the page, and edges to cards off screen are
 * drawn from these estimates until those cards are rendered and measured.
 */
function estimatedHandles(node: DesignNode, edges: readonly DesignEdge[]): NodeHandle[] {
  const d = getOperator(node.kind);
  const inputs = d ? nodeInputPorts(d, connectedPorts(edges, node.id)) : [];
  const outputs = outputPortsOf(node);
  const at = (type: 'source' | 'target', id: string, i: number, n: number): NodeHandle => ({
    id,
    type,
    position: type === 'target' ? Position.Left : Position.Right,
    x: (type === 'target' ? 0 : CARD_SIZE.width) - HANDLE / 2,
    y: handleOffset(i, n) * CARD_SIZE.height - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  });
  // Topic handles (connectors and the nodes their topics link to) sit mid-side, like a single port.
  const topic = topicHandlesOf(d).map((h) => at(h.type, h.id, 0, 1));
  return [...inputs.map((p, i) => at('target', p.name, i, inputs.length)), ...outputs.map((p, i) => at('source', p, i, outputs.length)), ...topic];
}

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
    return { id: n.id, type: 'operator', position: n.position, data: { nodeId: n.id }, selected: isSelected, initialWidth: CARD_SIZE.width, initialHeight: CARD_SIZE.height, handles: estimatedHandles(n, doc.edges) };
  });
  return changed ? next : previous;
}

/**
 * A node React Flow has measured drops its estimated handles: React Flow would otherwise take the
 * estimates again whenever the node object changes, instead of the handles it measured.
 */
export function forgetEstimates(nodes: FlowNode[]): FlowNode[] {
  let out: FlowNode[] | null = null;
  nodes.forEach((n, i) => {
    if (n.handles && n.measured?.width) {
      out ??= nodes.slice();
      out[i] = { ...n, handles: undefined };
    }
  });
  return out ?? nodes;
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
    // Right angles: an edge from a row's end to the next row's start (auto layout wraps long chains
    // into rows) runs through the gap between the rows instead of across the cards.
    type: 'smoothstep',
    animated: false,
    style: bad.has(e.id) ? { stroke: 'var(--err)' } : undefined,
  }));
}

export function streamKindLabel(analysis: DesignAnalysis | null, nodeId: string): string | null {
  const t = analysis?.outputs.get(nodeId);
  if (!t) return null;
  return t.windowed ? `${t.kind}<Windowed>` : t.kind;
}

/** The topic links of connectors as edges (dashed, labelled with the topic): drawn, never selected or deleted. */
export function toTopicEdges(links: readonly TopicLink[]): Edge[] {
  return links.map((l) => ({
    id: l.id,
    source: l.direction === 'source' ? l.connectorId : l.nodeId,
    sourceHandle: TOPIC_OUT,
    target: l.direction === 'source' ? l.nodeId : l.connectorId,
    targetHandle: TOPIC_IN,
    type: 'smoothstep',
    label: l.topic,
    className: 'sw-topic-link',
    selectable: false,
    deletable: false,
    focusable: false,
  }));
}
