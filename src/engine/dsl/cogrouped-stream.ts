/**
 * CogroupedKStream (Kafka's CogroupedKStreamImpl and CogroupedStreamAggregateBuilder): several grouped
 * streams fold into ONE aggregate per key (per window), each with its own aggregator and the shared
 * initializer (and, for sessions, the one merger). Built as Kafka builds it: one aggregation processor
 * per input, all on the same store (so each keeps its own stream time, as Kafka's do), and a
 * pass-through "merge" processor they all forward to, which the resulting table hangs from.
 */
import type { Windowed } from '../api';
import type { TopologySpec } from '../core/topology-spec';
import { aggregateAggregation } from '../processors/aggregators';
import { StepProcessor } from '../core/step';
import { PASS } from '../processors/steps';
import { Materialized, pick, type EmitMode } from './config';
import type { KGroupedStreamImpl } from './grouped-stream';
import { KTableImpl } from './ktable';
import { nameFrom, storeNameFrom } from './names';
import { StoredTableNode } from './table-nodes';
import { plainParts, windowParts, type AggregationParts, type Merger } from './aggregation-parts';
import { SessionWindows, SlidingWindows, TimeWindows } from '../windows';

type Fn = (...a: never[]) => unknown;

export interface CogroupInput {
  grouped: KGroupedStreamImpl<any, any>; // any key and value type: a cogroup erases them
  aggregator: (key: unknown, value: unknown, aggregate: unknown) => unknown;
}

/** The name, store and table node of an aggregation, from its Named/Materialized arguments. */
export function aggregationTarget(spec: TopologySpec, prefix: string, args: unknown[], parts: AggregationParts) {
  const name = nameFrom(spec, args, prefix);
  const mat = pick(args, Materialized);
  const storeName = parts.store(storeNameFrom(spec, args, name), mat?.logging ?? true);
  const node = new StoredTableNode(storeName, parts.windowed?.view(storeName));
  return { name, storeName, node, caching: mat ? mat.caching : true, queryable: mat?.storeName ?? null };
}

/** Adds one aggregation processor per input on one shared store, and the merge node; returns the table. */
function addCogroupAggregation<K, VA>(inputs: readonly CogroupInput[], initializer: () => unknown, args: unknown[], parts: AggregationParts): KTableImpl<K, VA> {
  const builder = inputs[0].grouped.builder;
  const spec = builder.spec;
  const t = aggregationTarget(spec, 'COGROUPKSTREAM-AGGREGATE', args, parts);
  const aggNames = inputs.map((input, i) => {
    const aggName = spec.uniqueName(`${t.name}-cogroup-agg-${i}`);
    const aggregation = aggregateAggregation(initializer, input.aggregator);
    input.grouped.input(aggName).addProcessor(aggName, t.name, () => parts.processor(aggregation, t.storeName, t.caching, t.node.oldValues), [t.storeName]);
    return aggName;
  });
  const merge = spec.uniqueName(`${t.name}-cogroup-merge`);
  spec.addNode({ name: merge, owner: t.name, type: 'processor', parents: aggNames, factory: () => new StepProcessor(PASS, null), stores: [], topics: [] });
  return new KTableImpl<K, VA>(builder, merge, t.name, t.queryable, t.node, undefined, undefined, parts.windowed?.info ?? null);
}

export class CogroupedKStreamImpl<K, VA> {
  constructor(private readonly inputs: CogroupInput[]) {}

  /** Adds another grouped stream with its own aggregator (Kafka returns the same CogroupedKStream). */
  cogroup<V>(grouped: KGroupedStreamImpl<K, V>, aggregator: (k: K, v: V, a: VA) => VA): this {
    if (this.inputs.some((i) => i.grouped === (grouped as unknown))) throw new Error('cogroup: this grouped stream is already part of the cogroup');
    this.inputs.push({ grouped: grouped as unknown as CogroupInput['grouped'], aggregator: aggregator as Fn as CogroupInput['aggregator'] });
    return this;
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedCogroupedKStreamImpl<K, VA>;
  windowedBy(windows: SessionWindows): SessionWindowedCogroupedKStreamImpl<K, VA>;
  windowedBy(windows: unknown): TimeWindowedCogroupedKStreamImpl<K, VA> | SessionWindowedCogroupedKStreamImpl<K, VA> {
    if (windows instanceof SessionWindows) return new SessionWindowedCogroupedKStreamImpl<K, VA>(this.inputs, windows);
    if (windows instanceof TimeWindows || windows instanceof SlidingWindows) return new TimeWindowedCogroupedKStreamImpl<K, VA>(this.inputs, windows);
    throw new Error('windowedBy expects TimeWindows, SlidingWindows or SessionWindows');
  }

  aggregate(initializer: () => VA, ...args: unknown[]): KTableImpl<K, VA> {
    return addCogroupAggregation<K, VA>(this.inputs, initializer, args, plainParts(this.inputs[0].grouped.builder.spec));
  }
}

/** Cogrouped windows have no emitStrategy in Kafka: they always emit on update. */
const ON_UPDATE: EmitMode = 'onWindowUpdate';

export class TimeWindowedCogroupedKStreamImpl<K, VA> {
  constructor(
    private readonly inputs: readonly CogroupInput[],
    private readonly windows: TimeWindows | SlidingWindows,
  ) {}

  aggregate(initializer: () => VA, ...args: unknown[]): KTableImpl<Windowed<K>, VA> {
    const parts = windowParts(this.inputs[0].grouped.builder.spec, this.windows, ON_UPDATE, pick(args, Materialized), null);
    return addCogroupAggregation<Windowed<K>, VA>(this.inputs, initializer, args, parts);
  }
}

export class SessionWindowedCogroupedKStreamImpl<K, VA> {
  constructor(
    private readonly inputs: readonly CogroupInput[],
    private readonly windows: SessionWindows,
  ) {}

  aggregate(initializer: () => VA, merger: (k: K, a: VA, b: VA) => VA, ...args: unknown[]): KTableImpl<Windowed<K>, VA> {
    const parts = windowParts(this.inputs[0].grouped.builder.spec, this.windows, ON_UPDATE, pick(args, Materialized), merger as Fn as Merger);
    return addCogroupAggregation<Windowed<K>, VA>(this.inputs, initializer, args, parts);
  }
}
