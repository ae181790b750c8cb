/**
 * Versioned tables (KIP-889/914) and stream-table grace periods (KIP-923) in descriptors: the param,
 * its lowering (Materialized.as(Stores.persistentVersionedKeyValueStore(name, retention))) and how a
 * table's versioning travels to the operators after it (OutputType.versionedRetentionMs).
 */
import { z } from 'zod';
import type { OutputType, ParamProblem, ParamSpec } from '../descriptor';
import { call, lit, stat, type DslExpr } from '../dsl-expr';

// common.ts imports this file: nothing from common here (the cycle would reach it half-initialized).
const whenTable: ParamSpec['visibleWhen'] = (_p, kinds) => kinds.length === 0 || kinds.includes('KTable');

export const historyRetentionSchema = z.number().min(0, 'must be zero or positive').nullable().optional();

export const historyRetentionSpec = (visibleWhen?: ParamSpec['visibleWhen']): ParamSpec => ({
  name: 'historyRetentionMs',
  label: 'History retention',
  control: { type: 'duration' },
  optional: true,
  help: 'Versioned table: keep every version this long behind stream time (Stores.persistentVersionedKeyValueStore). Out-of-order updates become history; joins read the table as of the stream record time.',
  ...(visibleWhen ? { visibleWhen } : {}),
});

/** Shown on filter/mapValues only for tables. */
export const tableHistoryRetentionSpec = historyRetentionSpec(whenTable);

export const isVersioned = (p: { historyRetentionMs?: number | null }): p is { historyRetentionMs: number } => typeof p.historyRetentionMs === 'number';

/** Materialized.as(name), or as a versioned store when a history retention is set (named after the node if unnamed). */
export function tableMaterialized(p: { storeName?: string; historyRetentionMs?: number | null; caching?: boolean }, nodeName: string): DslExpr | null {
  const name = p.storeName && p.storeName.trim() ? p.storeName : null;
  if (isVersioned(p)) return stat('Materialized.as', stat('Stores.persistentVersionedKeyValueStore', lit(name ?? `${nodeName}-store`), lit(p.historyRetentionMs)));
  if (!name) return null;
  const m = stat('Materialized.as', lit(name));
  return p.caching === false ? call(m, 'withCachingDisabled') : m;
}

/** A named (non-versioned) filter/mapValues store caches by default, as Kafka's Materialized.as does. */
export const tableCachingSchema = z.boolean().optional();
export const tableCachingSpec: ParamSpec = {
  name: 'caching',
  label: 'Caching',
  control: { type: 'boolean' },
  optional: true,
  help: 'Named table store only: merge updates of one key within one input record, and drop a tombstone for a key the store never held (Kafka record cache).',
  visibleWhen: (p, kinds) => whenTable!(p, kinds) && typeof p.storeName === 'string' && p.storeName.trim() !== '' && typeof p.historyRetentionMs !== 'number',
};

/**
 * The versioning of a filter/mapValues table: its own store decides when it is materialized (versioned
 * or not); unmaterialized, it inherits its input's (Kafka's isVersionedUpstream).
 */
export function derivedVersioning(p: { storeName?: string; historyRetentionMs?: number | null }, input: OutputType): number | undefined {
  if (isVersioned(p)) return p.historyRetentionMs;
  if (p.storeName && p.storeName.trim()) return undefined;
  return input.versionedRetentionMs;
}

/** Kafka's topology errors for a stream-table join's grace period: the table must be versioned, with at least that history. */
export function graceProblems(gracePeriodMs: number | null | undefined, inputs: Record<string, OutputType[]>): ParamProblem[] {
  if (typeof gracePeriodMs !== 'number') return [];
  const table = inputs.right?.[0];
  if (table?.versionedRetentionMs === undefined) return [{ code: 'E_GRACE_NOT_VERSIONED', param: 'gracePeriodMs', message: 'a grace period needs a versioned table on the right (set its history retention); Kafka Streams refuses it otherwise' }];
  if (gracePeriodMs > table.versionedRetentionMs) return [{ code: 'E_GRACE_EXCEEDS_RETENTION', param: 'gracePeriodMs', message: `the grace period (${gracePeriodMs} ms) is longer than the table's history retention (${table.versionedRetentionMs} ms); Kafka Streams refuses it` }];
  return [];
}
