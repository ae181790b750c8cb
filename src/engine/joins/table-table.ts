/**
 * Table-table joins on the primary key (Kafka's KTableKTable{Inner,Left,Outer}Join): an update on
 * either side looks up the other side's current value. The result timestamp is the max of the
 * update's and the other side's current timestamps.
 */
import type { ProcessorContext } from '../core/context';
import type { Change, StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import type { OldValues } from '../processors/table-emitter';
import type { KeyValueStore } from '../stores/kv-store';
import type { JoinType } from './index';

export class TableTableJoinProcessor implements Processor {
  private ctx!: ProcessorContext;
  private other!: ValueGetter;
  private store: KeyValueStore | null = null;

  constructor(
    private readonly isLeftSide: boolean,
    private readonly type: JoinType,
    private readonly otherSide: ValueGetterSupplier,
    private readonly joiner: (l: unknown, r: unknown, k: unknown) => unknown,
    private readonly oldValues: OldValues,
    private readonly storeName: string | null,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.other = this.otherSide.create(ctx);
    this.store = this.storeName ? ctx.getStateStore<KeyValueStore>(this.storeName) : null;
  }

  private apply(mine: unknown, other: unknown, key: unknown): unknown {
    const present = (v: unknown) => v !== null && v !== undefined;
    const [l, r] = this.isLeftSide ? [mine, other] : [other, mine];
    const ok =
      this.type === 'inner' ? present(l) && present(r) : this.type === 'left' ? present(l) : present(l) || present(r);
    return ok ? this.joiner(l ?? null, r ?? null, key) : null;
  }

  process(rec: StreamRecord) {
    if (rec.key === null || rec.key === undefined) {
      this.ctx.recordDropped();
      return;
    }
    const change = rec.value as Change;
    const found = this.other.call(null, rec.key);
    const otherValue = found ? found.value : null;
    // An inner join needs the other side; a left join's right side needs the left one.
    if (!found && (this.type === 'inner' || (this.type === 'left' && !this.isLeftSide))) return;
    const ts = found ? Math.max(rec.timestamp, found.timestamp) : rec.timestamp;
    const newValue = this.apply(change.newValue, otherValue, rec.key);
    let oldValue = this.oldValues.enabled ? this.apply(change.oldValue, otherValue, rec.key) : null;
    if (this.store) {
      const prev = this.store.get(rec.key);
      if (this.oldValues.enabled) oldValue = prev ? prev.value : null;
      if (newValue === null && prev === null) return;
      this.store.put(rec.key, newValue, ts);
    }
    this.ctx.forward({ key: rec.key, value: { newValue, oldValue }, timestamp: ts });
  }
}
