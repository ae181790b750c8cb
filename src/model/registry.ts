/** Every operator descriptor, by kind. Palette, inspector, validation, compiler and codegen read this. */
import type { OperatorCategory, OperatorDescriptor } from './descriptor';
import { aggregate } from './operators/aggregate';
import { cogroup } from './operators/cogroup';
import { count } from './operators/count';
import { filter } from './operators/filter';
import { filterNot } from './operators/filterNot';
import { flatMap } from './operators/flatMap';
import { flatMapValues } from './operators/flatMapValues';
import { globalTable } from './operators/globalTable';
import { groupBy } from './operators/groupBy';
import { groupByKey } from './operators/groupByKey';
import { join } from './operators/join';
import { leftJoin } from './operators/leftJoin';
import { map } from './operators/map';
import { mapValues } from './operators/mapValues';
import { merge } from './operators/merge';
import { outerJoin } from './operators/outerJoin';
import { peek } from './operators/peek';
import { process } from './operators/process';
import { processValues } from './operators/processValues';
import { reduce } from './operators/reduce';
import { repartition } from './operators/repartition';
import { selectKey } from './operators/selectKey';
import { split } from './operators/split';
import { stream } from './operators/stream';
import { suppress } from './operators/suppress';
import { table } from './operators/table';
import { to } from './operators/to';
import { toStream } from './operators/toStream';
import { toTable } from './operators/toTable';
import { windowedBy } from './operators/windowedBy';
import { CONNECTORS } from './connectors/all';
import { connectorOperator } from './connectors/connector-operator';

type AnyDescriptor = OperatorDescriptor<Record<string, unknown>>;

export const OPERATORS: readonly AnyDescriptor[] = [
  stream, table, globalTable,
  filter, filterNot, map, mapValues, flatMap, flatMapValues, selectKey, peek, split, merge,
  process, processValues,
  repartition, groupByKey, groupBy, cogroup, windowedBy,
  count, reduce, aggregate,
  join, leftJoin, outerJoin,
  suppress, toStream, toTable,
  to,
  ...CONNECTORS.map(connectorOperator),
] as unknown as AnyDescriptor[];

const BY_KIND = new Map(OPERATORS.map((d) => [d.kind, d]));

export function getOperator(kind: string): AnyDescriptor | undefined {
  return BY_KIND.get(kind);
}

export function operatorsByCategory(): Map<OperatorCategory, AnyDescriptor[]> {
  const out = new Map<OperatorCategory, AnyDescriptor[]>();
  for (const d of OPERATORS) {
    const list = out.get(d.category) ?? [];
    list.push(d);
    out.set(d.category, list);
  }
  return out;
}
