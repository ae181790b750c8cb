/** StreamsBuilder: the entry point of the DSL. Sources, tables and global tables start here. */
import type { StreamsBuilderApi } from '../api';
import { TopologySpec } from '../core/topology-spec';
import type { StreamRecord } from '../core/record';
import type { Serde } from '../serdes';
import { KeyValueStore } from '../stores/kv-store';
import { TableSourceProcessor } from '../processors/table-processors';
import { Topology } from '../topology';
import { Consumed, Materialized, pick } from './config';
import { KStreamImpl } from './kstream';
import { KTableImpl } from './ktable';
import { SourceTableNode } from './table-nodes';
import type { ValueGetterSupplier } from './table-getter';
import { storeSpecOf, type StoreBuilder } from '../stores/processor-stores';

export interface InternalTopic {
  parents: string[];
  topic: string;
  sink: string;
  source: string;
  owner: string;
  partitions?: number | null;
  streamRepartition?: boolean;
  /** The key serde of the topic's records (default JSON): its bytes decide the partition on Kafka. */
  keySerde?: Serde;
  /** Picks the partition of each record instead of the key's hash (Kafka's StreamPartitioner). */
  partitionOf?: (record: StreamRecord) => number;
}

export class GlobalKTableImpl<K = any, V = any> {
  readonly __globalTable = true as const;
  constructor(
    readonly queryableStoreName: string,
    readonly topic: string,
  ) {}
  /** Global tables are read by key through their (shared) store. */
  valueGetterSupplier(): ValueGetterSupplier {
    const store = this.queryableStoreName;
    return {
      storeNames: [store],
      create: (ctx) => {
        const s = ctx.getStateStore(store) as KeyValueStore<K, V>;
        return (key) => s.get(key as K);
      },
    };
  }
}

export class StreamsBuilder implements StreamsBuilderApi {
  readonly spec = new TopologySpec();

  private sourceName(consumed: Consumed | undefined, prefix: string): string {
    return consumed?.name ? this.spec.uniqueName(consumed.name) : this.spec.generatedName(prefix);
  }

  stream<K = any, V = any>(topics: string | string[], consumed?: Consumed): KStreamImpl<K, V> {
    const name = this.sourceName(consumed, 'KSTREAM-SOURCE');
    const list = Array.isArray(topics) ? topics : [topics];
    this.spec.addNode({ name, owner: consumed?.name ?? name, type: 'source', parents: [], stores: [], topics: list, keySerde: consumed?.keySerde, valueSerde: consumed?.valueSerde });
    return new KStreamImpl<K, V>(this, name, false, consumed?.keySerde, consumed?.valueSerde);
  }

  table<K = any, V = any>(topic: string, ...args: unknown[]): KTableImpl<K, V> {
    const consumed = pick(args, Consumed);
    const mat = pick(args, Materialized);
    const source = this.sourceName(consumed, 'KSTREAM-SOURCE');
    const owner = consumed?.name ?? source;
    this.spec.addNode({ name: source, owner, type: 'source', parents: [], stores: [], topics: [topic], keySerde: consumed?.keySerde, valueSerde: consumed?.valueSerde });
    const name = this.spec.uniqueName(consumed?.name ? `${consumed.name}-table` : this.spec.generatedName('KTABLE-SOURCE'));
    const node = new SourceTableNode(this.spec, name, () => mat?.storeName ?? this.spec.uniqueName(`${owner}-store`), mat?.logging ?? true, mat?.historyRetentionMs ?? null);
    this.spec.addNode({
      name,
      owner,
      type: 'processor',
      parents: [source],
      factory: () => new TableSourceProcessor(() => node.storeName, mat ? mat.caching : true, node.oldValues),
      stores: [],
      topics: [],
    });
    if (mat?.storeName) node.materialize();
    const table = new KTableImpl<K, V>(this, name, owner, mat?.storeName ?? null, node, consumed?.keySerde, consumed?.valueSerde);
    return table;
  }

  globalTable<K = any, V = any>(topic: string, ...args: unknown[]): GlobalKTableImpl<K, V> {
    const consumed = pick(args, Consumed);
    const mat = pick(args, Materialized);
    // Kafka's StreamsBuilder#globalTable refuses a versioned store supplier.
    if (mat && mat.historyRetentionMs !== null) throw new Error('a global table cannot be materialized in a versioned store');
    const source = this.sourceName(consumed, 'KSTREAM-SOURCE');
    const owner = consumed?.name ?? source;
    const store = mat?.storeName ?? this.spec.uniqueName(`${owner}-store`);
    this.spec.globalTopics.add(topic);
    this.spec.addNode({ name: source, owner, type: 'source', parents: [], stores: [], topics: [topic], keySerde: consumed?.keySerde, valueSerde: consumed?.valueSerde });
    this.spec.addStore({ name: store, kind: 'keyValue', factory: () => new KeyValueStore(store), logging: false, global: true });
    const name = this.spec.uniqueName(`${owner}-global`);
    this.spec.addNode({
      name,
      owner,
      type: 'processor',
      parents: [source],
      stores: [store],
      topics: [],
      factory: () => {
        let s: KeyValueStore;
        return {
          init: (ctx) => (s = ctx.getStateStore<KeyValueStore>(store)),
          process: (r: StreamRecord) => {
            if (r.key !== null && r.key !== undefined) s.put(r.key, r.value ?? null, r.timestamp);
          },
        };
      },
    });
    return new GlobalKTableImpl<K, V>(store, topic);
  }

  /** Adds a state store for processors to use by name (Kafka's StreamsBuilder#addStateStore). */
  addStateStore(store: StoreBuilder): this {
    if (this.spec.stores.has(store.name)) throw new Error(`Invalid topology: state store "${store.name}" is already added`);
    this.spec.addStore(storeSpecOf(store));
    return this;
  }

  /**
   * A repartition topic: a sink to `<base>-repartition` and a source reading it back. Records written
   * there are processed after the current record, as Kafka does across sub-topologies.
   * Returns the name of the source node.
   */
  addRepartition(parent: string, base: string, owner: string, partitions: number | null, streamRepartition = false): string {
    const topic = this.spec.internalTopics.has(`${base}-repartition`) ? this.spec.uniqueName(`${base}-repartition`) : `${base}-repartition`;
    return this.addInternalTopic({ parents: [parent], topic, sink: `${topic}-sink`, source: `${topic}-source`, owner, partitions, streamRepartition });
  }

  /**
   * An internal topic under the given names (a sink writing it and a source reading it back), for
   * operations Kafka names differently (the foreign-key join's subscription topics). Returns the source.
   */
  addInternalTopic(t: InternalTopic): string {
    this.spec.internalTopics.set(t.topic, t.partitions ?? null);
    const sink = this.spec.uniqueName(t.sink);
    const source = this.spec.uniqueName(t.source);
    const serdes = t.keySerde ? { keySerde: t.keySerde } : {};
    this.spec.addNode({ name: sink, owner: t.owner, type: 'sink', parents: t.parents, stores: [], topics: [t.topic], internal: true, ...serdes, ...(t.streamRepartition ? { streamRepartition: true } : {}), ...(t.partitionOf ? { partitionOf: t.partitionOf } : {}) });
    this.spec.addNode({ name: source, owner: t.owner, type: 'source', parents: [], stores: [], topics: [t.topic], ...serdes });
    return source;
  }

  build(): Topology {
    this.spec.markNullKeyFilters();
    return new Topology(this.spec);
  }
}

