/**
 * The designer's view of a simulation result: a summary the page always gets (counts, errors, types)
 * and the answers to its questions (one node's records, a record's lineage, the sink outputs). The
 * worker computes them next to the full result it keeps. Pure.
 */
import { nameTable, ownEntry } from '../engine/name-table';
import { recordTypes } from './record-types';
import type { Lineage, NodeDetail, PreviewAnswers, PreviewQuery, PreviewResult, PreviewView, SimulationResult } from './types';

/** State store entries sent for the preview table (the size is always sent). */
export const STORE_ENTRY_LIMIT = 500;

export function summarize(result: SimulationResult, runId: number, view: PreviewView): PreviewResult {
  const nodes: PreviewResult['nodes'] = nameTable(
    Object.entries(result.nodes).map(([id, n]) => [id, { emittedCount: n.emittedCount, recordsIn: n.recordsIn, dropped: n.dropped, types: recordTypes(n.emitted), ...(n.error ? { error: n.error } : {}) }]),
  );
  const sinkCounts = nameTable(Object.entries(result.sinks).map(([topic, recs]) => [topic, recs.length]));
  return {
    runId,
    ok: result.ok,
    nodes,
    sinkCounts,
    storeOwners: result.storeOwners,
    describe: result.describe,
    diagnostics: result.diagnostics,
    ...(result.error ? { error: result.error } : {}),
    durationMs: result.durationMs,
    detail: view.detailNodeId && result.nodes[view.detailNodeId] ? nodeDetail(result, view.detailNodeId, view.detailLimit) : null,
  };
}

export function nodeDetail(result: SimulationResult, nodeId: string, limit: number): NodeDetail {
  const stores = Object.entries(result.stores)
    .filter(([name]) => result.storeOwners[name] === nodeId)
    .map(([name, entries]) => ({ name, size: entries.length, entries: entries.slice(0, STORE_ENTRY_LIMIT) }));
  // In the order they were dropped (the order Kafka processed them).
  const droppedIds = (result.nodes[nodeId]?.droppedInputs ?? []).slice(0, limit);
  const byId = droppedIds.length ? new Map(Object.values(result.inputs).flatMap((recs) => recs.map((r) => [r.id, r] as const))) : null;
  const dropped = droppedIds.flatMap((id) => byId?.get(id) ?? []);
  return { nodeId, emitted: (result.nodes[nodeId]?.emitted ?? []).slice(0, limit), stores, dropped };
}

/** The input records an emitted record ("<nodeId>#<n>") came from, and every node that emitted a kept record from them. */
export function lineageOf(result: SimulationResult, recordId: string): Lineage | null {
  const nodeId = recordId.slice(0, recordId.lastIndexOf('#'));
  const rec = result.nodes[nodeId]?.emitted.find((e) => e.id === recordId);
  if (!rec) return null;
  const ids = new Set(rec.inputIds);
  const nodeIds = Object.entries(result.nodes)
    .filter(([, n]) => n.emitted.some((e) => e.inputIds.some((id) => ids.has(id))))
    .map(([id]) => id);
  const inputs = Object.values(result.inputs)
    .flat()
    .filter((i) => ids.has(i.id));
  return { recordId, inputIds: rec.inputIds, nodeIds, inputs };
}

export function answer(result: SimulationResult, query: PreviewQuery): PreviewAnswers[PreviewQuery['kind']] | null {
  switch (query.kind) {
    case 'node':
      return result.nodes[query.nodeId] ? nodeDetail(result, query.nodeId, query.limit) : null;
    case 'lineage':
      return lineageOf(result, query.recordId);
    case 'sinks':
      return result.sinks;
  }
}
