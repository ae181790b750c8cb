/** The aggregation functions of count / reduce / aggregate, in one shape the processors share. */
export interface StreamAggregation {
  /** Starting aggregate for a new key or window; undefined for reduce (the first value is the aggregate). */
  init: (() => unknown) | null;
  add: (key: unknown, value: unknown, agg: unknown) => unknown;
}

export interface TableAggregation extends StreamAggregation {
  subtract: (key: unknown, value: unknown, agg: unknown) => unknown;
}

export const countAggregation: TableAggregation = {
  init: () => 0,
  add: (_k, _v, agg) => (agg as number) + 1,
  subtract: (_k, _v, agg) => (agg as number) - 1,
};

export function reduceAggregation(reducer: (agg: unknown, v: unknown) => unknown, subtractor?: (agg: unknown, v: unknown) => unknown): TableAggregation {
  return {
    init: null,
    add: (_k, v, agg) => (agg === null || agg === undefined ? v : reducer(agg, v)),
    subtract: (_k, v, agg) => (subtractor ? subtractor(agg, v) : agg),
  };
}

export function aggregateAggregation(
  initializer: () => unknown,
  aggregator: (k: unknown, v: unknown, agg: unknown) => unknown,
  subtractor?: (k: unknown, v: unknown, agg: unknown) => unknown,
): TableAggregation {
  return { init: initializer, add: aggregator, subtract: subtractor ?? ((_k, _v, agg) => agg) };
}

/** Initial aggregate (null for reduce). */
export function initial(a: StreamAggregation): unknown {
  return a.init ? a.init() : null;
}
