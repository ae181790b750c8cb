/**
 * The designer's view of a simulation result: a summary the page always gets (counts, errors, types)
 * and the answers to its questions (one node's records, a record's lineage, the sink outputs). The
 * worker computes them next to the full result it keeps. Pure.
 */
import { findOrderDependence } from './order/order-finder';
import { nameTable } from '../engine';
import { recordTypes } from './record-types';
import { lineageThroughState } from './lineage';
import { nodeFlow } from './node-flow';
import { momentAt } from './timeline/moment';
import { timelineOverview } from './timeline/overview';
import { partitionView } from './partitions/partition-view';
import type { FaultQuery } from './faults/view';
import type { InvariantQuery } from './invariant-search';
import type { BehaviourQuery, NodeDetail, PreviewAnswers, PreviewQuery, PreviewResult, PreviewView, SimulationResult } from './types';

/** State store entries sent for the preview table (the size is always sent). */
export const STORE_ENTRY_LIMIT = 500;
/** How long the worker may spend on one order-dependence search (the preview's own limit is 2 s per run). */
export const ORDER_BUDGET_MS = 4000;

export function summarize(result: SimulationResult, runId: number, view: PreviewView): PreviewResult {
  const nodes: PreviewResult['nodes'] = nameTable(
    Object.entries(result.nodes).map(([id, n]) => [id, { emittedCount: n.emittedCount, recordsIn: n.recordsIn, dropped: n.dropped, types: recordTypes(n.emitted), ...(n.error ? { error: n.error } : {}), ...(n.notData ? { notData: n.notData } : {}) }]),
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
  const emitted = (result.nodes[nodeId]?.emitted ?? []).slice(0, limit);
  const punctuations = (result.punctuations ?? []).filter((p) => p.nodeId === nodeId).slice(0, limit);
  return { nodeId, emitted, stores, dropped, ...nodeFlow(result, nodeId, emitted, limit), ...(punctuations.length ? { punctuations } : {}) };
}

export function answer(result: SimulationResult, query: Exclude<PreviewQuery, FaultQuery | InvariantQuery | BehaviourQuery>): PreviewAnswers[PreviewQuery['kind']] | null {
  switch (query.kind) {
    case 'node':
      return result.nodes[query.nodeId] ? nodeDetail(result, query.nodeId, query.limit) : null;
    case 'lineage':
      return lineageThroughState(result, query.recordId);
    case 'sinks':
      return result.sinks;
    case 'timeline':
      return result.recording ? timelineOverview(result, result.recording) : null;
    case 'moment':
      return result.recording ? momentAt(result, result.recording, query.position) : null;
    case 'partitions':
      return partitionView(result, query.partitions);
    case 'orders':
      return orderReport(result, query.orders, query.seed);
  }
}

/** The order-dependence search over the recorded run's design and samples (null: the run was not recorded). */
function orderReport(result: SimulationResult, orders: number, seed: number) {
  const source = result.recording?.source;
  return source ? findOrderDependence({ ...source.doc, samples: source.samples }, { orders, seed, budgetMs: ORDER_BUDGET_MS }) : null;
}
