/**
 * The stream side's buffer of a stream-table join with a grace period (Kafka's
 * RocksDBTimeOrderedKeyValueBuffer behind KStreamKTableJoin, KIP-923). Its time is the largest
 * timestamp buffered so far; a record older than time - grace is not buffered (the join takes it at
 * once); buffered records are released once time - grace reaches them, in (timestamp, key bytes,
 * arrival) order, the order of Kafka's time-first store keys with their sequence numbers.
 */
import { compareKeys } from '../core/record';
import type { StateStore, StoreEntry } from '../stores/state-store';

export interface BufferedStreamRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  headers?: Record<string, string>;
  /** Arrival order among records of the same timestamp and key. */
  seq: number;
}

export class StreamJoinBuffer implements StateStore {
  /** Oldest first, in release order. */
  records: BufferedStreamRecord[] = [];
  /** The largest timestamp buffered (-Infinity while nothing was). */
  time = -Infinity;
  private seq = 0;

  constructor(
    readonly name: string,
    readonly graceMs: number,
  ) {}

  /** Buffers the record unless it is already older than time - grace (then the caller joins it now). */
  put(r: Omit<BufferedStreamRecord, 'seq'>): boolean {
    if (this.time - this.graceMs > r.timestamp) return false;
    this.time = Math.max(this.time, r.timestamp);
    this.insert({ ...r, seq: this.seq++ });
    return true;
  }

  /** Keeps release order (restores use it too). */
  insert(b: BufferedStreamRecord): void {
    this.seq = Math.max(this.seq, b.seq + 1);
    let i = this.records.length;
    while (i > 0 && order(this.records[i - 1], b) > 0) i--;
    this.records.splice(i, 0, b);
  }

  /** Releases, in order, every buffered record at or before time - grace. */
  evict(release: (r: BufferedStreamRecord) => void): void {
    const limit = this.time - this.graceMs;
    let n = 0;
    while (n < this.records.length && this.records[n].timestamp <= limit) n++;
    if (n === 0) return;
    const out = this.records.splice(0, n);
    for (const r of out) release(r);
  }

  all(): StoreEntry[] {
    return this.records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
  }
}

function order(a: BufferedStreamRecord, b: BufferedStreamRecord): number {
  return a.timestamp - b.timestamp || compareKeys(a.key, b.key) || a.seq - b.seq;
}
