/**
 * The preview's partition view: a recorded run's design and samples run again on N partitions,
 * its output records with their partition (the first ones per sink) and the comparison with the
 * one-partition run the page shows. Answer to the worker query 'partitions'. Pure.
 */
import type { SimulationResult } from '../types';
import { compareSinks, type SinkComparison } from './compare';
import { simulatePartitioned, type PartitionedRecord } from './partitioned';

/** Records sent per sink and per comparison list. */
export const PARTITION_VIEW_LIMIT = 500;

export interface PartitionView {
  partitions: number;
  ok: boolean;
  error?: string;
  inputsPerTask: number[];
  movedByRepartition: number;
  sinks: Record<string, { count: number; records: PartitionedRecord[] }>;
  comparison: SinkComparison[];
}

export function partitionView(result: SimulationResult, partitions: number): PartitionView | null {
  const source = result.recording?.source;
  if (!source) return null;
  const n = Math.max(1, Math.min(1000, Math.floor(partitions)));
  const many = simulatePartitioned(source.doc, n, source.samples);
  const sinks = Object.fromEntries(Object.entries(many.sinks).map(([t, recs]) => [t, { count: recs.length, records: recs.slice(0, PARTITION_VIEW_LIMIT) }]));
  const comparison = compareSinks(result.sinks, many.sinks).map((c) => ({ ...c, appeared: c.appeared.slice(0, PARTITION_VIEW_LIMIT), disappeared: c.disappeared.slice(0, PARTITION_VIEW_LIMIT), reorderedKeys: c.reorderedKeys.slice(0, PARTITION_VIEW_LIMIT) }));
  return { partitions: n, ok: many.ok, ...(many.error ? { error: many.error } : {}), inputsPerTask: many.inputsPerTask, movedByRepartition: many.movedByRepartition, sinks, comparison };
}
