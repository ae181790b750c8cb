/**
 * The checker's part for topic schemas (called by checkDesign): a schema that does not parse is an
 * error at its line, on every source or sink node of the topic (param `keySchema`/`valueSchema`);
 * the design's samples that do not match their topic's schema are warnings with the field path (the
 * samples panel refuses to apply such samples; these are ones loaded from a file or kept from
 * before the schema changed). Null keys and null values (tombstones) are not checked.
 */
import type { DesignAnalysis } from '../graph';
import { getOperator } from '../registry';
import type { Diagnostic, TopologyDocument } from '../types';
import { parseTopicSchema } from './parse';
import { sampleSchemaProblems } from './samples-check';

export type SchemaSide = 'keySchema' | 'valueSchema';
export const SCHEMA_SIDES: readonly SchemaSide[] = ['keySchema', 'valueSchema'];

/** Sample problems reported per topic and side at most (the panel lists them all). */
const SAMPLE_PROBLEMS_SHOWN = 5;

export function checkTopicSchemas(doc: TopologyDocument, analysis: DesignAnalysis, out: Diagnostic[]): void {
  const topics = doc.topics;
  if (!topics) return;
  const nodesOf = topicNodes(doc, analysis);
  for (const topic of Object.keys(topics)) {
    const nodes = nodesOf.get(topic) ?? { readers: [], all: [] };
    for (const side of SCHEMA_SIDES) {
      const schema = topics[topic]?.[side];
      if (!schema) continue;
      const parsed = parseTopicSchema(schema);
      if (!parsed.ok) {
        for (const p of parsed.problems) {
          const d = { code: p.code, severity: 'error' as const, message: `${topic} ${side === 'keySchema' ? 'key' : 'value'} schema: ${p.message}`, line: p.line, column: p.column };
          if (nodes.all.length === 0) out.push({ ...d, param: `topics.${topic}.${side}` });
          for (const nodeId of nodes.all) out.push({ ...d, nodeId, param: side });
        }
      }
    }
    checkSamples(topic, doc, nodes.readers, out);
  }
}

function checkSamples(topic: string, doc: TopologyDocument, readers: string[], out: Diagnostic[]) {
  const seen = new Set<string>();
  for (const p of sampleSchemaProblems(doc.samples[topic] ?? [], doc.topics?.[topic], SAMPLE_PROBLEMS_SHOWN)) {
    const param = `samples.${p.index}.${p.side}`;
    if (seen.has(param)) continue;
    seen.add(param);
    out.push({ code: 'W_SAMPLE_SCHEMA', severity: 'warning', nodeId: readers[0], param, message: `sample ${p.index + 1} of ${topic} does not match the ${p.side} schema: ${p.path} ${p.message}` });
  }
}

/** Per topic, the nodes that read it and all nodes that read or write it. */
export function topicNodes(doc: TopologyDocument, analysis: DesignAnalysis): Map<string, { readers: string[]; all: string[] }> {
  const out = new Map<string, { readers: string[]; all: string[] }>();
  for (const n of doc.nodes) {
    const d = getOperator(n.kind);
    const params = analysis.params.get(n.id);
    if (!d?.topics || !params) continue;
    const t = d.topics(params as never);
    for (const [topic, reads] of [...(t.reads ?? []).map((x) => [x, true] as const), ...(t.writes ?? []).map((x) => [x, false] as const)]) {
      const entry = out.get(topic) ?? { readers: [], all: [] };
      if (reads) entry.readers.push(n.id);
      if (!entry.all.includes(n.id)) entry.all.push(n.id);
      out.set(topic, entry);
    }
  }
  return out;
}
