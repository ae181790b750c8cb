/**
 * The shared store of left/outer stream-stream joins (Kafka's outer-join store, a list-value store
 * keyed by [timestamp, side, key]): the records not joined yet, and the stream time both join sides
 * share. Kept in Kafka's store order, timestamp first, the right side before the left, then key,
 * duplicates in arrival order, so the emission scan walks it from the front and stops early, as
 * Kafka's iterator does, instead of sorting every held record each time.
 */
import { compareKeys, storeKey } from '../core/record';
import type { StateStore, StoreEntry } from '../stores/state-store';

export interface Unmatched {
  key: unknown;
  ts: number;
  left: boolean;
  value: unknown;
}

function order(a: Unmatched, b: Unmatched): number {
  return a.ts - b.ts || Number(a.left) - Number(b.left) || compareKeys(a.key, b.key);
}

export class OuterJoinStore implements StateStore {
  /** In store order. Read it; change it only through hold, release and replaceScanned. */
  entries: Unmatched[] = [];
  streamTime = -Infinity;
  /** Kafka's SharedTimeTracker.minTime: lowest timestamp put since the last emission scan, then the last one scanned. */
  minTime = Infinity;
  /**
   * How many entries each side holds per timestamp: a record that joins deletes the other side's
   * entries of its key at the matched timestamp, which are rarely there, so most matches stop at
   * this lookup (without it every match searched the held records).
   */
  private readonly heldLeft = new Map<number, number>();
  private readonly heldRight = new Map<number, number>();

  constructor(readonly name: string) {}

  private count(left: boolean, ts: number, by: number): void {
    const m = left ? this.heldLeft : this.heldRight;
    const n = (m.get(ts) ?? 0) + by;
    if (n > 0) m.set(ts, n);
    else m.delete(ts);
  }

  hold(e: Unmatched): void {
    const list = this.entries;
    // In-order records go last; an out-of-order one after the last entry not above it.
    let i = list.length;
    if (i > 0 && order(list[i - 1], e) > 0) {
      let lo = 0;
      while (lo < i) {
        const mid = (lo + i) >> 1;
        if (order(list[mid], e) <= 0) lo = mid + 1;
        else i = mid;
      }
    }
    if (i === list.length) list.push(e);
    else list.splice(i, 0, e);
    this.count(e.left, e.ts, 1);
  }

  /** Kafka's outer-store delete of [side, key, timestamp]: every entry of it goes. */
  release(left: boolean, key: unknown, ts: number): void {
    if (!(left ? this.heldLeft : this.heldRight).has(ts)) return;
    const probe: Unmatched = { key, ts, left, value: null };
    const list = this.entries;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(list[mid], probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    // The entries ordered as equal to the probe; keys that only compare equal (1 and "1") stay.
    const k = storeKey(key);
    let end = lo;
    while (end < list.length && order(list[end], probe) === 0) end++;
    let w = lo;
    for (let r = lo; r < end; r++) if (storeKey(list[r].key) !== k) list[w++] = list[r];
    if (end > w) {
      list.splice(w, end - w);
      this.count(left, ts, w - end);
    }
  }

  /** After an emission scan of the first `scanned` entries: `kept` stay (in order), `emitted` go. */
  replaceScanned(scanned: number, kept: Unmatched[], emitted: Unmatched[]): void {
    // (not splice(0, scanned, ...kept): kept can hold more records than a call takes arguments)
    this.entries = scanned === kept.length ? this.entries : kept.concat(this.entries.slice(scanned));
    for (const e of emitted) this.count(e.left, e.ts, -1);
  }

  all(): StoreEntry[] {
    return this.entries.map((e) => ({ key: e.key, value: { side: e.left ? 'left' : 'right', value: e.value }, timestamp: e.ts }));
  }
}
