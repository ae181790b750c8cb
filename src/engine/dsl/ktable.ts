/** KTable: a changelog stream. Processors forward Change {newValue, oldValue} records. */
import type { KeyValue, KTableApi } from '../api';
import type { Processor } from '../core/topology-spec';
import type { Serde } from '../serdes';
import { joinTable } from '../joins/index';
import {
  TableFilterProcessor,
  TableMapValuesProcessor,
  TableRepartitionMapProcessor,
} from '../processors/table-processors';
import { StepProcessor } from '../core/step';
import { TO_STREAM } from '../processors/steps';
import { SuppressBuffer, SuppressProcessor } from '../processors/suppress';
import type { OldValues } from '../processors/table-emitter';
import type { StreamsBuilder } from './builder';
import { Grouped, Materialized, pick } from './config';
import { KGroupedTableImpl } from './grouped-table';
import { KStreamImpl } from './kstream';
import { nameFrom } from './names';
import type { Suppressed } from './suppressed';
import type { ValueGetterSupplier } from './table-getter';
import { DerivedTableNode, StoredTableNode, SuppressedTableNode, tableStore, type TableNode } from './table-nodes';

type F = (...a: never[]) => unknown;

/** What a windowed table's keys are, so suppress(untilWindowCloses) knows its grace. */
export interface WindowInfo {
  type: 'time' | 'sliding' | 'session';
  graceMs: number;
  gapMs: number;
}

export class KTableImpl<K = any, V = any> implements KTableApi<K, V> {
  constructor(
    readonly builder: StreamsBuilder,
    readonly nodeName: string,
    readonly owner: string,
    /** The queryable store, if this table is materialized under a name. */
    private readonly storeName: string | null,
    /** What this table offers the operators built on it: reading by key, sending old values. */
    readonly node: TableNode,
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
    /** Set on windowed tables, so suppress(untilWindowCloses) knows their grace. */
    readonly windowInfo: WindowInfo | null = null,
  ) {}

  get spec() {
    return this.builder.spec;
  }

  /** Read by this table's processor: whether it forwards old values. */
  get oldValues(): OldValues {
    return this.node.oldValues;
  }

  queryableStoreName(): string | null {
    return this.storeName ?? this.node.valueStore;
  }

  /**
   * Kafka's KTableImpl#enableSendingOldValues: with forceMaterialization (the default) turns old
   * values on, creating a store if needed; without, only when no store must be created for it (an
   * unmaterialized source table says no). Returns whether old values are on.
   */
  enableSendingOldValues(forceMaterialization = true): boolean {
    if (this.node.oldValues.enabled) return true;
    return this.node.enableSendingOldValues(forceMaterialization);
  }

  /** The history retention when this table's output is versioned (inherited through unmaterialized operators), else null. */
  versionedRetention(): number | null {
    return this.node.versionedRetention();
  }

  /** The value getter (Kafka's valueGetterSupplier): how a processor reads this table by key. */
  valueGetterSupplier(): ValueGetterSupplier {
    return this.node.view();
  }

  addProcessor(name: string, owner: string, factory: () => Processor, stores: string[] = [], parents = [this.nodeName]): string {
    this.spec.addNode({ name, owner, type: 'processor', parents, factory, stores: [...stores], topics: [] });
    return name;
  }

  /** filter, filterNot and mapValues: a new table computed from this one, optionally materialized. */
  private derive<V2>(prefix: string, args: unknown[], make: (old: OldValues, store: string | null, inputVersioned: boolean, caching: boolean) => Processor, compute: (v: unknown, k: unknown) => unknown): KTableImpl<K, V2> {
    const name = nameFrom(this.spec, args, prefix);
    const mat = pick(args, Materialized);
    const store = mat?.storeName ?? null;
    const retention = mat?.historyRetentionMs ?? null;
    // A materialized child reads old values from its own store and leaves its parent alone.
    const node = store ? new StoredTableNode(store, undefined, retention) : new DerivedTableNode(this, compute);
    if (store) this.spec.addStore({ name: store, kind: 'keyValue', factory: tableStore(store, retention), logging: mat!.logging });
    // Kafka's versioned semantics: an operator whose input is versioned keeps (null, null) changes and
    // passes the "latest" mark on; asked when the processor starts, after the topology is built.
    const caching = store !== null && retention === null && mat!.caching;
    this.addProcessor(name, name, () => make(node.oldValues, store, this.versionedRetention() !== null, caching), store ? [store] : []);
    return new KTableImpl<K, V2>(this.builder, name, name, store, node, this.keySerde);
  }

  filter(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KTableImpl<K, V> {
    const p = predicate as (k: unknown, v: unknown) => boolean;
    return this.filtered(this.derive('KTABLE-FILTER', args, (old, store, versioned, caching) => new TableFilterProcessor(p, false, old, store, versioned, caching), (v, k) => (p(k, v) ? v : null)));
  }
  filterNot(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KTableImpl<K, V> {
    const p = predicate as (k: unknown, v: unknown) => boolean;
    return this.filtered(this.derive('KTABLE-FILTER', args, (old, store, versioned, caching) => new TableFilterProcessor(p, true, old, store, versioned, caching), (v, k) => (p(k, v) ? null : v)));
  }
  /**
   * Kafka's KTableFilter constructor: when this table can send old values without a new store (it is
   * materialized, or an aggregation/join), the filter uses them and skips needless tombstones
   * (KTableImplTest.testMaterializedKTable).
   */
  private filtered<V2>(child: KTableImpl<K, V2>): KTableImpl<K, V2> {
    if (this.enableSendingOldValues(false)) child.oldValues.enabled = true;
    return child;
  }
  mapValues<VR>(mapper: (v: V, k: K) => VR, ...args: unknown[]): KTableImpl<K, VR> {
    const m = mapper as (v: unknown, k: unknown) => unknown;
    return this.derive('KTABLE-MAPVALUES', args, (old, store, _versioned, caching) => new TableMapValuesProcessor(m, old, store, caching), m);
  }

  toStream(...args: unknown[]): KStreamImpl<K, V> {
    const name = nameFrom(this.spec, args, 'KTABLE-TOSTREAM');
    this.addProcessor(name, name, () => new StepProcessor(TO_STREAM, null));
    return new KStreamImpl<K, V>(this.builder, name, false, this.keySerde, this.valueSerde);
  }

  groupBy<KR, VR>(selector: (k: K, v: V) => KeyValue<KR, VR>, grouped?: Grouped): KGroupedTableImpl<KR, VR> {
    this.enableSendingOldValues();
    const base = grouped?.name ?? this.spec.generatedName('KTABLE-SELECT');
    const name = this.spec.uniqueName(base);
    this.addProcessor(name, base, () => new TableRepartitionMapProcessor(selector as F as never, this.versionedRetention() !== null));
    // A KGroupedTable always goes through a repartition topic (Kafka's KTableRepartitionMap).
    const source = this.builder.addRepartition(name, base, base, null);
    return new KGroupedTableImpl<KR, VR>(this.builder, source, base);
  }

  join(...args: unknown[]): KTableImpl<K, any> {
    return joinTable(this, 'inner', args) as KTableImpl<K, any>;
  }
  leftJoin(...args: unknown[]): KTableImpl<K, any> {
    return joinTable(this, 'left', args) as KTableImpl<K, any>;
  }
  outerJoin(...args: unknown[]): KTableImpl<K, any> {
    return joinTable(this, 'outer', args) as KTableImpl<K, any>;
  }

  suppress(suppressed: Suppressed): KTableImpl<K, V> {
    const name = suppressed.name ? this.spec.uniqueName(suppressed.name) : this.spec.generatedName('KTABLE-SUPPRESS');
    const bufferName = `${name}-store`;
    let durationMs = suppressed.timeLimitMs;
    // Kafka: "suppress() is only supported for non-versioned KTables".
    if (this.versionedRetention() !== null) throw new Error(`suppress() is only supported for non-versioned KTables, but "${this.owner}" is versioned`);
    if (suppressed.mode === 'untilWindowCloses') {
      if (!this.windowInfo) throw new Error(`suppress(untilWindowCloses) needs a windowed KTable, but "${this.owner}" is not windowed`);
      durationMs = this.windowInfo.graceMs + (this.windowInfo.type === 'session' ? this.windowInfo.gapMs : 0);
    }
    this.enableSendingOldValues();
    this.spec.addStore({ name: bufferName, kind: 'buffer', factory: () => new SuppressBuffer(bufferName), logging: true });
    const config = { mode: suppressed.mode, durationMs, maxRecords: suppressed.buffer.maxRecords, maxBytes: suppressed.buffer.maxBytes, whenFull: suppressed.buffer.whenFull };
    this.addProcessor(name, suppressed.name ?? name, () => new SuppressProcessor(config, bufferName), [bufferName]);
    return new KTableImpl<K, V>(this.builder, name, suppressed.name ?? name, null, new SuppressedTableNode(this, bufferName), this.keySerde, this.valueSerde, this.windowInfo);
  }
}
