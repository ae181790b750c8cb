/** An in-memory session store: per key, sessions [start, end] (both inclusive). */
import { compareKeys, storeKey } from '../core/record';
import type { StateStore, StoreEntry } from './state-store';
import type { WindowStoreLayout } from './window-store';

export interface SessionEntry<K, V> {
  key: K;
  start: number;
  end: number;
  value: V;
}

export class SessionStore<K = unknown, V = unknown> implements StateStore {
  private readonly byKey = new Map<unknown, SessionEntry<K, V>[]>();
  /** Max session end written: Kafka's session stores expire by session end. */
  private observedEnd = -Infinity;
  onChange?: (key: K, start: number, end: number, value: V | null) => void;

  constructor(
    readonly name: string,
    /** Kafka's retention (gap + grace by default); only interactive queries apply it here. */
    private readonly retentionMs = Infinity,
    private readonly layout: WindowStoreLayout = {},
  ) {}

  /**
   * An interactive query (TopologyTestDriver#getSessionStore().fetch): sessions that ended before
   * stream time - retention are gone, unless a record cache still holds them.
   */
  query(key: K, start: number, end: number): SessionEntry<K, V> | null {
    const e = this.fetchSession(key, start, end);
    if (!e || this.layout.cached) return e;
    return end >= this.firstLiveEnd() ? e : null;
  }

  /** Sessions of key with end >= earliestEnd and start <= latestStart, ascending by end then start. */
  findSessions(key: K, earliestEnd: number, latestStart: number): SessionEntry<K, V>[] {
    const list = this.byKey.get(storeKey(key)) ?? [];
    // Kafka's segmented store no longer returns expired sessions; a record cache in front of it still does.
    const from = this.layout.cached ? earliestEnd : Math.max(earliestEnd, this.firstLiveEnd());
    return list.filter((s) => s.end >= from && s.start <= latestStart).sort((a, b) => a.end - b.end || a.start - b.start);
  }

  /** The lowest session end still in the (uncached) store. */
  private firstLiveEnd(): number {
    return this.layout.timeFirst ? this.observedEnd - this.retentionMs : this.observedEnd - this.retentionMs + 1;
  }

  fetchSession(key: K, start: number, end: number): SessionEntry<K, V> | null {
    return (this.byKey.get(storeKey(key)) ?? []).find((s) => s.start === start && s.end === end) ?? null;
  }

  put(key: K, start: number, end: number, value: V | null): void {
    this.observedEnd = Math.max(this.observedEnd, end);
    const k = storeKey(key);
    const list = (this.byKey.get(k) ?? []).filter((s) => !(s.start === start && s.end === end));
    if (value !== null && value !== undefined) list.push({ key, start, end, value });
    if (list.length) this.byKey.set(k, list);
    else this.byKey.delete(k);
    this.onChange?.(key, start, end, value ?? null);
  }

  remove(key: K, start: number, end: number): void {
    this.put(key, start, end, null);
  }

  /** Every session, ordered by end then key. */
  allSessions(): SessionEntry<K, V>[] {
    const out: SessionEntry<K, V>[] = [];
    for (const l of this.byKey.values()) out.push(...l);
    return out.sort((a, b) => a.end - b.end || compareKeys(a.key, b.key) || a.start - b.start);
  }

  all(): StoreEntry[] {
    return this.allSessions().map((s) => ({ key: { key: s.key, start: s.start, end: s.end }, value: s.value, timestamp: s.end }));
  }
}
