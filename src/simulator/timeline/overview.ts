/**
 * The timeline's overview of a recorded run: every input record in processing order (marked
 * out-of-order or dropped), every record written by a `to` node with the input it came out on, and
 * what the recorded history costs. Pure.
 */
import type { SimulationResult, TracedRecord } from '../types';
import { loggedRecord } from './node-log';
import type { Recording } from './recorder';
import type { CheckpointMemory, TimelineInput, TimelineOutput, TimelineOverview } from './types';

export function timelineOverview(result: SimulationResult, rec: Recording): TimelineOverview {
  const byId = inputsById(result);
  const droppedAt = new Set(rec.drops.map((d) => d.position));
  const inputs: TimelineInput[] = [];
  let max = -Infinity;
  for (let position = 0; position < rec.processed; position++) {
    const r = byId.get(rec.inputIds[position]);
    if (!r) continue;
    const topic = r.id.slice(0, r.id.lastIndexOf('#'));
    inputs.push({ id: r.id, topic, key: r.key, value: r.value, timestamp: r.timestamp, position, outOfOrder: r.timestamp < max, dropped: droppedAt.has(position) });
    if (r.timestamp > max) max = r.timestamp;
  }
  const outputs: TimelineOutput[] = [];
  for (const [nodeId, rule] of Object.entries(rec.rules)) {
    if (rule.kind !== 'to') continue;
    const log = rec.nodes[nodeId];
    for (let i = 0; i < (log?.records.length ?? 0); i++) {
      const e = loggedRecord(nodeId, log, i, rec.inputIds);
      outputs.push({ id: e.id, nodeId, topic: rule.topic ?? '', key: e.key, value: e.value, timestamp: e.timestamp, position: e.position });
    }
  }
  outputs.sort((a, b) => a.position - b.position);
  return { processed: rec.processed, topics: [...new Set(inputs.map((i) => i.topic))].sort(), inputs, outputs, memory: checkpointMemory(result, rec) };
}

export function inputsById(result: SimulationResult): Map<string, TracedRecord> {
  const out = new Map<string, TracedRecord>();
  for (const list of Object.values(result.inputs)) for (const r of list) out.set(r.id, r);
  return out;
}

/** Per-object overhead assumed by the estimate (header, hidden class, a Map slot or array element). */
const OBJECT_BYTES = 64;

/** The store histories' size, with their bytes estimated from a sample of their entries' text. */
function checkpointMemory(result: SimulationResult, rec: Recording): CheckpointMemory {
  let entries = 0;
  let changes = 0;
  let checkpoints = 0;
  let bytes = 0;
  for (const h of rec.stores.values()) {
    const s = h.size();
    entries += s.entries;
    changes += s.changes;
    checkpoints += s.checkpoints;
    const sample = h.at(rec.processed - 1).slice(0, 50);
    const perEntry = sample.length ? sample.reduce((n, e) => n + 2 * JSON.stringify(e).length, 0) / sample.length : 0;
    // Checkpointed entries are shared with the live objects; the Map slots and change entries are not.
    bytes += (s.entries + s.changes) * OBJECT_BYTES + s.changes * perEntry;
  }
  let records = 0;
  for (const log of Object.values(rec.nodes)) records += log.records.length;
  // Per logged record: its position and timestamp, and a reference to the engine's record (whose
  // key and value the run made anyway).
  bytes += records * 24 + rec.drops.length * OBJECT_BYTES;
  return { entries, changes, checkpoints, records, estimatedBytes: Math.round(bytes) };
}
