/**
 * Table-table joins on the primary key (Kafka's KTableKTable{Inner,Left,Outer}Join): an update on
 * either side looks up the other side's current value. The result timestamp is the max of the
 * update's and the other side's current timestamps. An unmaterialized result is read by key through
 * joinResultGetter (multi-joins).
 */
import type { ProcessorContext } from '../core/context';
import type { Change, StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import { TableEmitter, type OldValues } from '../processors/table-emitter';
import type { KeyValueStore } from '../stores/kv-store';
import type { JoinType } from './index';

/** How a table-table join side is set up besides its join type and joiner. */
export interface JoinSideOptions {
  /** The result's store, when the join is materialized. */
  storeName: string | null;
  /** The materialized result goes through a record cache (Kafka's default). */
  caching: boolean;
  /** This side's input table is versioned: updates not marked latest are skipped (KIP-914). */
  versionedInput: boolean;
}

export class TableTableJoinProcessor implements Processor {
  private ctx!: ProcessorContext;
  private other!: ValueGetter;
  private store: KeyValueStore | null = null;
  private cache: TableEmitter | null = null;

  constructor(
    private readonly isLeftSide: boolean,
    private readonly type: JoinType,
    private readonly otherSide: ValueGetterSupplier,
    private readonly joiner: (l: unknown, r: unknown, k: unknown) => unknown,
    private readonly oldValues: OldValues,
    private readonly options: JoinSideOptions,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.other = this.otherSide.create(ctx);
    const { storeName, caching } = this.options;
    this.store = storeName ? ctx.getStateStore<KeyValueStore>(storeName) : null;
    if (this.store && caching) this.cache = new TableEmitter(ctx, true, () => this.oldValues.enabled);
  }

  /** The joiner with this side's value in its place (the right side calls it reversed). */
  private join(mine: unknown, other: unknown, key: unknown): unknown {
    return this.isLeftSide ? this.joiner(mine, other, key) : this.joiner(other, mine, key);
  }

  /**
   * Mirrors Kafka's KTableKTable{Inner,Left,Right,Outer}Join processors: what is skipped depends on
   * the other side's current value and on the incoming Change (whose old value is only there when
   * the parent sends old values: the left parent of left/outer joins, the right parent of outer
   * joins, both when the join itself must send old values).
   */
  process(rec: StreamRecord) {
    if (rec.key === null || rec.key === undefined) {
      this.ctx.recordDropped({ code: 'null-key' });
      return;
    }
    const change = rec.value as Change;
    if (this.options.versionedInput && change.isLatest === false) {
      this.ctx.recordDropped({ code: 'stale-version' });
      return;
    }
    const has = (v: unknown) => v !== null && v !== undefined;
    const found = this.other.call(null, rec.key);
    const other = found ? found.value : null;
    const sendOld = this.oldValues.enabled;
    let newValue: unknown = null;
    let oldValue: unknown = null;
    // Inner joins and the right side of a left join (Kafka's KTableKTableRightJoin) need the other side.
    const needsOther = this.type === 'inner' || (this.type === 'left' && !this.isLeftSide);
    if (!found && (needsOther || (!has(change.newValue) && !has(change.oldValue)))) return;
    const ts = found ? Math.max(rec.timestamp, found.timestamp) : rec.timestamp;
    if (this.type === 'left' && !this.isLeftSide) {
      newValue = this.join(change.newValue ?? null, other, rec.key);
      if (sendOld) oldValue = this.join(change.oldValue ?? null, other, rec.key);
    } else if (this.type === 'outer') {
      if (found || has(change.newValue)) newValue = this.join(change.newValue ?? null, other, rec.key);
      if (sendOld && (found || has(change.oldValue))) oldValue = this.join(change.oldValue ?? null, other, rec.key);
    } else {
      if (has(change.newValue)) newValue = this.join(change.newValue, other, rec.key);
      if (sendOld && has(change.oldValue)) oldValue = this.join(change.oldValue, other, rec.key);
    }
    if (this.cache) {
      // Through the record cache the old value is what the store held (and a tombstone for a key it
      // does not hold is dropped at the flush: rule 33).
      const prev = this.store!.get(rec.key);
      const stored = prev ? prev.value : null;
      this.store!.put(rec.key, newValue, ts);
      this.cache.emit(rec.key, newValue, stored, ts);
      return;
    }
    this.store?.put(rec.key, newValue, ts);
    this.ctx.forward({ key: rec.key, value: { newValue, oldValue }, timestamp: ts });
  }
}

/**
 * Reading an unmaterialized table-table join by key (Kafka's KTableKTable*JoinValueGetter): the
 * result is recomputed from both sides' current values, timestamp = max of the present sides. Needed
 * when the join result is itself joined (multi-joins) or read by a stream-table join.
 */
export function joinResultGetter(
  type: JoinType,
  left: ValueGetterSupplier,
  right: ValueGetterSupplier,
  joiner: (l: unknown, r: unknown, k: unknown) => unknown,
): ValueGetterSupplier {
  return {
    get storeNames() {
      return [...left.storeNames, ...right.storeNames];
    },
    create(ctx) {
      const getLeft = left.create(ctx);
      const getRight = right.create(ctx);
      return (key) => {
        const l = getLeft(key);
        const r = getRight(key);
        const exists = type === 'inner' ? l && r : type === 'left' ? l : l || r;
        if (!exists) return null;
        const timestamp = Math.max(l ? l.timestamp : -Infinity, r ? r.timestamp : -Infinity);
        return { value: joiner(l ? l.value : null, r ? r.value : null, key), timestamp };
      };
    },
  };
}
