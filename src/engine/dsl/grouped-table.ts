/** KGroupedTable: count / reduce / aggregate with adder and subtractor. */
import type { KGroupedTableApi } from '../api';
import { KeyValueStore } from '../stores/kv-store';
import { TableAggregateProcessor } from '../processors/table-aggregate';
import { aggregateAggregation, countAggregation, reduceAggregation, type TableAggregation } from '../processors/aggregators';
import type { StreamsBuilder } from './builder';
import { Materialized, pick } from './config';
import { KTableImpl } from './ktable';
import { StoredTableNode } from './table-nodes';
import { nameFrom, storeNameFrom } from './names';

type F = (...a: never[]) => unknown;

export class KGroupedTableImpl<K, V> implements KGroupedTableApi<K, V> {
  constructor(
    private readonly builder: StreamsBuilder,
    /** The repartition source the aggregation reads. */
    private readonly sourceNode: string,
    private readonly groupName: string,
  ) {}

  private build<VA>(prefix: string, aggregation: TableAggregation, args: unknown[]): KTableImpl<K, VA> {
    const spec = this.builder.spec;
    const name = nameFrom(spec, args, prefix);
    const mat = pick(args, Materialized);
    const store = storeNameFrom(spec, args, name);
    spec.addStore({ name: store, kind: 'keyValue', factory: () => new KeyValueStore(store), logging: mat?.logging ?? true });
    const node = new StoredTableNode(store);
    const caching = mat ? mat.caching : true;
    spec.addNode({
      name,
      owner: name,
      type: 'processor',
      parents: [this.sourceNode],
      factory: () => new TableAggregateProcessor(aggregation, store, caching, node.oldValues),
      stores: [store],
      topics: [],
    });
    return new KTableImpl<K, VA>(this.builder, name, name, mat?.storeName ?? null, node);
  }

  count(...args: unknown[]): KTableImpl<K, number> {
    return this.build('KTABLE-AGGREGATE', countAggregation, args);
  }
  reduce(adder: (a: V, v: V) => V, subtractor: (a: V, v: V) => V, ...args: unknown[]): KTableImpl<K, V> {
    return this.build('KTABLE-REDUCE', reduceAggregation(adder as F as never, subtractor as F as never), args);
  }
  aggregate<VA>(initializer: () => VA, adder: (k: K, v: V, a: VA) => VA, subtractor: (k: K, v: V, a: VA) => VA, ...args: unknown[]): KTableImpl<K, VA> {
    return this.build('KTABLE-AGGREGATE', aggregateAggregation(initializer, adder as F as never, subtractor as F as never), args);
  }

  get name(): string {
    return this.groupName;
  }
}
