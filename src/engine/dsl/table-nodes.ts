/**
 * What each kind of KTable node offers the operators built on it (Kafka's KTableProcessorSupplier):
 * `view()`, how a processor reads the table by key (Kafka's KTableValueGetterSupplier), and
 * `enableSendingOldValues(force)`. A KTableImpl is given its node when it is created, so a new
 * table operator defines (or picks) its node here and touches nothing else.
 */
import type { TopologySpec } from '../core/topology-spec';
import { KeyValueStore } from '../stores/kv-store';
import { VersionedKeyValueStore } from '../stores/versioned-store';
import type { SuppressBuffer } from '../processors/suppress';
import type { OldValues } from '../processors/table-emitter';
import type { ValueGetterSupplier } from './table-getter';

export abstract class TableNode {
  /** Whether the node's processor forwards old values; the processor reads it at run time. */
  readonly oldValues: OldValues = { enabled: false };
  constructor(
    /** The store holding the table's values from the start (aggregations, materialized results), if any. */
    readonly valueStore: string | null = null,
  ) {}
  abstract view(): ValueGetterSupplier;
  /**
   * Kafka's enableSendingOldValues(forceMaterialization): with force, turns old values on, creating
   * any store needed for it; without, turns them on only if no store must be created for it.
   * Returns whether they are on. (KTableImpl asks only while they are off.)
   */
  abstract enableSendingOldValues(force: boolean): boolean;
  /**
   * The history retention when the table's output is versioned (Kafka's isOutputVersioned, inherited
   * through unmaterialized operators), else null. Operators reading a versioned table skip updates
   * not marked latest and read it as of a time (stream-table joins).
   */
  abstract versionedRetention(): number | null;
}

/** A table as its children see it: the node's methods, through KTableImpl. */
export interface ParentTable {
  valueGetterSupplier(): ValueGetterSupplier;
  enableSendingOldValues(force: boolean): boolean;
  versionedRetention(): number | null;
}

/** A table's own key-value store: versioned when materialized with a history retention. */
export function tableStore(name: string, historyRetentionMs: number | null): () => KeyValueStore | VersionedKeyValueStore {
  return historyRetentionMs === null ? () => new KeyValueStore(name) : () => new VersionedKeyValueStore(name, historyRetentionMs);
}

/** Reads a key-value store by key; a versioned one as of `asOf` when given (stream-table joins). */
export function storeView(store: string): ValueGetterSupplier {
  return {
    storeNames: [store],
    create: (ctx) => {
      const s = ctx.getStateStore(store) as KeyValueStore | VersionedKeyValueStore;
      if (s instanceof VersionedKeyValueStore) return (key, asOf) => (asOf === undefined ? s.get(key) : s.getAsOf(key, asOf));
      return (key) => s.get(key);
    },
  };
}

/**
 * A table whose values are in its own store from the start: aggregations, foreign-key join results,
 * materialized filter/mapValues. It knows the old value of every key, so it sends old values on request.
 */
export class StoredTableNode extends TableNode {
  constructor(
    store: string,
    /** How to read it, when not as a key-value store (windowed aggregations). */
    private readonly reader: ValueGetterSupplier = storeView(store),
    /** Set when the store is versioned. */
    private readonly historyRetentionMs: number | null = null,
  ) {
    super(store);
  }
  versionedRetention(): number | null {
    return this.historyRetentionMs;
  }
  view(): ValueGetterSupplier {
    return this.reader;
  }
  enableSendingOldValues(): boolean {
    this.oldValues.enabled = true;
    return true;
  }
}

/**
 * A table read from a topic (builder.table) or made from a stream (toTable), Kafka's KTableSource:
 * its store is created on first need (reading by key, old values, or a Materialized name).
 */
export class SourceTableNode extends TableNode {
  private store: string | null = null;
  constructor(
    private readonly spec: TopologySpec,
    /** The node of the table's processor, connected to the store. */
    private readonly nodeName: string,
    private readonly newStoreName: () => string,
    private readonly logging: boolean,
    /** Set when materialized in a versioned store. */
    private readonly historyRetentionMs: number | null = null,
  ) {
    super();
  }
  versionedRetention(): number | null {
    return this.historyRetentionMs;
  }
  /** The store's name, or null while there is none (the processor asks when it starts). */
  get storeName(): string | null {
    return this.store;
  }
  /** Creates the store if it does not exist yet; returns its name. */
  materialize(): string {
    if (this.store !== null) return this.store;
    const name = (this.store = this.newStoreName());
    this.spec.addStore({ name, kind: 'keyValue', factory: tableStore(name, this.historyRetentionMs), logging: this.logging }, [this.nodeName]);
    return name;
  }
  view(): ValueGetterSupplier {
    return storeView(this.materialize());
  }
  enableSendingOldValues(force: boolean): boolean {
    // Without a store a source cannot know old values; Kafka's forceMaterialization=false declines.
    if (!force && this.store === null) return false;
    this.materialize();
    this.oldValues.enabled = true;
    return true;
  }
}

/**
 * An unmaterialized filter or mapValues: computes its values from its parent's. Reading it by key
 * reads the parent and applies the same function; old values need the parent's old values.
 */
export class DerivedTableNode extends TableNode {
  constructor(
    private readonly parent: ParentTable,
    /** The value for one parent value (null or undefined: absent). */
    private readonly compute: (v: unknown, k: unknown) => unknown,
  ) {
    super();
  }
  view(): ValueGetterSupplier {
    const { parent, compute } = this;
    return {
      // Asked when the reading processor is added, which may be before the parent's store exists.
      get storeNames() {
        return parent.valueGetterSupplier().storeNames;
      },
      create(ctx) {
        const get = parent.valueGetterSupplier().create(ctx);
        return (key, asOf) => {
          const vt = get(key, asOf);
          if (!vt) return null;
          const v = compute(vt.value, key);
          return v === null || v === undefined ? null : { value: v, timestamp: vt.timestamp };
        };
      },
    };
  }
  enableSendingOldValues(force: boolean): boolean {
    if (!this.parent.enableSendingOldValues(force)) return false;
    this.oldValues.enabled = true;
    return true;
  }
  versionedRetention(): number | null {
    return this.parent.versionedRetention();
  }
}

/** suppress(): read by key, a key still in the buffer shows what was last emitted for it. */
export class SuppressedTableNode extends TableNode {
  constructor(
    private readonly parent: ParentTable,
    private readonly bufferName: string,
  ) {
    super();
  }
  view(): ValueGetterSupplier {
    const { parent, bufferName } = this;
    return {
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
  }
  enableSendingOldValues(): boolean {
    // suppress() turned its parent's old values on already: the buffer needs them.
    this.oldValues.enabled = true;
    return true;
  }
  versionedRetention(): null {
    return null;
  }
}

/**
 * A table-table join result (Kafka's KTableKTableJoin): read from its store when materialized,
 * otherwise by joining both sides' values again. Sending old values needs both sides' old values.
 */
export class JoinedTableNode extends TableNode {
  constructor(
    private readonly sides: readonly [ParentTable, ParentTable],
    store: string | null,
    /** Reads the result by joining both sides (used when there is no store). */
    private readonly rejoin: ValueGetterSupplier,
  ) {
    super(store);
  }
  view(): ValueGetterSupplier {
    return this.valueStore !== null ? storeView(this.valueStore) : this.rejoin;
  }
  enableSendingOldValues(): boolean {
    for (const side of this.sides) side.enableSendingOldValues(true);
    this.oldValues.enabled = true;
    return true;
  }
  /** Kafka marks a table-table join's output versioned only when materialized in a versioned store (never here), not by its sides. */
  versionedRetention(): null {
    return null;
  }
}
