/**
 * The Kafka Connect part of a generated project: `connect/<name>.json` per connector node (the body
 * of Connect's `PUT /connectors/<name>/config`), `connect/apply.mjs` (`npm run connect:apply`) and
 * `src/connectors.ts`, the file connectors the local mode runs in place. Secrets stay config
 * provider references (`${env:NAME}`): the checker refuses a design with one in clear, so none
 * reaches these files.
 */
import { configOf, connectorOf } from '../src/model/connectors/index';
import { envVariableOf } from '../src/model/connectors/secrets';
import type { DesignNode, TopologyDocument } from '../src/model/types';
import { topicFileName } from '../src/engine';
import { CONNECT_APPLY } from './connect-apply';

/** A connector's file under connect/: its name percent-encoded as topics' files are (no name can leave the folder). */
export function connectorFileName(name: string): string {
  return topicFileName(name).replace(/\.jsonl$/, '.json');
}

/** The config Connect gets: class and name from the node, then the node's keys in order, empty values left out. */
export function connectorConfig(node: DesignNode): Record<string, string> {
  const spec = connectorOf(node)!;
  const out: Record<string, string> = { 'connector.class': spec.className, name: node.name };
  for (const [k, v] of Object.entries(configOf(node))) if (v.trim() !== '' && !(k in out)) out[k] = v;
  return out;
}

export function connectorNodes(doc: TopologyDocument): DesignNode[] {
  return doc.nodes.filter((n) => connectorOf(n));
}

/** Environment variables the connectors' secrets name (for .env.example and the README). */
export function secretVariables(doc: TopologyDocument): string[] {
  const names = connectorNodes(doc).flatMap((n) => Object.values(configOf(n)).map(envVariableOf).filter((v): v is string => v !== null));
  return [...new Set(names)].sort();
}

export function connectFiles(doc: TopologyDocument): Map<string, string> {
  const files = new Map<string, string>();
  const nodes = connectorNodes(doc);
  for (const n of nodes) files.set(`connect/${connectorFileName(n.name)}`, JSON.stringify(connectorConfig(n), null, 2) + '\n');
  if (nodes.length) files.set('connect/apply.mjs', CONNECT_APPLY);
  files.set('src/connectors.ts', localConnectorsFile(nodes));
  return files;
}

/** src/connectors.ts: the file source and sink connectors of the design, for the local mode. */
function localConnectorsFile(nodes: DesignNode[]): string {
  const sources: { name: string; topic: string; file: string }[] = [];
  const sinks: { name: string; topics: string[]; file: string }[] = [];
  for (const n of nodes) {
    const spec = connectorOf(n)!;
    const config = configOf(n);
    const file = config.file?.trim();
    const topics = spec.topicsOf(config);
    if (!file || !topics) continue;
    if (spec.local === 'file-source') sources.push({ name: n.name, topic: topics[0], file });
    if (spec.local === 'file-sink') sinks.push({ name: n.name, topics, file });
  }
  return `// The design's FileStream connectors, which the local mode (no KAFKA_BROKERS) runs in place of Kafka Connect:
// each file source's lines are its topic's input (instead of samples/<topic>.jsonl, when the file exists),
// each file sink gets the values of its topics, one line each. On a cluster, connect/*.json are applied instead.
import type { FileSinkSpec, FileSourceSpec } from './streams/local/index';

export const FILE_SOURCES: FileSourceSpec[] = ${JSON.stringify(sources, null, 2)};

export const FILE_SINKS: FileSinkSpec[] = ${JSON.stringify(sinks, null, 2)};
`;
}
