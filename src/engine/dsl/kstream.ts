/** KStream: a record stream. Each method adds processors to the topology spec and returns a new KStream. */
import type { KeyValue, KStreamApi } from '../api';
import type { Processor } from '../core/topology-spec';
import type { Serde } from '../serdes';
import { BranchProcessor, FlatMapProcessor, FlatMapValuesProcessor } from '../processors/stateless';
import { StepProcessor } from '../core/step';
import { FILTER, MAP, MAP_VALUES, PASS, PEEK, SELECT_KEY } from '../processors/steps';
import { TableSourceProcessor } from '../processors/table-processors';
import { joinStream } from '../joins/index';
import type { StreamsBuilder } from './builder';
import { Branched, Grouped, Materialized, Named, Produced, Repartitioned, pick } from './config';
import { KGroupedStreamImpl } from './grouped-stream';
import { KTableImpl } from './ktable';
import { SourceTableNode } from './table-nodes';
import { nameFrom, storeNameFrom } from './names';
import { nameTable } from '../name-table';
import type { ProcessorSupplier } from '../processor-api';
import { UserProcessorAdapter } from '../processors/user-processor';
import { isStoreBuilder, storeSpecOf } from '../stores/processor-stores';

type F = (...a: never[]) => unknown;

export class KStreamImpl<K = any, V = any> implements KStreamApi<K, V> {
  constructor(
    readonly builder: StreamsBuilder,
    /** The processor node new operations attach to. */
    readonly nodeName: string,
    /** True after a key-changing operation: grouping or joining must go through a repartition topic. */
    readonly repartitionRequired: boolean,
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
  ) {}

  get spec() {
    return this.builder.spec;
  }

  /** Adds a processor below this stream; used by every operator here and by the joins. */
  addProcessor(name: string, owner: string, factory: () => Processor, stores: string[] = [], parents = [this.nodeName]): string {
    this.spec.addNode({ name, owner, type: 'processor', parents, factory, stores: [...stores], topics: [] });
    return name;
  }

  private derive<K2, V2>(prefix: string, args: unknown[], factory: () => Processor, keyChanged: boolean): KStreamImpl<K2, V2> {
    const name = nameFrom(this.spec, args, prefix);
    this.addProcessor(name, name, factory);
    return new KStreamImpl<K2, V2>(this.builder, name, this.repartitionRequired || keyChanged, keyChanged ? undefined : this.keySerde, this.valueSerde);
  }

  filter(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KStreamImpl<K, V> {
    return this.derive('KSTREAM-FILTER', args, () => new StepProcessor(FILTER, { fn: predicate as F as never, negate: false }), false);
  }
  filterNot(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KStreamImpl<K, V> {
    return this.derive('KSTREAM-FILTER', args, () => new StepProcessor(FILTER, { fn: predicate as F as never, negate: true }), false);
  }
  map<KR, VR>(mapper: (k: K, v: V) => KeyValue<KR, VR> | null, ...args: unknown[]): KStreamImpl<KR, VR> {
    return this.derive('KSTREAM-MAP', args, () => new StepProcessor(MAP, mapper as F as never), true);
  }
  mapValues<VR>(mapper: (v: V, k: K) => VR, ...args: unknown[]): KStreamImpl<K, VR> {
    return this.derive('KSTREAM-MAPVALUES', args, () => new StepProcessor(MAP_VALUES, mapper as F as never), false);
  }
  flatMap<KR, VR>(mapper: (k: K, v: V) => Iterable<KeyValue<KR, VR>> | null, ...args: unknown[]): KStreamImpl<KR, VR> {
    return this.derive('KSTREAM-FLATMAP', args, () => new FlatMapProcessor(mapper as F as never), true);
  }
  flatMapValues<VR>(mapper: (v: V, k: K) => Iterable<VR> | null, ...args: unknown[]): KStreamImpl<K, VR> {
    return this.derive('KSTREAM-FLATMAPVALUES', args, () => new FlatMapValuesProcessor(mapper as F as never), false);
  }
  selectKey<KR>(mapper: (k: K, v: V) => KR, ...args: unknown[]): KStreamImpl<KR, V> {
    return this.derive('KSTREAM-KEY-SELECT', args, () => new StepProcessor(SELECT_KEY, mapper as F as never), true);
  }
  peek(action: (k: K, v: V) => void, ...args: unknown[]): KStreamImpl<K, V> {
    return this.derive('KSTREAM-PEEK', args, () => new StepProcessor(PEEK, action as F as never), false);
  }

  /**
   * The Processor API inside the DSL: `args` may hold a Named and the names of stores (added with
   * builder.addStateStore) or store builders (Kafka's ProcessorSupplier#stores) the processor uses.
   * The result may have any key (a repartition follows before grouping or joining).
   */
  process<KR = any, VR = any>(supplier: ProcessorSupplier<K, V, KR, VR>, ...args: unknown[]): KStreamImpl<KR, VR> {
    return this.userProcessor(supplier, false, args) as KStreamImpl<KR, VR>;
  }
  /** process() whose forwarded records keep the input record's key (Kafka's FixedKeyProcessor). */
  processValues<VR = any>(supplier: ProcessorSupplier<K, V, K, VR>, ...args: unknown[]): KStreamImpl<K, VR> {
    return this.userProcessor(supplier, true, args) as KStreamImpl<K, VR>;
  }

  private userProcessor(supplier: ProcessorSupplier, fixedKey: boolean, args: unknown[]): KStreamImpl {
    const stores: string[] = [];
    for (const a of args) {
      if (typeof a === 'string') stores.push(a);
      else if (isStoreBuilder(a)) {
        this.spec.addStore(storeSpecOf(a));
        stores.push(a.name);
      }
    }
    for (const s of stores) if (!this.spec.stores.has(s)) throw new Error(`Invalid topology: state store "${s}" is not added (builder.addStateStore) before it is used`);
    const name = nameFrom(this.spec, args, fixedKey ? 'KSTREAM-PROCESSVALUES' : 'KSTREAM-PROCESSOR');
    this.addProcessor(name, pick(args, Named)?.name ?? name, () => new UserProcessorAdapter(supplier, fixedKey, stores), stores);
    return new KStreamImpl(this.builder, name, this.repartitionRequired || !fixedKey, fixedKey ? this.keySerde : undefined, undefined);
  }

  merge(other: KStreamImpl<K, V> | KStreamApi<K, V>, ...args: unknown[]): KStreamImpl<K, V> {
    const o = other as KStreamImpl<K, V>;
    const name = nameFrom(this.spec, args, 'KSTREAM-MERGE');
    this.addProcessor(name, name, () => new StepProcessor(PASS, null), [], [this.nodeName, o.nodeName]);
    return new KStreamImpl<K, V>(this.builder, name, this.repartitionRequired || o.repartitionRequired, this.keySerde, this.valueSerde);
  }

  split(named?: Named): BranchedKStreamImpl<K, V> {
    return new BranchedKStreamImpl<K, V>(this, named?.name ?? null);
  }

  /** Writes to an internal topic and reads it back: the repartition topic boundary of Kafka Streams. */
  repartition(repartitioned?: Repartitioned): KStreamImpl<K, V> {
    const base = repartitioned?.name ?? this.spec.generatedName('KSTREAM-REPARTITION');
    const source = this.builder.addRepartition(this.nodeName, base, base, repartitioned?.partitions ?? null, true);
    return new KStreamImpl<K, V>(this.builder, source, false, this.keySerde, this.valueSerde);
  }

  /** For grouping and joins: this stream, repartitioned first if its key changed. */
  repartitionedIfRequired(baseName: string, owner: string): KStreamImpl<K, V> {
    if (!this.repartitionRequired) return this;
    const source = this.builder.addRepartition(this.nodeName, baseName, owner, null, true);
    return new KStreamImpl<K, V>(this.builder, source, false, this.keySerde, this.valueSerde);
  }

  groupByKey(grouped?: Grouped): KGroupedStreamImpl<K, V> {
    return new KGroupedStreamImpl<K, V>(this, grouped?.name ?? null);
  }

  groupBy<KR>(selector: (k: K, v: V) => KR, grouped?: Grouped): KGroupedStreamImpl<KR, V> {
    const name = grouped?.name ? this.spec.uniqueName(grouped.name) : this.spec.generatedName('KSTREAM-KEY-SELECT');
    this.addProcessor(name, grouped?.name ?? name, () => new StepProcessor(SELECT_KEY, selector as F as never));
    const keyed = new KStreamImpl<KR, V>(this.builder, name, true, undefined, this.valueSerde);
    return new KGroupedStreamImpl<KR, V>(keyed, grouped?.name ?? null);
  }

  join(...args: unknown[]): KStreamImpl<K, any> {
    return joinStream(this, 'inner', args) as KStreamImpl<K, any>;
  }
  leftJoin(...args: unknown[]): KStreamImpl<K, any> {
    return joinStream(this, 'left', args) as KStreamImpl<K, any>;
  }
  outerJoin(...args: unknown[]): KStreamImpl<K, any> {
    return joinStream(this, 'outer', args) as KStreamImpl<K, any>;
  }

  toTable(...args: unknown[]): KTableImpl<K, V> {
    const name = nameFrom(this.spec, args, 'KSTREAM-TOTABLE');
    const mat = pick(args, Materialized);
    const caching = mat ? mat.caching : true;
    const node = new SourceTableNode(this.spec, name, () => storeNameFrom(this.spec, args, name), mat?.logging ?? true, mat?.historyRetentionMs ?? null);
    const source = this.repartitionedIfRequired(name, name);
    source.addProcessor(name, name, () => new TableSourceProcessor(() => node.storeName, caching, node.oldValues));
    // After the node exists, so the store is connected to it (describe() lists it there, as Kafka's).
    if (mat?.storeName) node.materialize();
    const table = new KTableImpl<K, V>(this.builder, name, name, mat?.storeName ?? null, node);
    return table;
  }

  to(topic: string, produced?: Produced): void {
    const name = produced?.name ? this.spec.uniqueName(produced.name) : this.spec.generatedName('KSTREAM-SINK');
    this.spec.addNode({
      name,
      owner: produced?.name ?? name,
      type: 'sink',
      parents: [this.nodeName],
      stores: [],
      topics: [topic],
      keySerde: produced?.keySerde ?? this.keySerde,
      valueSerde: produced?.valueSerde ?? this.valueSerde,
    });
  }
}

/** split(): branches are tried in order and the first matching predicate wins. */
export class BranchedKStreamImpl<K, V> {
  private readonly branches: { predicate: (k: K, v: V) => boolean; name: string }[] = [];

  constructor(
    private readonly stream: KStreamImpl<K, V>,
    private readonly prefix: string | null,
  ) {}

  branch(predicate: (k: K, v: V) => boolean, branched?: Branched): this {
    const name = (this.prefix ?? '') + (branched?.name ?? String(this.branches.length + 1));
    this.branches.push({ predicate, name });
    return this;
  }

  defaultBranch(branched?: Branched): Record<string, KStreamImpl<K, V>> {
    return this.build((this.prefix ?? '') + (branched?.name ?? '0'));
  }

  noDefaultBranch(): Record<string, KStreamImpl<K, V>> {
    return this.build(null);
  }

  private build(defaultName: string | null): Record<string, KStreamImpl<K, V>> {
    const spec = this.stream.spec;
    const owner = this.prefix ?? spec.generatedName('KSTREAM-BRANCH');
    const splitName = spec.uniqueName(owner);
    const all = [...this.branches.map((b) => b.name), ...(defaultName !== null ? [defaultName] : [])];
    const childNames = all.map((n) => spec.uniqueName(`${splitName}-branch-${n}`));
    const predicates = this.branches.map((b) => b.predicate as F as never);
    const defaultChild = defaultName !== null ? childNames[childNames.length - 1] : null;
    this.stream.addProcessor(splitName, owner, () => new BranchProcessor(predicates, childNames, defaultChild));
    const out = nameTable<KStreamImpl<K, V>>();
    all.forEach((branchName, i) => {
      this.stream.addProcessor(childNames[i], owner, () => new StepProcessor(PASS, null), [], [splitName]);
      out[branchName] = new KStreamImpl<K, V>(this.stream.builder, childNames[i], this.stream.repartitionRequired, this.stream.keySerde, this.stream.valueSerde);
    });
    return out;
  }
}
