/**
 * Pure edit commands on a design: each takes a document and returns a new one (or an error), so
 * the designer's store stays thin and undo is just keeping old documents.
 */
import { getOperator } from './registry';
import { canConnect } from './connect';
import type { DesignEdge, DesignNode, Position, SampleRecord, TopologyDocument } from './types';
import { CURRENT_VERSION, DOCUMENT_FORMAT } from './types';
import { ownEntry } from './name-table';

export function emptyDesign(name = 'my-streams-app'): TopologyDocument {
  return { format: DOCUMENT_FORMAT, version: CURRENT_VERSION, name, nodes: [], edges: [], samples: {}, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
}

function freshId(prefix: string, taken: Set<string>): string {
  let i = taken.size + 1;
  while (taken.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

/** A name not used by another node: base, base-2, base-3, ... */
export function uniqueNodeName(doc: TopologyDocument, base: string, exceptId?: string): string {
  const taken = new Set(doc.nodes.filter((n) => n.id !== exceptId).map((n) => n.name));
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

export function addNode(doc: TopologyDocument, kind: string, position: Position, params?: Record<string, unknown>): { doc: TopologyDocument; nodeId: string } {
  const d = getOperator(kind);
  if (!d) throw new Error(`unknown operator "${kind}"`);
  const id = freshId('n', new Set(doc.nodes.map((n) => n.id)));
  const node: DesignNode = { id, kind, name: uniqueNodeName(doc, kind), params: structuredClone({ ...(d.defaults as object), ...(params ?? {}) }), position };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, nodeId: id };
}

export function removeNodes(doc: TopologyDocument, ids: string[]): TopologyDocument {
  const gone = new Set(ids);
  return { ...doc, nodes: doc.nodes.filter((n) => !gone.has(n.id)), edges: doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)) };
}

export function connect(doc: TopologyDocument, edge: Omit<DesignEdge, 'id'>): { doc: TopologyDocument; edgeId: string } | { error: string } {
  const check = canConnect(doc, edge);
  if (!check.ok) return { error: check.reason };
  const id = freshId('e', new Set(doc.edges.map((e) => e.id)));
  const clean: DesignEdge = { id, source: edge.source, target: edge.target, targetPort: edge.targetPort, ...(edge.sourcePort && edge.sourcePort !== 'out' ? { sourcePort: edge.sourcePort } : {}) };
  return { doc: paramsOnConnect({ ...doc, edges: [...doc.edges, clean] }, clean), edgeId: id };
}

/** What the target's descriptor adds to its params when an edge arrives (cogroup: the new input's aggregator). */
function paramsOnConnect(doc: TopologyDocument, edge: DesignEdge): TopologyDocument {
  const node = doc.nodes.find((n) => n.id === edge.target);
  const d = node && getOperator(node.kind);
  const patch = d?.onConnect?.({ ...(d.defaults as object), ...node!.params }, edge.targetPort);
  if (!patch) return doc;
  return { ...doc, nodes: doc.nodes.map((n) => (n === node ? { ...n, params: { ...n.params, ...patch } } : n)) };
}

export function disconnect(doc: TopologyDocument, edgeIds: string[]): TopologyDocument {
  const gone = new Set(edgeIds);
  return { ...doc, edges: doc.edges.filter((e) => !gone.has(e.id)) };
}

/**
 * Changes a node's params. When that renames a topic the node reads (a source's topic), its samples
 * go with it, in the same edit (one undo step): unless another node still reads the old topic or the
 * new one already has samples, which then stay where they are.
 */
export function updateParams(doc: TopologyDocument, nodeId: string, patch: Record<string, unknown>): TopologyDocument {
  const next = { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, ...patch } } : n)) };
  return carrySamples(doc, next, nodeId);
}

function nodeReads(doc: TopologyDocument, nodeId: string): string[] {
  return designTopics({ ...doc, nodes: doc.nodes.filter((n) => n.id === nodeId) }, 'reads');
}

function carrySamples(before: TopologyDocument, after: TopologyDocument, nodeId: string): TopologyDocument {
  const was = nodeReads(before, nodeId);
  const now = nodeReads(after, nodeId);
  if (was.length !== now.length) return after;
  const stillRead = new Set(designTopics({ ...after, nodes: after.nodes.filter((n) => n.id !== nodeId) }, 'reads'));
  let samples = after.samples;
  was.forEach((from, i) => {
    const to = now[i];
    if (from === to || !samples[from] || stillRead.has(from) || samples[to]?.length) return;
    const { [from]: moved, ...rest } = samples;
    samples = { ...rest, [to]: moved };
  });
  return samples === after.samples ? after : { ...after, samples };
}

/** The record a new source's samples start with: the shape every sample has. */
export const EXAMPLE_SAMPLE: SampleRecord = { key: 'key-1', value: 'hello', timestamp: 1700000000000 };

/** One example record for each of `topics` (default: every topic the design reads) that has no samples. */
export function addExampleSamples(doc: TopologyDocument, topics = sourceTopics(doc)): TopologyDocument {
  const empty = topics.filter((t) => !doc.samples[t]?.length);
  if (!empty.length) return doc;
  const samples = { ...doc.samples };
  for (const t of empty) samples[t] = [{ ...EXAMPLE_SAMPLE }];
  return { ...doc, samples };
}

/** Adds a node from the palette: a source whose topic has no samples yet gets one example record. */
export function addNodeWithExample(doc: TopologyDocument, kind: string, position: Position): { doc: TopologyDocument; nodeId: string } {
  const r = addNode(doc, kind, position);
  return { doc: addExampleSamples(r.doc, nodeReads(r.doc, r.nodeId)), nodeId: r.nodeId };
}

export function updateNode(doc: TopologyDocument, nodeId: string, patch: Partial<Pick<DesignNode, 'description'>>): TopologyDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, ...patch } : n)) };
}

/** Renames a node, keeping names unique (a taken name gets a suffix). */
export function renameNode(doc: TopologyDocument, nodeId: string, name: string): TopologyDocument {
  const unique = uniqueNodeName(doc, name.trim() || 'node', nodeId);
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, name: unique } : n)) };
}

export function moveNodes(doc: TopologyDocument, positions: Record<string, Position>): TopologyDocument {
  return { ...doc, nodes: doc.nodes.map((n) => {
      const position = ownEntry(positions, n.id);
      return position ? { ...n, position } : n;
    }) };
}

export function setSamples(doc: TopologyDocument, topic: string, records: SampleRecord[]): TopologyDocument {
  return { ...doc, samples: { ...doc.samples, [topic]: records } };
}

/** Replaces one sample record of a topic (an edit from the preview); out-of-range indexes change nothing. */
export function updateSample(doc: TopologyDocument, topic: string, index: number, record: SampleRecord): TopologyDocument {
  const list = Object.hasOwn(doc.samples, topic) ? doc.samples[topic] : undefined;
  if (!list || index < 0 || index >= list.length) return doc;
  return setSamples(doc, topic, list.map((r, i) => (i === index ? record : r)));
}

/** Copies nodes (and the edges between them) with fresh ids and names, offset on the canvas. */
export function duplicateNodes(doc: TopologyDocument, nodes: DesignNode[], edges: DesignEdge[], offset: Position = { x: 40, y: 40 }): { doc: TopologyDocument; nodeIds: string[] } {
  let out = doc;
  const map = new Map<string, string>();
  for (const n of nodes) {
    const r = addNode(out, n.kind, { x: n.position.x + offset.x, y: n.position.y + offset.y }, n.params);
    out = renameNode(r.doc, r.nodeId, n.name);
    map.set(n.id, r.nodeId);
  }
  for (const e of edges) {
    if (!map.has(e.source) || !map.has(e.target)) continue;
    const r = connect(out, { source: map.get(e.source)!, sourcePort: e.sourcePort, target: map.get(e.target)!, targetPort: e.targetPort });
    if ('doc' in r) out = r.doc;
  }
  return { doc: out, nodeIds: [...map.values()] };
}

/** Topics the design reads from (its source nodes), for the samples editor. */
export function sourceTopics(doc: TopologyDocument): string[] {
  return designTopics(doc, 'reads');
}

/** Topics the design reads or writes, in node order, each once (as each operator's descriptor declares them). */
export function designTopics(doc: TopologyDocument, which: 'reads' | 'writes'): string[] {
  const topics: string[] = [];
  for (const n of doc.nodes) {
    const d = getOperator(n.kind);
    const named = d?.topics?.({ ...(d.defaults as object), ...n.params } as never)?.[which] ?? [];
    for (const t of named) if (!topics.includes(t)) topics.push(t);
  }
  return topics;
}
