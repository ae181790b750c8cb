/**
 * KTable#suppress (Kafka's KTableSuppressProcessor over an in-memory time-ordered buffer).
 * untilTimeLimit: a key's buffer time is when it was FIRST buffered (updates keep it); it is emitted
 * with its latest value once streamTime >= bufferTime + limit. untilWindowCloses: buffer time is the
 * window end and the limit is the grace (sessions: gap + grace); tombstones are dropped at emit. Ties
 * go out in key order. A full buffer evicts the oldest entry (emitEarlyWhenFull) or fails.
 */
import type { ProcessorContext } from '../core/context';
import { compareKeys, storeKey, type Change, type StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { StateStore, StoreEntry } from '../stores/state-store';

export interface SuppressConfig {
  mode: 'untilTimeLimit' | 'untilWindowCloses';
  /** untilTimeLimit: the limit; untilWindowCloses: the grace (plus gap for sessions). */
  durationMs: number;
  maxRecords: number | null;
  maxBytes: number | null;
  whenFull: 'emitEarlyWhenFull' | 'shutDownWhenFull';
}

interface Buffered {
  key: unknown;
  bufferTime: number;
  change: Change;
  /** The value downstream last saw for this key (what a join reading this table sees). */
  priorValue: unknown;
  timestamp: number;
}

/** The buffer is a state store so the preview can show what is being held back. */
export class SuppressBuffer implements StateStore {
  readonly entries = new Map<unknown, Buffered>();
  constructor(readonly name: string) {}
  all(): StoreEntry[] {
    return [...this.entries.values()].map((b) => ({ key: b.key, value: b.change.newValue, timestamp: b.timestamp }));
  }
  priorValue(key: unknown): { found: boolean; value: unknown } {
    const b = this.entries.get(storeKey(key));
    return b ? { found: true, value: b.priorValue } : { found: false, value: null };
  }
}

export class SuppressProcessor implements Processor {
  private ctx!: ProcessorContext;
  private buffer!: SuppressBuffer;
  private streamTime = -Infinity;

  constructor(
    private readonly config: SuppressConfig,
    private readonly bufferName: string,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.buffer = ctx.getStateStore<SuppressBuffer>(this.bufferName);
  }

  /** After a restart on Kafka: continue from the stream time restored from the committed partition time. */
  afterRestore(streamTime?: number) {
    if (streamTime !== undefined) this.streamTime = Math.max(this.streamTime, streamTime);
  }

  process(r: StreamRecord) {
    this.streamTime = Math.max(this.streamTime, r.timestamp);
    const change = r.value as Change;
    const k = storeKey(r.key);
    const existing = this.buffer.entries.get(k);
    const bufferTime = this.config.mode === 'untilWindowCloses' ? windowEnd(r.key) : r.timestamp;
    this.buffer.entries.set(k, {
      key: r.key,
      bufferTime: existing ? existing.bufferTime : bufferTime,
      // Kafka's InMemoryTimeOrderedKeyValueChangeBuffer keeps the LATEST Change (new and old value of
      // the last update) for the eviction, and the old value of the FIRST buffered update as the prior
      // value (what downstream last saw).
      change: { newValue: change.newValue, oldValue: change.oldValue },
      priorValue: existing ? existing.priorValue : change.oldValue,
      timestamp: r.timestamp,
    });
    this.enforce();
  }

  private enforce() {
    const expiry = this.streamTime - this.config.durationMs;
    const due = [...this.buffer.entries.values()].filter((b) => b.bufferTime <= expiry).sort(byTimeThenKey);
    for (const b of due) this.emit(b);
    while (this.overCapacity()) {
      if (this.config.whenFull === 'shutDownWhenFull') {
        throw new Error(`suppress buffer is full (${this.buffer.entries.size} records) and is configured to shut down when full`);
      }
      const oldest = [...this.buffer.entries.values()].sort(byTimeThenKey)[0];
      this.emit(oldest);
    }
  }

  private overCapacity(): boolean {
    const { maxRecords, maxBytes } = this.config;
    if (maxRecords !== null && this.buffer.entries.size > maxRecords) return true;
    if (maxBytes !== null) {
      let bytes = 0;
      for (const b of this.buffer.entries.values()) bytes += JSON.stringify([b.key, b.change.newValue, b.priorValue]).length + 8;
      return bytes > maxBytes;
    }
    return false;
  }

  private emit(b: Buffered) {
    this.buffer.entries.delete(storeKey(b.key));
    if (this.config.mode === 'untilWindowCloses' && (b.change.newValue === null || b.change.newValue === undefined)) return;
    this.ctx.forward({ key: b.key, value: { newValue: b.change.newValue, oldValue: b.change.oldValue }, timestamp: b.timestamp });
  }
}

function byTimeThenKey(a: Buffered, b: Buffered): number {
  return a.bufferTime - b.bufferTime || compareKeys(a.key, b.key);
}

function windowEnd(key: unknown): number {
  const end = (key as { end?: unknown } | null)?.end;
  if (typeof end !== 'number') throw new Error('suppress(untilWindowCloses) needs a windowed table (keys with a window end)');
  return end;
}

