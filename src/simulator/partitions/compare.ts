/**
 * "1 partition vs N partitions" per sink topic: the records that appear only with N partitions,
 * those that disappear, and the keys whose records come in another order. Records are compared by
 * key and value (timestamps included), as multisets; order is compared per key, because Kafka
 * orders only within a partition and a key stays in one partition. Pure.
 */
import type { SimulationResult } from '../types';
import type { PartitionedRecord } from './partitioned';

type Out = SimulationResult['sinks'][string][number];

export interface SinkComparison {
  topic: string;
  appeared: Out[];
  disappeared: Out[];
  /** Keys whose records are the same but in another order. */
  reorderedKeys: unknown[];
  same: boolean;
}

const text = (r: Out) => JSON.stringify([r.key, r.value, r.timestamp]);

export function compareSinks(one: SimulationResult['sinks'], many: Record<string, PartitionedRecord[]>): SinkComparison[] {
  const topics = [...new Set([...Object.keys(one), ...Object.keys(many)])].sort();
  return topics.map((topic) => {
    const a = one[topic] ?? [];
    const b = (many[topic] ?? []).map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
    const appeared = minus(b, a);
    const disappeared = minus(a, b);
    const reorderedKeys = reordered(a, b);
    return { topic, appeared, disappeared, reorderedKeys, same: !appeared.length && !disappeared.length && !reorderedKeys.length };
  });
}

/** The records of `xs` left after taking out one of `ys` for each (multiset difference, in xs's order). */
function minus(xs: Out[], ys: Out[]): Out[] {
  return splitByCopies(xs, ys, text)[1];
}

/**
 * `xs` split in two, in its order: the records matched by a copy in `ys` (each copy of ys matches one
 * record of xs, by `id`), and the rest.
 */
export function splitByCopies<T>(xs: readonly T[], ys: readonly T[], id: (r: T) => string): [T[], T[]] {
  const left = new Map<string, number>();
  for (const y of ys) left.set(id(y), (left.get(id(y)) ?? 0) + 1);
  const matched: T[] = [];
  const rest: T[] = [];
  for (const x of xs) {
    const n = left.get(id(x)) ?? 0;
    if (n > 0) left.set(id(x), n - 1);
    (n > 0 ? matched : rest).push(x);
  }
  return [matched, rest];
}

/** Keys with the same records on both sides, in a different order. */
function reordered(a: Out[], b: Out[]): unknown[] {
  const byKey = (rs: Out[]) => new Map([...groupedBy(rs, (r) => JSON.stringify(r.key))].map(([k, list]) => [k, list.map(text)]));
  const ka = byKey(a);
  const kb = byKey(b);
  const out: unknown[] = [];
  for (const [k, xs] of ka) {
    const ys = kb.get(k);
    if (!ys || xs.join('\n') === ys.join('\n')) continue;
    if ([...xs].sort().join('\n') === [...ys].sort().join('\n')) out.push(JSON.parse(k));
  }
  return out;
}

/** Records grouped by `id`, each group in the records' order. */
export function groupedBy<T>(rs: readonly T[], id: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rs) {
    const k = id(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
