/**
 * Foreign-key table-table join processors (Kafka's KTable#join(other, foreignKeyExtractor, joiner)),
 * in Kafka's two sub-topologies:
 * - left table -> SubscriptionSendProcessor -> subscription-registration topic (keyed by the foreign
 *   key, so co-partitioned with the RIGHT table);
 * - right side: SubscriptionReceiveProcessor (subscription store) -> SubscriptionJoinProcessor (reads
 *   the right table), and right-table updates -> ForeignTableJoinProcessor (scans the subscriptions of
 *   their key); both send responses keyed by the left key to the subscription-response topic, to the
 *   partition of the left task that subscribed;
 * - left side again: ResponseJoinProcessor keeps a response only while the left value it answers is
 *   still current (Kafka compares value hashes), then ForeignKeyResultProcessor materializes the result.
 * Because both hops go through topics, a result appears after the update that caused it has been
 * fully processed (a table joined with both the left table and the FK result sees the old result
 * while the left update passes), as in Kafka.
 */
import type { ProcessorContext } from '../core/context';
import { storeKey, type Change, type StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import { TableEmitter, type OldValues } from '../processors/table-emitter';
import type { KeyValueStore } from '../stores/kv-store';
import { StoreProcessor } from '../core/store-processor';
import { hashOf, type SubscriptionStore } from './subscription-store';

export { SubscriptionStore } from './subscription-store';

/** Kafka's SubscriptionWrapper.Instruction. */
export type Instruction = 'delete-and-propagate' | 'delete-no-propagate' | 'propagate-null-if-no-fk-value' | 'propagate-only-if-fk-value';

/** What goes through the subscription-registration topic (keyed by the foreign key). */
export interface SubscriptionMessage {
  instruction: Instruction;
  hash: string;
  leftKey: unknown;
  /** The partition of the left task (Kafka's primaryPartition): where the response must go. */
  partition: number;
}

/** What goes through the subscription-response topic (keyed by the left key): the left value it answers (as hash) and the right value. */
export interface FkResponse {
  hash: string;
  right: unknown;
  partition: number;
}

const present = (v: unknown) => v !== null && v !== undefined;
const sameKey = (a: unknown, b: unknown) => storeKey(a) === storeKey(b);

/** Handles updates of the left table: Kafka's SubscriptionSendProcessor (left- and inner-join instructions). */
export class SubscriptionSendProcessor implements Processor {
  private ctx!: ProcessorContext;
  constructor(
    private readonly leftJoin: boolean,
    private readonly extractor: (leftValue: unknown) => unknown,
    /** The left table is versioned: updates not marked latest are skipped (KIP-914). */
    private readonly versioned = false,
  ) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
  }

  private send(r: StreamRecord, fk: unknown, instruction: Instruction) {
    const msg: SubscriptionMessage = { instruction, hash: hashOf((r.value as Change).newValue), leftKey: r.key, partition: this.ctx.partition };
    this.ctx.forwardNew(fk ?? null, msg, r.timestamp);
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped({ code: 'null-key' });
    const { newValue, oldValue, isLatest } = r.value as Change;
    if (this.versioned && isLatest === false) return this.ctx.recordDropped({ code: 'stale-version' });
    const newFk = present(newValue) ? this.extractor(newValue) : null;
    if (this.leftJoin) {
      // A left join answers every update, a null foreign key included (with "no right value").
      if (present(oldValue)) {
        const oldFk = this.extractor(oldValue);
        if (present(oldFk) && !sameKey(oldFk, newFk)) this.send(r, oldFk, 'delete-and-propagate');
        this.send(r, newFk, 'propagate-null-if-no-fk-value');
      } else if (present(newValue)) {
        this.send(r, newFk, 'propagate-null-if-no-fk-value');
      }
      return;
    }
    // Inner join: a null foreign key (old or new) skips the update, as in Kafka, which counts it as
    // a dropped record ("Skipping record due to null foreign key").
    if (present(oldValue)) {
      const oldFk = this.extractor(oldValue);
      if (!present(oldFk)) return this.ctx.recordDropped({ code: 'no-foreign-key' });
      if (!present(newValue)) return this.send(r, oldFk, 'delete-and-propagate');
      if (!present(newFk)) return this.ctx.recordDropped({ code: 'no-foreign-key' });
      if (!sameKey(oldFk, newFk)) this.send(r, oldFk, 'delete-no-propagate');
      // Propagate "no right value" if there is none: the previous result must be unset.
      this.send(r, newFk, 'propagate-null-if-no-fk-value');
    } else if (present(newValue)) {
      if (!present(newFk)) return this.ctx.recordDropped({ code: 'no-foreign-key' });
      this.send(r, newFk, 'propagate-only-if-fk-value');
    }
  }
}

/** Kafka's SubscriptionReceiveProcessor: keeps (or deletes) the subscription, then passes it on. */
export class SubscriptionReceiveProcessor extends StoreProcessor<SubscriptionStore> {
  process(r: StreamRecord) {
    const msg = r.value as SubscriptionMessage;
    // Only a left join's "no foreign key" message comes with a null key; it subscribes to nothing.
    if (r.key === null || r.key === undefined) {
      if (msg.instruction !== 'propagate-null-if-no-fk-value') return this.ctx.recordDropped({ code: 'null-key' });
    } else if (msg.instruction === 'delete-and-propagate' || msg.instruction === 'delete-no-propagate') {
      this.store.unsubscribe(r.key, msg.leftKey);
    } else {
      this.store.subscribe(r.key, { leftKey: msg.leftKey, hash: msg.hash, partition: msg.partition });
    }
    this.ctx.forward(r);
  }
}

/** Kafka's SubscriptionJoinProcessor: answers a subscription with the right table's current value. */
export class SubscriptionJoinProcessor implements Processor {
  private ctx!: ProcessorContext;
  private right!: ValueGetter;
  constructor(private readonly rightTable: ValueGetterSupplier) {}
  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.right = this.rightTable.create(ctx);
  }
  process(r: StreamRecord) {
    const msg = r.value as SubscriptionMessage;
    const respond = (right: unknown, timestamp: number) => this.ctx.forwardNew(msg.leftKey, { hash: msg.hash, right, partition: msg.partition } satisfies FkResponse, timestamp);
    if (msg.instruction === 'delete-no-propagate') return;
    const found = present(r.key) ? this.right(r.key) : null;
    // Kafka's result timestamp: the later of the subscription's and the right row's, for every
    // instruction (also when only the deletion is sent back).
    const timestamp = found ? Math.max(r.timestamp, found.timestamp) : r.timestamp;
    if (msg.instruction === 'delete-and-propagate') return respond(null, timestamp);
    if (!found && msg.instruction === 'propagate-only-if-fk-value') return;
    respond(found ? found.value : null, timestamp);
  }
}

/** Handles updates of the right table: responds to every left key subscribed to it (Kafka's ForeignTableJoinProcessor). */
export class ForeignTableJoinProcessor extends StoreProcessor<SubscriptionStore> {
  constructor(
    store: string,
    /** The right table is versioned: updates not marked latest are skipped (KIP-914). */
    private readonly versioned = false,
  ) {
    super(store);
  }
  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined) return this.ctx.recordDropped({ code: 'null-key' });
    if (this.versioned && (r.value as Change).isLatest === false) return this.ctx.recordDropped({ code: 'stale-version' });
    const right = (r.value as Change).newValue ?? null;
    for (const s of this.store.subscriptionsFor(r.key)) {
      const msg: FkResponse = { hash: s.hash, right, partition: s.partition };
      this.ctx.forwardNew(s.leftKey, msg, r.timestamp);
    }
  }
}

/**
 * Kafka's ResponseJoinProcessor: a response counts only while the left value it answers is still
 * current; the result is then a tombstone when there is no right value (inner join, or no left
 * value), else joiner(left, right).
 */
export class ResponseJoinProcessor implements Processor {
  private ctx!: ProcessorContext;
  private leftGet!: ValueGetter;
  constructor(
    private readonly leftJoin: boolean,
    private readonly joiner: (l: unknown, r: unknown, k: unknown) => unknown,
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
    // A response for a left value that has changed since is stale: Kafka drops it and counts it.
    if (hashOf(left) !== msg.hash) return this.ctx.recordDropped({ code: 'stale-response' });
    const value = !present(msg.right) && (!this.leftJoin || !present(left)) ? null : this.joiner(left, msg.right ?? null, r.key);
    this.ctx.forwardNew(r.key, value, r.timestamp);
  }
}

/**
 * The join result as a table (Kafka materializes it, like a KTableSource): stores and forwards
 * Changes, through a record cache when materialized under a name with caching on (so a tombstone
 * for a key the store does not hold is dropped: rule 33).
 */
export class ForeignKeyResultProcessor implements Processor {
  private store!: KeyValueStore;
  private emitter!: TableEmitter;
  constructor(
    private readonly storeName: string,
    private readonly oldValues: OldValues,
    private readonly caching: boolean,
  ) {}
  init(ctx: ProcessorContext) {
    this.store = ctx.getStateStore<KeyValueStore>(this.storeName);
    this.emitter = new TableEmitter(ctx, this.caching, () => this.oldValues.enabled);
  }
  process(r: StreamRecord) {
    const prev = this.store.get(r.key);
    const oldValue = prev ? prev.value : null;
    const value = r.value === undefined ? null : r.value;
    this.store.put(r.key, value, r.timestamp);
    this.emitter.emit(r.key, value, oldValue, r.timestamp);
  }
}
