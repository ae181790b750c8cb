/** KTable: a changelog stream. Processors forward Change {newValue, oldValue} records. */
import type { KeyValue, KTableApi } from '../api';
import type { Processor } from '../core/topology-spec';
import type { Serde } from '../serdes';
import { KeyValueStore } from '../stores/kv-store';
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

type F = (...a: never[]) => unknown;

/** What a windowed table's keys are, so suppress(untilWindowCloses) knows its grace. */
export interface WindowInfo {
  type: 'time' | 'sliding' | 'session';
  graceMs: number;
  gapMs: number;
}

export class KTableImpl<K = any, V = any> implements KTableApi<K, V> {
  /** Turned on when a downstream operator needs old values; read by this table's processor. */
  readonly oldValues: OldValues = { enabled: false };
  /** Propagates the old-values request upstream (filter/mapValues need their parent's old values). */
  enableParentOldValues: (() => void) | null = null;
  /** Materializes this table's store on demand (source tables, toTable) and returns its name. */
  materializer: (() => string) | null = null;
  /** Whether the on-demand store exists already (source tables, toTable). */
  materialized: (() => boolean) | null = null;
  /** Asks the parent for old values without forcing it to materialize (unmaterialized filter/mapValues). */
  tryParentOldValues: (() => boolean) | null = null;
  /** The getter, for tables that compute values from a parent (filter, mapValues, suppress). */
  getterSupplier: ValueGetterSupplier | null = null;
  windowInfo: WindowInfo | null = null;

  constructor(
    readonly builder: StreamsBuilder,
    readonly nodeName: string,
    readonly owner: string,
    /** The queryable store, if this table is materialized under a name. */
    private readonly storeName: string | null,
    /** The store that already holds this table's values (aggregations), if any. */
    private readonly valueStore: string | null,
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
  ) {}

  get spec() {
    return this.builder.spec;
  }

  queryableStoreName(): string | null {
    return this.storeName ?? this.valueStore;
  }

  enableSendingOldValues(): void {
    this.oldValues.enabled = true;
    if (this.materializer && !this.valueStore) this.materializer();
    this.enableParentOldValues?.();
  }

  /**
   * Kafka's enableSendingOldValues(forceMaterialization = false): turns old values on only when no
   * store must be created for it (an unmaterialized source table says no) and reports whether it did.
   */
  trySendingOldValues(): boolean {
    if (this.oldValues.enabled) return true;
    if (this.materializer && !this.valueStore && !this.materialized?.()) return false;
    if (this.tryParentOldValues && !this.tryParentOldValues()) return false;
    this.enableSendingOldValues();
    return true;
  }

  /** The value getter: from this table's store, or computed from the parent's getter. */
  valueGetterSupplier(): ValueGetterSupplier {
    if (this.getterSupplier) return this.getterSupplier;
    const store = this.valueStore ?? this.materializer?.() ?? null;
    if (!store) throw new Error(`KTable "${this.owner}" cannot be read by key: it has no store`);
    return {
      storeNames: [store],
      create: (ctx) => {
        const s = ctx.getStateStore(store) as KeyValueStore;
        return (key) => s.get(key);
      },
    };
  }

  addProcessor(name: string, owner: string, factory: () => Processor, stores: string[] = [], parents = [this.nodeName]): string {
    this.spec.addNode({ name, owner, type: 'processor', parents, factory, stores: [...stores], topics: [] });
    return name;
  }

  /** filter, filterNot and mapValues: a new table computed from this one, optionally materialized. */
  private derive<V2>(prefix: string, args: unknown[], make: (old: OldValues, store: string | null) => Processor, view: (v: unknown, k: unknown) => unknown): KTableImpl<K, V2> {
    const name = nameFrom(this.spec, args, prefix);
    const mat = pick(args, Materialized);
    const store = mat?.storeName ?? null;
    const child = new KTableImpl<K, V2>(this.builder, name, name, store, store, this.keySerde);
    if (store) this.spec.addStore({ name: store, kind: 'keyValue', factory: () => new KeyValueStore(store), logging: mat!.logging });
    this.addProcessor(name, name, () => make(child.oldValues, store), store ? [store] : []);
    // A materialized child reads old values from its own store and leaves its parent alone.
    if (!store) child.enableParentOldValues = () => this.enableSendingOldValues();
    if (!store) child.tryParentOldValues = () => this.trySendingOldValues();
    if (!store) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter object needs its own `this`-free reference
      const parent = this;
      child.getterSupplier = {
        get storeNames() {
          return parent.valueGetterSupplier().storeNames;
        },
        create(ctx) {
          const get = parent.valueGetterSupplier().create(ctx);
          return (key) => {
            const vt = get(key);
            if (!vt) return null;
            const v = view(vt.value, key);
            return v === null || v === undefined ? null : { value: v, timestamp: vt.timestamp };
          };
        },
      };
    }
    return child;
  }

  filter(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KTableImpl<K, V> {
    const p = predicate as (k: unknown, v: unknown) => boolean;
    return this.filtered(this.derive('KTABLE-FILTER', args, (old, store) => new TableFilterProcessor(p, false, old, store), (v, k) => (p(k, v) ? v : null)));
  }
  filterNot(predicate: (k: K, v: V) => boolean, ...args: unknown[]): KTableImpl<K, V> {
    const p = predicate as (k: unknown, v: unknown) => boolean;
    return this.filtered(this.derive('KTABLE-FILTER', args, (old, store) => new TableFilterProcessor(p, true, old, store), (v, k) => (p(k, v) ? null : v)));
  }
  /**
   * Kafka's KTableFilter constructor: when this table can send old values without a new store (it is
   * materialized, or an aggregation/join), the filter uses them and skips needless tombstones
   * (KTableImplTest.testMaterializedKTable).
   */
  private filtered<V2>(child: KTableImpl<K, V2>): KTableImpl<K, V2> {
    if (this.trySendingOldValues()) child.oldValues.enabled = true;
    return child;
  }
  mapValues<VR>(mapper: (v: V, k: K) => VR, ...args: unknown[]): KTableImpl<K, VR> {
    const m = mapper as (v: unknown, k: unknown) => unknown;
    return this.derive('KTABLE-MAPVALUES', args, (old, store) => new TableMapValuesProcessor(m, old, store), m);
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
    this.addProcessor(name, base, () => new TableRepartitionMapProcessor(selector as F as never));
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
    if (suppressed.mode === 'untilWindowCloses') {
      if (!this.windowInfo) throw new Error(`suppress(untilWindowCloses) needs a windowed KTable, but "${this.owner}" is not windowed`);
      durationMs = this.windowInfo.graceMs + (this.windowInfo.type === 'session' ? this.windowInfo.gapMs : 0);
    }
    this.enableSendingOldValues();
    this.spec.addStore({ name: bufferName, kind: 'buffer', factory: () => new SuppressBuffer(bufferName), logging: true });
    const config = { mode: suppressed.mode, durationMs, maxRecords: suppressed.buffer.maxRecords, maxBytes: suppressed.buffer.maxBytes, whenFull: suppressed.buffer.whenFull };
    this.addProcessor(name, suppressed.name ?? name, () => new SuppressProcessor(config, bufferName), [bufferName]);
    const child = new KTableImpl<K, V>(this.builder, name, suppressed.name ?? name, null, null, this.keySerde, this.valueSerde);
    child.windowInfo = this.windowInfo;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- see above
    const parent = this;
    // A join reading a suppressed table sees what was last emitted for keys still in the buffer.
    child.getterSupplier = {
      get storeNames() {
        return [...parent.valueGetterSupplier().storeNames, bufferName];
      },
      create(ctx) {
        const get = parent.valueGetterSupplier().create(ctx);
        const buffer = ctx.getStateStore(bufferName) as SuppressBuffer;
        return (key) => {
          const prior = buffer.priorValue(key);
          if (prior.found) return prior.value === null || prior.value === undefined ? null : { value: prior.value, timestamp: -1 };
          return get(key);
        };
      },
    };
    return child;
  }
}
