/**
 * What reaches a sink with a schema, checked against it after a run: each record that does not
 * match is an E_SINK_SCHEMA diagnostic on the sink node with the field path (the deployed app's
 * serializer would refuse it). Null keys and tombstones are not checked. Pure.
 */
import { analyzeDesign } from '../model/graph';
import { topicNodes } from '../model/topic-schemas/check-schemas';
import { sampleSchemaProblems } from '../model/topic-schemas/samples-check';
import type { Diagnostic, TopologyDocument } from '../model/types';
import type { SimulationResult } from './types';

/** Records reported per sink topic (the rest are counted in the last message). */
const REPORTED_PER_TOPIC = 20;

export function sinkSchemaDiagnostics(doc: TopologyDocument, sinks: SimulationResult['sinks']): Diagnostic[] {
  if (!doc.topics) return [];
  const writers = topicNodes(doc, analyzeDesign(doc));
  const out: Diagnostic[] = [];
  for (const [topic, records] of Object.entries(sinks)) {
    const settings = doc.topics[topic];
    if (!settings?.keySchema && !settings?.valueSchema) continue;
    const nodeId = writers.get(topic)?.all.find((id) => !writers.get(topic)?.readers.includes(id));
    const problems = sampleSchemaProblems(records.map((r) => ({ ...r })), settings);
    const seen = new Set<number>();
    for (const p of problems) {
      if (seen.has(p.index)) continue;
      seen.add(p.index);
      if (seen.size > REPORTED_PER_TOPIC) break;
      const r = records[p.index];
      out.push({ code: 'E_SINK_SCHEMA', severity: 'error', nodeId, param: p.side === 'key' ? 'keySchema' : 'valueSchema', message: `record ${p.index + 1} written to ${topic} (key ${JSON.stringify(r.key)?.slice(0, 30)}) does not match the ${p.side} schema: ${p.path} ${p.message}` });
    }
  }
  return out;
}
