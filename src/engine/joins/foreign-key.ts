/**
 * Foreign-key table-table join (Kafka's KTable#join(other, foreignKeyExtractor, joiner)). Kafka
 * routes subscriptions through internal topics; in one task a subscription store gives the same
 * results. The processors follow Kafka's instructions (SubscriptionSendProcessorSupplier): a left
 * update (un)subscribes its left key to foreign keys and asks for a response; a right update
 * responds to every subscribed left key; a response only counts while the left value it was asked
 * for is still current (Kafka compares value hashes). The result key is the LEFT key. Responses
 * travel through an internal topic, as in Kafka, so the result is produced after the update that
 * caused it has been fully processed (a table joined with both the left table and the FK result
 * sees the old result while the left update passes).
 */
import type { ProcessorContext } from '../core/context';
import { compareKeys, storeKey, type Change, type StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import type { OldValues } from '../processors/table-emitter';
import type { KeyValueStore } from '../stores/kv-store';
import type { StateStore, StoreEntry } from '../stores/state-store';

interface Subscription {
  leftKey: unknown;
  /** The left value the subscription was made for (stands in for Kafka's value hash). */
  hash: string;
}

/** Foreign key -> subscribed left keys, each with the left value it subscribed with. */
export class SubscriptionStore implements StateStore {
  readonly subscribers = new Map<unknown, Map<unknown, Subscription>>();
  constructor(readonly name: string) {}
  subscribe(fk: unknown, leftKey: unknown, leftValue: unknown) {
    const fkKey = storeKey(fk);
    if (!this.subscribers.has(fkKey)) this.subscribers.set(fkKey, new Map());
    this.subscribers.get(fkKey)!.set(storeKey(leftKey), { leftKey, hash: hashOf(leftValue) });
  }
  unsubscribe(fk: unknown, leftKey: unknown) {
    const fkKey = storeKey(fk);
    const m = this.subscribers.get(fkKey);
    m?.delete(storeKey(leftKey));
    if (m && m.size === 0) this.subscribers.delete(fkKey);
  }
  subscriptionsFor(fk: unknown): Subscription[] {
    return [...(this.subscribers.get(storeKey(fk))?.values() ?? [])].sort((a, b) => compareKeys(a.leftKey, b.leftKey));
  }
  all(): StoreEntry[] {
    return [...this.subscribers.entries()].map(([fk, m]) => ({ key: fk, value: [...m.values()].map((s) => s.leftKey) }));
  }
}

const hashOf = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
const present = (v: unknown) => v !== null && v !== undefined;
const sameKey = (a: unknown, b: unknown) => storeKey(a) === storeKey(b);

interface FkConfig {
  left: boolean;
  subscriptionStore: string;
  extractor: (leftValue: unknown) => unknown;
  joiner: (l: unknown, r: unknown, k: unknown) => unknown;
}

/** What goes through the response topic: the left value it answers (as hash) and the right value. */
export interface FkResponse {
  hash: string;
  right: unknown;
}

/** Handles updates of the left table (Kafka's SubscriptionSendProcessor and the join behind it). */
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

  /** Subscribes (unless the foreign key is null) and sends the response for the new value. */
  private propagate(r: StreamRecord, fk: unknown, onlyIfFound: boolean) {
    const value = (r.value as Change).newValue;
    if (present(fk)) this.subs.subscribe(fk, r.key, value);
    const found = present(fk) ? this.right(fk) : null;
    if (!found && onlyIfFound) return;
    const timestamp = found ? Math.max(r.timestamp, found.timestamp) : r.timestamp;
    const msg: FkResponse = { hash: hashOf(value), right: found ? found.value : null };
    this.ctx.forward({ key: r.key, value: msg, timestamp });
  }

  /** Unsubscribes from the old foreign key; with `propagate`, sends the response "no right value". */
  private drop(r: StreamRecord, oldFk: unknown, propagate: boolean) {
    this.subs.unsubscribe(oldFk, r.key);
    const msg: FkResponse = { hash: hashOf((r.value as Change).newValue), right: null };
    if (propagate) this.ctx.forward({ key: r.key, value: msg, timestamp: r.timestamp });
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped();
    const { newValue, oldValue } = r.value as Change;
    const newFk = present(newValue) ? this.c.extractor(newValue) : null;
    if (this.c.left) {
      if (present(oldValue)) {
        const oldFk = this.c.extractor(oldValue);
        if (present(oldFk) && !sameKey(oldFk, newFk)) this.drop(r, oldFk, true);
        this.propagate(r, newFk, false);
      } else if (present(newValue)) {
        this.propagate(r, newFk, false);
      }
      return;
    }
    // Inner join: a null foreign key (old or new) skips the update, as in Kafka.
    if (present(oldValue)) {
      const oldFk = this.c.extractor(oldValue);
      if (!present(oldFk)) return;
      if (!present(newValue)) return this.drop(r, oldFk, true);
      if (!present(newFk)) return;
      if (!sameKey(oldFk, newFk)) this.drop(r, oldFk, false);
      this.propagate(r, newFk, false);
    } else if (present(newValue) && present(newFk)) {
      this.propagate(r, newFk, true);
    }
  }
}

/** Handles updates of the right table: responds to every left key subscribed to it (Kafka's ForeignTableJoinProcessor). */
export class ForeignKeyRightProcessor implements Processor {
  private ctx!: ProcessorContext;
  private subs!: SubscriptionStore;
  constructor(private readonly c: FkConfig) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.subs = ctx.getStateStore<SubscriptionStore>(this.c.subscriptionStore);
  }
  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped();
    const right = (r.value as Change).newValue ?? null;
    for (const s of this.subs.subscriptionsFor(r.key)) {
      const msg: FkResponse = { hash: s.hash, right };
      this.ctx.forward({ key: s.leftKey, value: msg, timestamp: r.timestamp });
    }
  }
}

/**
 * Kafka's ResponseJoinProcessor: a response counts only while the left value it answers is still
 * current; the result is then a tombstone when there is no right value (inner join, or no left
 * value), else joiner(left, right).
 */
export class ForeignKeyResponseProcessor implements Processor {
  private ctx!: ProcessorContext;
  private leftGet!: ValueGetter;
  constructor(
    private readonly c: FkConfig,
    private readonly leftTable: ValueGetterSupplier,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.leftGet = this.leftTable.create(ctx);
  }
  process(r: StreamRecord) {
    const msg = r.value as FkResponse;
    const current = this.leftGet(r.key);
    const left = current ? current.value : null;
    if (hashOf(left) !== msg.hash) return;
    const value = !present(msg.right) && (!this.c.left || !present(left)) ? null : this.c.joiner(left, msg.right ?? null, r.key);
    this.ctx.forward({ key: r.key, value, timestamp: r.timestamp });
  }
}

/** The join result as a table (Kafka materializes it, like a KTableSource): stores and forwards Changes. */
export class ForeignKeyResultProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store!: KeyValueStore;
  constructor(
    private readonly storeName: string,
    private readonly oldValues: OldValues,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<KeyValueStore>(this.storeName);
  }
  process(r: StreamRecord) {
    const prev = this.store.get(r.key);
    const oldValue = this.oldValues.enabled && prev ? prev.value : null;
    const value = r.value === undefined ? null : r.value;
    this.store.put(r.key, value, r.timestamp);
    this.ctx.forward({ key: r.key, value: { newValue: value, oldValue }, timestamp: r.timestamp });
  }
}
