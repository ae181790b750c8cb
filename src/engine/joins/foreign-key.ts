/**
 * Foreign-key table-table join (Kafka's KTable#join(other, foreignKeyExtractor, joiner)). Kafka
 * routes subscriptions through internal topics; in one task a subscription store (right key ->
 * subscribed left keys) gives the same results: the result key is the LEFT key; a left update
 * looks up the right value of its foreign key; a right update re-emits every subscribed left key;
 * a left delete (or a foreign key with no right value, for inner joins) emits a tombstone.
 */
import type { ProcessorContext } from '../core/context';
import { compareKeys, storeKey, type Change, type StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import type { StateStore, StoreEntry } from '../stores/state-store';

/** Right key -> left keys that reference it, and each left key's current foreign key. */
export class SubscriptionStore implements StateStore {
  readonly subscribers = new Map<unknown, Map<unknown, unknown>>();
  readonly foreignKeyOf = new Map<unknown, unknown>();
  constructor(readonly name: string) {}
  subscribe(leftKey: unknown, fk: unknown) {
    const lk = storeKey(leftKey);
    const prev = this.foreignKeyOf.get(lk);
    if (prev !== undefined) this.subscribers.get(storeKey(prev))?.delete(lk);
    if (fk === null || fk === undefined) {
      this.foreignKeyOf.delete(lk);
      return;
    }
    this.foreignKeyOf.set(lk, fk);
    const fkKey = storeKey(fk);
    if (!this.subscribers.has(fkKey)) this.subscribers.set(fkKey, new Map());
    this.subscribers.get(fkKey)!.set(lk, leftKey);
  }
  leftKeysFor(fk: unknown): unknown[] {
    return [...(this.subscribers.get(storeKey(fk))?.values() ?? [])].sort(compareKeys);
  }
  all(): StoreEntry[] {
    return [...this.subscribers.entries()].map(([fk, m]) => ({ key: fk, value: [...m.values()] }));
  }
}

interface FkConfig {
  left: boolean;
  subscriptionStore: string;
  extractor: (leftValue: unknown) => unknown;
  joiner: (l: unknown, r: unknown, k: unknown) => unknown;
}

/** Handles updates of the left table. */
export class ForeignKeyLeftProcessor implements Processor {
  private ctx!: ProcessorContext;
  private subs!: SubscriptionStore;
  private right!: ValueGetter;
  constructor(
    private readonly c: FkConfig,
    private readonly rightTable: ValueGetterSupplier,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.subs = ctx.getStateStore<SubscriptionStore>(this.c.subscriptionStore);
    this.right = this.rightTable.create(ctx);
  }
  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped();
    const change = r.value as Change;
    const newValue = change.newValue;
    if (newValue === null || newValue === undefined) {
      this.subs.subscribe(r.key, null);
      this.ctx.forward({ key: r.key, value: { newValue: null, oldValue: null }, timestamp: r.timestamp });
      return;
    }
    const fk = this.c.extractor(newValue);
    this.subs.subscribe(r.key, fk);
    const found = fk === null || fk === undefined ? null : this.right(fk);
    if (!found && !this.c.left) {
      this.ctx.forward({ key: r.key, value: { newValue: null, oldValue: null }, timestamp: r.timestamp });
      return;
    }
    this.ctx.forward({ key: r.key, value: { newValue: this.c.joiner(newValue, found ? found.value : null, r.key), oldValue: null }, timestamp: r.timestamp });
  }
}

/** Handles updates of the right table: re-joins every left key that references it. */
export class ForeignKeyRightProcessor implements Processor {
  private ctx!: ProcessorContext;
  private subs!: SubscriptionStore;
  private leftGet!: ValueGetter;
  constructor(
    private readonly c: FkConfig,
    private readonly leftTable: ValueGetterSupplier,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.subs = ctx.getStateStore<SubscriptionStore>(this.c.subscriptionStore);
    this.leftGet = this.leftTable.create(ctx);
  }
  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped();
    const rightValue = (r.value as Change).newValue;
    for (const leftKey of this.subs.leftKeysFor(r.key)) {
      const lv = this.leftGet(leftKey);
      if (!lv) continue;
      const present = rightValue !== null && rightValue !== undefined;
      const value = present || this.c.left ? this.c.joiner(lv.value, present ? rightValue : null, leftKey) : null;
      this.ctx.forward({ key: leftKey, value: { newValue: value, oldValue: null }, timestamp: r.timestamp });
    }
  }
}
