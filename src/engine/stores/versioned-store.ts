/**
 * An in-memory versioned key-value store (Kafka's VersionedKeyValueStore, KIP-889): every version of
 * a key (value or tombstone) with the timestamp it became valid at, kept for `historyRetentionMs`
 * behind the store's stream time (the largest timestamp put). `get` reads the latest version,
 * `getAsOf` the version valid at a time. A put older than the key's latest version is stored as
 * history but is not "latest" (the table forwards it marked so, and aggregations and joins skip it);
 * a put older than stream time - history retention is not stored at all. Versioned stores never cache.
 */
import { compareKeys, storeKey, type ValueAndTimestamp } from '../core/record';
import type { StateStore, StoreEntry } from './state-store';

/** What a put did: Kafka's PUT_RETURN_CODE_IS_LATEST, a validTo timestamp (history) or PUT_RETURN_CODE_NOT_PUT. */
export type PutResult = 'latest' | 'history' | 'notPut';

export interface Version {
  /** null: a tombstone version. */
  value: unknown;
  timestamp: number;
}

interface Entry {
  key: unknown;
  /** Ascending by timestamp; at most one per timestamp. */
  versions: Version[];
}

export class VersionedKeyValueStore implements StateStore {
  private readonly map = new Map<unknown, Entry>();
  /** The largest timestamp put (Kafka's observedStreamTime of the store). */
  private streamTime = -Infinity;
  /** Called on every stored put with the key (the Kafka runtime logs the key's versions). */
  onChange?: (key: unknown) => void;

  constructor(
    readonly name: string,
    readonly historyRetentionMs: number,
  ) {}

  /** The latest version, if it is not a tombstone. */
  get(key: unknown): ValueAndTimestamp | null {
    const e = this.map.get(storeKey(key));
    const v = e && e.versions[e.versions.length - 1];
    return v && v.value !== null ? (v as ValueAndTimestamp) : null;
  }

  /** The version valid at `asOf` (latest at or before it); null for a tombstone, none, or a time past history retention. */
  getAsOf(key: unknown, asOf: number): ValueAndTimestamp | null {
    if (asOf < this.streamTime - this.historyRetentionMs) return null;
    const e = this.map.get(storeKey(key));
    if (!e) return null;
    for (let i = e.versions.length - 1; i >= 0; i--) {
      const v = e.versions[i];
      if (v.timestamp <= asOf) return v.value === null ? null : (v as ValueAndTimestamp);
    }
    return null;
  }

  put(key: unknown, value: unknown, timestamp: number): PutResult {
    if (timestamp < this.streamTime - this.historyRetentionMs) return 'notPut';
    this.streamTime = Math.max(this.streamTime, timestamp);
    const k = storeKey(key);
    let e = this.map.get(k);
    if (!e) this.map.set(k, (e = { key, versions: [] }));
    const versions = e.versions;
    const version = { value: value === undefined ? null : value, timestamp };
    let i = versions.length;
    while (i > 0 && versions[i - 1].timestamp > timestamp) i--;
    const latest = i === versions.length || (i === versions.length - 1 && versions[i].timestamp === timestamp);
    if (i > 0 && versions[i - 1].timestamp === timestamp) versions[i - 1] = version;
    else versions.splice(i, 0, version);
    this.expire(e);
    this.onChange?.(key);
    return latest ? 'latest' : 'history';
  }

  /** Drops versions no query within history retention can return (a later version is valid by then). */
  private expire(e: Entry) {
    const horizon = this.streamTime - this.historyRetentionMs;
    let drop = 0;
    while (drop < e.versions.length - 1 && e.versions[drop + 1].timestamp <= horizon) drop++;
    if (drop > 0) e.versions.splice(0, drop);
  }

  /** Every version of a key, oldest first (what the changelog carries for it). */
  versionsOf(key: unknown): Version[] {
    return [...(this.map.get(storeKey(key))?.versions ?? [])];
  }

  /** Restores a key's versions from the changelog (null: the key has none). */
  restoreVersions(key: unknown, versions: Version[] | null): void {
    const k = storeKey(key);
    if (!versions || versions.length === 0) {
      this.map.delete(k);
      return;
    }
    const sorted = [...versions].sort((a, b) => a.timestamp - b.timestamp);
    this.map.set(k, { key, versions: sorted });
    this.streamTime = Math.max(this.streamTime, sorted[sorted.length - 1].timestamp);
  }

  get size(): number {
    let n = 0;
    for (const e of this.map.values()) if (e.versions[e.versions.length - 1].value !== null) n++;
    return n;
  }

  /** The latest non-tombstone version of every key, in key order (what the table holds now), with its older versions (the preview shows them). */
  all(): StoreEntry[] {
    const out: StoreEntry[] = [];
    for (const e of this.map.values()) {
      const n = e.versions.length;
      const v = e.versions[n - 1];
      if (v.value === null) continue;
      const entry: StoreEntry = { key: e.key, value: v.value, timestamp: v.timestamp };
      // Versions are expired lazily (on a put of their key): show only those a query could still return.
      const kept = e.versions.slice(0, n - 1).filter((_, i) => e.versions[i + 1].timestamp > this.streamTime - this.historyRetentionMs);
      if (kept.length) entry.history = kept.reverse().map((h) => ({ value: h.value, timestamp: h.timestamp }));
      out.push(entry);
    }
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }
}
