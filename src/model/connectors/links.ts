/**
 * How connector nodes tie into the design: by topic name, as on a cluster. A source connector feeds
 * every node that reads one of its topics (stream, table, globalTable); a sink connector reads what
 * every node writing one of its topics (to) writes. The canvas draws these links, the checker warns
 * about a connector with none, and the preview shows a connector's records through them.
 */
import { getOperator } from '../registry';
import type { TopologyDocument } from '../types';
import { connectorOf, connectorTopics } from './index';

export interface TopicLink {
  /** Stable for a given connector, node and topic (React keys, edge ids). */
  id: string;
  connectorId: string;
  /** The design node reading (source connector) or writing (sink connector) the topic. */
  nodeId: string;
  topic: string;
  direction: 'source' | 'sink';
}

/** Topics each topology node reads and writes, by its descriptor. */
function nodeTopics(doc: TopologyDocument): Map<string, { reads: string[]; writes: string[] }> {
  const out = new Map<string, { reads: string[]; writes: string[] }>();
  for (const n of doc.nodes) {
    const d = getOperator(n.kind);
    if (!d?.topics || d.connector) continue;
    const t = d.topics({ ...(d.defaults as object), ...n.params } as never);
    out.set(n.id, { reads: t.reads ?? [], writes: t.writes ?? [] });
  }
  return out;
}

export function connectorLinks(doc: TopologyDocument): TopicLink[] {
  const connectors = doc.nodes.filter((n) => connectorOf(n));
  if (!connectors.length) return [];
  const topics = nodeTopics(doc);
  const links: TopicLink[] = [];
  for (const c of connectors) {
    const direction = connectorOf(c)!.direction;
    for (const topic of connectorTopics(c)) {
      for (const [nodeId, t] of topics) {
        if (!(direction === 'source' ? t.reads : t.writes).includes(topic)) continue;
        links.push({ id: `topic:${c.id}:${nodeId}:${topic}`, connectorId: c.id, nodeId, topic, direction });
      }
    }
  }
  return links;
}
