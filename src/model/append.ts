/**
 * Adding an operator after another one, as the keyboard does it (palette item + Enter with a node
 * selected): the new node is placed to the right of it (below, where that place is taken) and
 * connected from its first output to the new node's first input when the checker allows the edge.
 */
import { addNodeWithExample, connect } from './commands';
import { canConnect, type ConnectRefusal } from './connect';
import { getOperator } from './registry';
import { nodeInputPorts } from './ports';
import type { Position, TopologyDocument } from './types';

export interface AppendLayout {
  /** From the previous node's position to the new one's. */
  step: Position;
  /** A node's box: a place is free when no node's box overlaps the new one's. */
  box: { width: number; height: number };
}

function freePlace(doc: TopologyDocument, at: Position, { box }: AppendLayout): Position {
  const taken = (p: Position) => doc.nodes.some((n) => Math.abs(n.position.x - p.x) < box.width && Math.abs(n.position.y - p.y) < box.height);
  let p = at;
  for (let i = 0; i < 50 && taken(p); i++) p = { x: p.x, y: p.y + box.height + 20 };
  return p;
}

/** The first output port of a node (undefined: a sink, nothing to connect from). */
function firstOutput(doc: TopologyDocument, nodeId: string): string | undefined {
  const n = doc.nodes.find((x) => x.id === nodeId);
  const d = n && getOperator(n.kind);
  if (!d) return undefined;
  const ports = d.outputPorts ? d.outputPorts({ ...(d.defaults as object), ...n.params } as never) : ['out'];
  return ports[0];
}

/**
 * Adds `kind` after `afterId`. `refusal`: why the two could not be connected (the node is added
 * anyway, unconnected); `connected` says whether the edge was added.
 */
export function appendNode(doc: TopologyDocument, afterId: string, kind: string, layout: AppendLayout): { doc: TopologyDocument; nodeId: string; connected: boolean; refusal?: ConnectRefusal } {
  const after = doc.nodes.find((n) => n.id === afterId);
  if (!after) throw new Error(`no node "${afterId}" to add after`);
  const added = addNodeWithExample(doc, kind, freePlace(doc, { x: after.position.x + layout.step.x, y: after.position.y + layout.step.y }, layout));
  const port = firstOutput(added.doc, afterId);
  const d = getOperator(kind);
  const input = d && nodeInputPorts(d, [])[0];
  if (port === undefined || !input) return { ...added, connected: false };
  const edge = { source: afterId, sourcePort: port, target: added.nodeId, targetPort: input.name };
  const check = canConnect(added.doc, edge);
  if (!check.ok) return { ...added, connected: false, refusal: check };
  const r = connect(added.doc, edge);
  return 'error' in r ? { ...added, connected: false } : { doc: r.doc, nodeId: added.nodeId, connected: true };
}
