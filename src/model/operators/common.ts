/** Shared pieces of operator descriptors: zod fragments, function signatures, config lowering. */
import { z } from 'zod';
import { call, lit, stat, type DslExpr, type FunctionSignature } from '../dsl-expr';
import type { OutputError, OutputType, ParamSpec } from '../descriptor';
import type { StreamKind } from '../types';
import { derivedVersioning, tableMaterialized } from './versioned';

export const DOCS = 'https://kafka.apache.org/documentation/streams/developer-guide/dsl-api.html';

export const serdeSchema = z.enum(['default', 'json', 'string', 'number', 'bytes']).default('default');
export const fnSchema = (def: string) => z.string().default(def);
export const durationSchema = (def: number) => z.number().min(0, 'must be zero or positive').default(def);
export const optionalName = z.string().optional();

export const sig = (params: [string, string][], returns: string): FunctionSignature => ({
  params: params.map(([name, type]) => ({ name, type })),
  returns,
});

export const KV_SIG = (returns: string) => sig([['key', 'K'], ['value', 'V']], returns);

export function fnSpec(name: string, label: string, signature: FunctionSignature, example: string, help?: string): ParamSpec {
  return { name, label, control: { type: 'function', signature, example }, help };
}

export const serdeSpecs: ParamSpec[] = [
  { name: 'keySerde', label: 'Key serde', control: { type: 'serde' } },
  { name: 'valueSerde', label: 'Value serde', control: { type: 'serde' } },
];

export const storeSpecs: ParamSpec[] = [
  { name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true, help: 'Materialize under this name (queryable). Default: derived from the node name.' },
  { name: 'caching', label: 'Caching', control: { type: 'boolean' }, help: 'Merge updates of one key within one input record, as the record cache does.' },
  { name: 'logging', label: 'Changelog', control: { type: 'boolean' }, help: 'Back the store with a changelog topic on Kafka.' },
];

export const storeSchema = {
  storeName: z.string().optional(),
  caching: z.boolean().default(true),
  logging: z.boolean().default(true),
};

export const named = (name: string): DslExpr => stat('Named.as', lit(name));

const SERDE_FACTORY: Record<string, string> = { json: 'Serdes.Json', string: 'Serdes.String', number: 'Serdes.Number', bytes: 'Serdes.Bytes' };
export function serde(name: unknown): DslExpr {
  const f = SERDE_FACTORY[String(name)];
  return f ? stat(f) : lit(null);
}

/** Consumed/Produced: the node name, plus serdes when not the defaults. */
export function withSerdes(cls: 'Consumed' | 'Produced', nodeName: string, keySerde: unknown, valueSerde: unknown): DslExpr {
  if ((keySerde ?? 'default') === 'default' && (valueSerde ?? 'default') === 'default') return stat(`${cls}.as`, lit(nodeName));
  return call(stat(`${cls}.with`, serde(keySerde), serde(valueSerde)), 'withName', lit(nodeName));
}

/** Materialized for a node's store: named when the user gave a store name, with caching/logging flags. */
export function materialized(p: { storeName?: string; caching?: boolean; logging?: boolean; retentionMs?: number | null }, nodeName: string): DslExpr {
  let m = stat('Materialized.as', lit(p.storeName && p.storeName.trim() ? p.storeName : `${nodeName}-store`));
  if (p.caching === false) m = call(m, 'withCachingDisabled');
  if (p.logging === false) m = call(m, 'withLoggingDisabled');
  if (typeof p.retentionMs === 'number') m = call(m, 'withRetention', lit(p.retentionMs));
  return m;
}

/** Shown while nothing is connected (so it can be found) and when one of the inputs has one of these kinds. */
export const whenInputIs =
  (...kinds: StreamKind[]) =>
  (_params: Record<string, unknown>, inputKinds: readonly StreamKind[]): boolean =>
    inputKinds.length === 0 || inputKinds.some((k) => kinds.includes(k));

/** filter/filterNot/mapValues on a KTable may be materialized under a name (hidden, and ignored, on a KStream). */
export const tableStoreSpec: ParamSpec = { name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true, help: 'Tables only: materialize the result under this (queryable) name.', visibleWhen: whenInputIs('KTable') };

/** The trailing Materialized of a KTable filter/mapValues (named, or a versioned store); nothing for streams. */
export function tableStoreArg(p: { storeName?: string; historyRetentionMs?: number | null; caching?: boolean }, inputs: Record<string, OutputType[]>, nodeName: string): DslExpr[] {
  const m = first(inputs)?.kind === 'KTable' ? tableMaterialized(p, nodeName) : null;
  return m ? [m] : [];
}

/** The first upstream type on a port, if connected. */
export const first = (inputs: Record<string, OutputType[]>, port = 'in'): OutputType | undefined => inputs[port]?.[0];

export const sameKindAs = (accept: string[]) => (inputs: Record<string, OutputType[]>, p?: { storeName?: string; historyRetentionMs?: number | null }) => {
  const t = first(inputs);
  if (!t) return { error: 'needs an input', code: 'E_INPUT_MISSING' as const };
  if (!accept.includes(t.kind)) return { error: `cannot follow a ${t.kind}; it takes ${accept.join(' or ')}` };
  const versioned = t.kind === 'KTable' ? derivedVersioning(p ?? {}, t) : undefined;
  return { kind: t.kind, windowed: t.windowed, sessionWindowed: t.sessionWindowed, ...(versioned !== undefined ? { versionedRetentionMs: versioned } : {}) };
};

export const requireKind = (accept: string[], produce: OutputType['kind'], extra: Partial<OutputType> = {}) => (inputs: Record<string, OutputType[]>) => {
  const t = first(inputs);
  if (!t) return { error: 'needs an input', code: 'E_INPUT_MISSING' as const };
  if (!accept.includes(t.kind)) return { error: `cannot follow a ${t.kind}; it takes ${accept.join(' or ')}` };
  return { kind: produce, ...extra };
};

/**
 * Output of count/reduce/aggregate: a KTable, windowed when the input was windowed. A cogroup (and
 * its windowedBy) takes only aggregate (Kafka's CogroupedKStream has no count or reduce).
 */
export function aggregationOutput(inputs: Record<string, OutputType[]>, _params?: unknown, cogroupOk = false): OutputType | OutputError {
  const t = first(inputs);
  if (!t) return { error: 'needs an input', code: 'E_INPUT_MISSING' as const };
  if (!cogroupOk && isCogrouped(t.kind)) return { error: `a ${t.kind} takes only aggregate (with an initializer; the aggregators are on the cogroup)` };
  switch (t.kind) {
    case 'KGroupedStream':
    case 'KGroupedTable':
    case 'CogroupedKStream':
      return { kind: 'KTable' };
    case 'TimeWindowedKStream':
    case 'TimeWindowedCogroupedKStream':
      return { kind: 'KTable', windowed: true };
    case 'SessionWindowedKStream':
    case 'SessionWindowedCogroupedKStream':
      return { kind: 'KTable', windowed: true, sessionWindowed: true };
    default:
      return { error: `cannot aggregate a ${t.kind}; group it first (groupByKey or groupBy)` };
  }
}

export const AGGREGATABLE = ['KGroupedStream', 'KGroupedTable', 'TimeWindowedKStream', 'SessionWindowedKStream'] as const;

/** What a cogroup (and windowedBy over one) gives: aggregate takes it with an initializer only. */
export const COGROUPED = ['CogroupedKStream', 'TimeWindowedCogroupedKStream', 'SessionWindowedCogroupedKStream'] as const;

export const isCogrouped = (kind: StreamKind | undefined): boolean => !!kind && (COGROUPED as readonly string[]).includes(kind);

export const retentionSpec: ParamSpec = { name: 'retentionMs', label: 'Retention', control: { type: 'duration' }, optional: true, help: 'Windowed stores: how long windows are kept (at least size + grace).' };
