/**
 * What the preview shows for connector nodes, which run outside the topology: a source connector
 * "emits" the records of its topics (the samples the design reads from it), a sink connector takes
 * what the design's to nodes wrote to its topics. Their lineage rules (lineage-graph.ts) tie each
 * record to its input record or to the to node's record it is. Pure, on a finished result.
 */
import { connectorOf, connectorTopics } from '../model/connectors/index';
import { connectorLinks, type TopicLink } from '../model/connectors/links';
import type { TopologyDocument } from '../model/types';
import type { NodeResult, SimulationResult } from './types';

export function addConnectorRecords(result: SimulationResult, doc: TopologyDocument, links: readonly TopicLink[] = connectorLinks(doc)): void {
  for (const n of doc.nodes) {
    const spec = connectorOf(n);
    const r = result.nodes[n.id];
    if (!spec || !r) continue;
    const mine = links.filter((l) => l.connectorId === n.id);
    if (spec.direction === 'source') sourceRecords(result, r, n.id, connectorTopics(n), mine);
    else sinkRecords(result, r, n.id, mine);
  }
}

/** The input records of its topics, each made from itself; counted as the nodes reading them read them. */
function sourceRecords(result: SimulationResult, r: NodeResult, id: string, topics: string[], links: TopicLink[]): void {
  const inputs = topics.flatMap((t) => result.inputs[t] ?? []);
  r.emitted = inputs.map((rec, i) => ({ ...rec, id: `${id}#${i + 1}`, inputIds: [rec.id] }));
  // result.inputs may keep only the inputs some trace came from: a reader's count is the whole count.
  const readers = new Set(links.map((l) => l.nodeId));
  const perTopic = topics.map((t) => Math.max(0, ...links.filter((l) => l.topic === t).map((l) => result.nodes[l.nodeId]?.emittedCount ?? 0)));
  r.emittedCount = readers.size ? perTopic.reduce((a, b) => a + b, 0) : r.emitted.length;
}

/** The records the design's to nodes wrote to its topics, in emission order, each caused by the to node's record. */
function sinkRecords(result: SimulationResult, r: NodeResult, id: string, links: TopicLink[]): void {
  const writers = [...new Set(links.map((l) => l.nodeId))].map((w) => result.nodes[w]).filter((w): w is NodeResult => !!w);
  const written = writers.flatMap((w) => w.emitted).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  r.emitted = written.map((rec, i) => ({ ...rec, id: `${id}#${i + 1}`, causeId: rec.id }));
  r.recordsIn = writers.reduce((a, w) => a + w.emittedCount, 0);
  r.emittedCount = r.recordsIn;
}
