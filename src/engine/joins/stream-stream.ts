/**
 * Stream-stream joins (Kafka's KStreamKStreamJoin): each side's windowed processor
 * (KStreamJoinWindow) forwards its record to the side's join processor, then stores it in that
 * side's window store; the join processor reads the other side's store. A record joins every record of the other side with the same key whose timestamp lies in
 * [t - before, t + after] (the other side sees the mirrored window), in store order, duplicates
 * included, with timestamp max(both). Left/outer joins hold unmatched records in a shared store and
 * emit them, with their own timestamp, once stream time passes t + (after|before) + grace; that
 * check runs when a record arrives whose timestamp equals the (new) stream time, before its own
 * results, in (timestamp, right before left, key) order.
 */
import type { ProcessorContext } from '../core/context';
import { storeKey, type StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { StateStore, StoreEntry } from '../stores/state-store';
import { StoreProcessor } from '../core/store-processor';
import { OuterJoinStore, type Unmatched } from './outer-join-store';

export { OuterJoinStore } from './outer-join-store';

interface Timed {
  ts: number;
  value: unknown;
  key: unknown;
}

/** Records of one join side, per key, in arrival order, retained for the join window + grace. */
export class JoinSideStore implements StateStore {
  private readonly byKey = new Map<unknown, Timed[]>();
  private observed = -Infinity;
  /** Stream time of the last sweep of every key (keys that never see another record expire there). */
  private swept = -Infinity;
  constructor(
    readonly name: string,
    private readonly retentionMs: number,
  ) {}
  put(key: unknown, value: unknown, ts: number) {
    if (ts > this.observed) this.observed = ts;
    const k = storeKey(key);
    let list = this.byKey.get(k);
    if (!list) this.byKey.set(k, (list = []));
    // keep timestamp order; equal timestamps stay in arrival order (in-order records just append)
    let i = list.length;
    while (i > 0 && list[i - 1].ts > ts) i--;
    if (i === list.length) list.push({ ts, value, key });
    else list.splice(i, 0, { ts, value, key });
    // Records past retention can never join again: drop them so lists stay as long as the window.
    const minLive = this.observed - this.retentionMs;
    let expired = 0;
    while (expired < list.length && list[expired].ts <= minLive) expired++;
    if (expired === 1) list.shift();
    else if (expired) list.splice(0, expired);
    // Once per retention period of stream time, drop what expired under every key, as Kafka's
    // segments roll: memory stays what the window holds, whatever the number of keys.
    if (this.observed - this.swept > this.retentionMs) this.sweep(minLive);
  }

  private sweep(minLive: number): void {
    this.swept = this.observed;
    // forEach: a for-of over the entries made a [key, list] array per key at every sweep.
    this.byKey.forEach((list, k) => {
      let expired = 0;
      while (expired < list.length && list[expired].ts <= minLive) expired++;
      if (expired === list.length) this.byKey.delete(k);
      else if (expired) list.splice(0, expired);
    });
  }
  /** Live records of the key with from <= ts <= to, oldest first; null when there are none. */
  fetch(key: unknown, from: number, to: number): Timed[] | null {
    const list = this.byKey.get(storeKey(key));
    if (!list) return null;
    const minLive = this.observed - this.retentionMs;
    let out: Timed[] | null = null;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.ts >= from && r.ts <= to && r.ts > minLive) (out ??= []).push(r);
    }
    return out;
  }
  all(): StoreEntry[] {
    const out: StoreEntry[] = [];
    for (const l of this.byKey.values()) for (const r of l) out.push({ key: r.key, value: r.value, timestamp: r.ts });
    return out;
  }
}

/** Kafka's KStreamJoinWindow: forwards the record to the join processor, then keeps it in this side's window store. */
export class JoinWindowProcessor extends StoreProcessor<JoinSideStore> {
  process(r: StreamRecord) {
    this.ctx.forward(r);
    // Null keys never join; null values are skipped by the join processor and never stored.
    if (r.key !== null && r.key !== undefined && r.value !== null && r.value !== undefined) this.store.put(r.key, r.value, r.timestamp);
  }
}

export interface StreamJoinSideConfig {
  isLeft: boolean;
  /** The other side's window store (this side's is written by its JoinWindowProcessor). */
  otherStore: string;
  /**
   * The store of unmatched records of left/outer joins, which also carries the stream time both
   * sides share; null for inner joins (Kafka has no such store for them).
   */
  sharedStore: string | null;
  beforeMs: number;
  afterMs: number;
  graceMs: number;
  /** Emit unmatched records of THIS side (left side of left/outer joins, right side of outer joins). */
  outer: boolean;
  /** Whether the join keeps unmatched records at all (left or outer join). */
  anyOuter: boolean;
  joiner: (left: unknown, right: unknown, key: unknown) => unknown;
}

export class StreamJoinSideProcessor implements Processor {
  private ctx!: ProcessorContext;
  private otherStore!: JoinSideStore;
  private shared!: OuterJoinStore;

  constructor(private readonly c: StreamJoinSideConfig) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.otherStore = ctx.getStateStore<JoinSideStore>(this.c.otherStore);
    this.shared = this.c.sharedStore ? ctx.getStateStore<OuterJoinStore>(this.c.sharedStore) : new OuterJoinStore('unshared');
  }

  private join(mine: unknown, other: unknown, key: unknown): unknown {
    return this.c.isLeft ? this.c.joiner(mine, other, key) : this.c.joiner(other, mine, key);
  }

  process(r: StreamRecord) {
    const c = this.c;
    const t = r.timestamp;
    // Kafka's KStreamKStreamJoin advances the shared stream time before it looks at the key or
    // value, so a null-key or null-value record still moves it (it never triggers the emission
    // of closed unmatched records itself, but later out-of-order records see the new time).
    this.shared.streamTime = Math.max(this.shared.streamTime, t);
    if (r.value === null || r.value === undefined) {
      this.ctx.recordDropped({ code: 'null-value' });
      return;
    }
    if (r.key === null || r.key === undefined) {
      // Left/outer joins emit a null-key record of an outer side at once: it can never match.
      if (c.outer) this.ctx.forward({ key: r.key, value: this.join(r.value, null, r.key), timestamp: r.timestamp });
      else this.ctx.recordDropped({ code: 'null-key' });
      return;
    }
    if (c.anyOuter && t === this.shared.streamTime) this.emitClosedUnmatched();
    // The other side's window, seen from this side: left looks [t - before, t + after].
    const from = Math.max(0, c.isLeft ? t - c.beforeMs : t - c.afterMs);
    const to = Math.max(0, c.isLeft ? t + c.afterMs : t + c.beforeMs);
    const matches = this.otherStore.fetch(r.key, from, to);
    if (matches !== null) {
      for (const m of matches) {
        // A record that joins is no longer an unmatched candidate on the other side.
        if (c.anyOuter) this.shared.release(!c.isLeft, r.key, m.ts);
        this.ctx.forwardNew(r.key, this.join(r.value, m.value, r.key), Math.max(t, m.ts));
      }
    } else if (c.outer) {
      if (to < this.shared.streamTime) this.ctx.forwardNew(r.key, this.join(r.value, null, r.key), t);
      else {
        this.shared.hold({ key: r.key, ts: t, left: c.isLeft, value: r.value });
        this.shared.minTime = Math.min(this.shared.minTime, t);
      }
    }
  }

  /**
   * Emits held records whose window (plus grace) has closed, oldest first, right before left, as
   * Kafka's emitNonJoinedOuterRecords does: a quick check with the lowest held timestamp and THIS
   * side's after-window (the right side's is the join's before) may skip the scan; the scan stops
   * once both sides have a record whose window is still open.
   */
  private emitClosedUnmatched() {
    const c = this.c;
    const sh = this.shared;
    const now = sh.streamTime;
    const after = c.isLeft ? c.afterMs : c.beforeMs;
    // Kafka starts minTime at Long.MAX_VALUE, which overflows once anything is added: an unset
    // minTime (e.g. after a restore) therefore means "scan".
    const minTime = sh.minTime === Infinity && after + c.graceMs > 0 ? -Infinity : sh.minTime;
    if (minTime + after + c.graceMs >= now) return;
    // Held records are kept in that order (see OuterJoinStore).
    const sorted = sh.entries;
    sh.minTime = Infinity;
    const closed: Unmatched[] = [];
    const keep: Unmatched[] = [];
    let leftOpen = false;
    let rightOpen = false;
    let i = 0;
    for (; i < sorted.length; i++) {
      const e = sorted[i];
      sh.minTime = e.ts;
      if (leftOpen && rightOpen) break;
      if (e.ts + (e.left ? c.afterMs : c.beforeMs) + c.graceMs >= now) {
        if (e.left) leftOpen = true;
        else rightOpen = true;
        keep.push(e);
      } else {
        closed.push(e);
      }
    }
    if (!closed.length) return;
    sh.replaceScanned(i, keep, closed);
    for (const e of closed) {
      const value = e.left ? c.joiner(e.value, null, e.key) : c.joiner(null, e.value, e.key);
      this.ctx.forward({ key: e.key, value, timestamp: e.ts });
    }
  }
}
