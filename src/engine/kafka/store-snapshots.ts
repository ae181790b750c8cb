/**
 * Changelogs for the stores that have no change hook: stream-stream join windows (both sides and
 * the shared store of unmatched records with the join's stream time), suppress buffers and
 * foreign-key subscription stores. Kafka Streams logs all of these. Their processors change them
 * directly, so instead of hooking every change, the runtime takes a per-key snapshot of each store
 * at every commit and writes the keys whose value differs from the last snapshot it wrote
 * (tombstones for keys that are gone). That costs a pass over the store per commit.
 */
import { storeKey, type Change } from '../core/record';
import { JoinSideStore, OuterJoinStore } from '../joins/stream-stream';
import { SubscriptionStore } from '../joins/subscription-store';
import { StreamJoinBuffer, type BufferedStreamRecord } from '../joins/stream-table-buffer';
import { SuppressBuffer } from '../processors/suppress';
import type { StateStore } from '../stores/state-store';

export interface SnapshotCodec {
  /** The store's contents as changelog key -> value (both JSON text). */
  dump(store: StateStore): Map<string, string>;
  /** Rebuilds the store from the latest value of every key (tombstoned keys left out). */
  load(store: StateStore, entries: Map<string, string>): void;
}

/** Join side: per join key, its records [timestamp, value] in store order. */
const joinSide: SnapshotCodec = {
  dump(store) {
    const byKey = new Map<string, [number, unknown][]>();
    for (const e of store.all()) {
      const k = JSON.stringify(e.key);
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push([e.timestamp ?? 0, e.value]);
    }
    return new Map([...byKey].map(([k, list]) => [k, JSON.stringify(list)]));
  },
  load(store, entries) {
    const s = store as JoinSideStore;
    for (const [k, v] of entries) {
      const key = JSON.parse(k);
      for (const [ts, value] of JSON.parse(v) as [number, unknown][]) s.put(key, value, ts);
    }
  },
};

/** Key of the shared join store's stream time (record groups are keyed by JSON arrays, never a string). */
const STREAM_TIME = '"streamTime"';

/** Unmatched records of left/outer joins, grouped by [side, key, timestamp], and the join's stream time. */
const outerJoin: SnapshotCodec = {
  dump(store) {
    const s = store as OuterJoinStore;
    const out = new Map<string, string>();
    const groups = new Map<string, unknown[]>();
    for (const e of s.entries) {
      const k = JSON.stringify([e.left ? 'left' : 'right', e.key, e.ts]);
      let list = groups.get(k);
      if (!list) groups.set(k, (list = []));
      list.push(e.value);
    }
    for (const [k, values] of groups) out.set(k, JSON.stringify(values));
    if (s.streamTime > -Infinity) out.set(STREAM_TIME, String(s.streamTime));
    return out;
  },
  load(store, entries) {
    const s = store as OuterJoinStore;
    const time = timeEntry(entries, STREAM_TIME);
    if (time !== null) s.streamTime = Math.max(s.streamTime, time);
    for (const [k, v] of entries) {
      if (k === STREAM_TIME) continue;
      const [side, key, ts] = JSON.parse(k) as ['left' | 'right', unknown, number];
      for (const value of JSON.parse(v) as unknown[]) s.hold({ key, ts, left: side === 'left', value });
    }
  },
};

interface BufferedJson {
  bufferTime: number;
  change: Change;
  priorValue: unknown;
  timestamp: number;
}

/** Suppress buffer: per key, what is held back and since when. */
const suppressBuffer: SnapshotCodec = {
  dump(store) {
    const s = store as SuppressBuffer;
    const out = new Map<string, string>();
    for (const b of s.entries.values()) {
      const value: BufferedJson = { bufferTime: b.bufferTime, change: b.change, priorValue: b.priorValue, timestamp: b.timestamp };
      out.set(JSON.stringify(b.key), JSON.stringify(value));
    }
    return out;
  },
  load(store, entries) {
    const s = store as SuppressBuffer;
    for (const [k, v] of entries) {
      const key = JSON.parse(k);
      const b = JSON.parse(v) as BufferedJson;
      s.entries.set(storeKey(key), { key, bufferTime: b.bufferTime, change: { newValue: b.change.newValue ?? null, oldValue: b.change.oldValue ?? null }, priorValue: b.priorValue ?? null, timestamp: b.timestamp });
    }
  },
};

/**
 * Foreign-key subscriptions: per (foreign key, left key), the left key and the hash of the left
 * value it subscribed with. Store keys are primitives or strings (storeKey), so they survive JSON.
 */
const subscriptions: SnapshotCodec = {
  dump(store) {
    const s = store as SubscriptionStore;
    const out = new Map<string, string>();
    for (const [fk, subs] of s.subscribers) for (const [lk, sub] of subs) out.set(JSON.stringify([fk, lk]), JSON.stringify(sub));
    return out;
  },
  load(store, entries) {
    const s = store as SubscriptionStore;
    for (const [k, v] of entries) {
      const [fk, lk] = JSON.parse(k) as [unknown, unknown];
      let subs = s.subscribers.get(fk);
      if (!subs) s.subscribers.set(fk, (subs = new Map()));
      subs.set(lk, JSON.parse(v));
    }
  },
};

/** The time a snapshot keeps under its own key beside the records (null when it has none). */
function timeEntry(entries: Map<string, string>, key: string): number | null {
  const v = entries.get(key);
  return v === undefined ? null : Number(v);
}

/** Key of a grace buffer's time (record keys are JSON arrays, never a string). */
const BUFFER_TIME = '"time"';

/** A stream-table join's grace buffer: per record [timestamp, key, arrival], its value and headers; and the buffer's time. */
const joinBuffer: SnapshotCodec = {
  dump(store) {
    const s = store as StreamJoinBuffer;
    const out = new Map<string, string>();
    for (const r of s.records) out.set(JSON.stringify([r.timestamp, r.key, r.seq]), JSON.stringify({ value: r.value, headers: r.headers }));
    if (s.time > -Infinity) out.set(BUFFER_TIME, String(s.time));
    return out;
  },
  load(store, entries) {
    const s = store as StreamJoinBuffer;
    const time = timeEntry(entries, BUFFER_TIME);
    if (time !== null) s.time = Math.max(s.time, time);
    for (const [k, v] of entries) {
      if (k === BUFFER_TIME) continue;
      const [timestamp, key, seq] = JSON.parse(k) as [number, unknown, number];
      const { value, headers } = JSON.parse(v) as Pick<BufferedStreamRecord, 'value' | 'headers'>;
      s.insert({ key, value, timestamp, seq, ...(headers ? { headers } : {}) });
    }
  },
};

export function snapshotCodecFor(store: StateStore): SnapshotCodec | null {
  if (store instanceof JoinSideStore) return joinSide;
  if (store instanceof OuterJoinStore) return outerJoin;
  if (store instanceof SuppressBuffer) return suppressBuffer;
  if (store instanceof SubscriptionStore) return subscriptions;
  if (store instanceof StreamJoinBuffer) return joinBuffer;
  return null;
}

/** The changes between the last snapshot written and the current one (null value: tombstone). */
export function snapshotChanges(last: Map<string, string>, now: Map<string, string>): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (const [k, v] of now) if (last.get(k) !== v) out.push([k, v]);
  for (const k of last.keys()) if (!now.has(k)) out.push([k, null]);
  return out;
}
