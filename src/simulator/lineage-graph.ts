/**
 * How each design node's output records depend on the records that reached it, for lineage through
 * state. A stateless node's record comes from the one record it was processing (its cause); an
 * aggregate's value from every record of its key (and window) so far; suppress emits the latest
 * update it buffered; a join combines its cause with the other side's records. Derived from the
 * design (kinds and the stream types flowing in), never from the engine's internals. Pure.
 */
import { analyzeDesign, type DesignAnalysis } from '../model/graph';
import type { TopologyDocument } from '../model/types';
import { connectorOf, connectorTopics } from '../model/connectors/index';
import { connectorLinks } from '../model/connectors/links';

export type LineageRule =
  /** Reads topics: its records come from input records. */
  | { kind: 'source'; topics: string[] }
  /** One record in, records out: the record it was processing. */
  | { kind: 'cause' }
  /** Every record of the same key (in the same window) up to the emission. */
  | { kind: 'aggregate'; window?: { endInclusive: boolean } }
  /** The latest record of the same (windowed) key before the emission: what a buffer held. */
  | { kind: 'latest' }
  /** A stream-stream join: the cause and the other side's records of its key in the join window. */
  | { kind: 'window-join'; beforeMs: number; afterMs: number }
  /** A join with a table side: the cause and the other side's latest record of its key. */
  | { kind: 'table-join' }
  /** A foreign-key join: the left row of the output's key and the right row its foreign key named. */
  | { kind: 'fk-join' };

export interface LineageNode {
  rule: LineageRule;
  /** Nodes feeding this one, with the input port they feed ("left"/"right" for joins). */
  upstream: { nodeId: string; port: string }[];
}

export type LineageGraph = Record<string, LineageNode>;

const AGGREGATES = new Set(['count', 'reduce', 'aggregate']);
const JOINS = new Set(['join', 'leftJoin', 'outerJoin']);

export function lineageGraph(doc: TopologyDocument, analysis: DesignAnalysis = analyzeDesign(doc)): LineageGraph {
  const graph: LineageGraph = Object.create(null) as LineageGraph;
  const links = connectorLinks(doc);
  for (const n of doc.nodes) {
    const spec = connectorOf(n);
    if (spec) {
      // Connectors run outside the topology, tied to it by topic (connector-records.ts): a source's records are its inputs, a sink's the to nodes' records.
      const upstream = spec.direction === 'sink' ? links.filter((l) => l.connectorId === n.id).map((l) => ({ nodeId: l.nodeId, port: 'in' })) : [];
      graph[n.id] = { rule: spec.direction === 'source' ? { kind: 'source', topics: connectorTopics(n) } : { kind: 'cause' }, upstream };
      continue;
    }
    const byPort = analysis.inputs.get(n.id) ?? {};
    const upstream = Object.entries(byPort).flatMap(([port, list]) => list.map((c) => ({ nodeId: c.node.id, port })));
    const params = analysis.params.get(n.id) ?? n.params;
    graph[n.id] = { rule: ruleOf(n.kind, params, upstream, doc, analysis), upstream };
  }
  return graph;
}

function ruleOf(kind: string, params: Record<string, unknown>, upstream: LineageNode['upstream'], doc: TopologyDocument, analysis: DesignAnalysis): LineageRule {
  if (kind === 'stream' || kind === 'table' || kind === 'globalTable') return { kind: 'source', topics: [String(params.topic)] };
  if (AGGREGATES.has(kind)) {
    const from = doc.nodes.find((x) => x.id === upstream[0]?.nodeId);
    if (from?.kind !== 'windowedBy') return { kind: 'aggregate' };
    const type = from.params.type ?? 'tumbling';
    // Sliding and session windows hold records up to and including their end (Kafka's bounds).
    return { kind: 'aggregate', window: { endInclusive: type === 'sliding' || type === 'session' } };
  }
  if (kind === 'suppress') return { kind: 'latest' };
  if (JOINS.has(kind)) {
    const kinds = upstream.map((u) => analysis.outputs.get(u.nodeId)?.kind);
    // join-common.ts: two tables and a foreign-key extractor make a foreign-key join.
    if (kinds.every((k) => k === 'KTable') && typeof params.foreignKeyExtractor === 'string' && params.foreignKeyExtractor.trim()) return { kind: 'fk-join' };
    if (kinds.some((k) => k !== 'KStream')) return { kind: 'table-join' };
    return { kind: 'window-join', beforeMs: Number(params.beforeMs ?? 0), afterMs: Number(params.afterMs ?? 0) };
  }
  return { kind: 'cause' };
}
