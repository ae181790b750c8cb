/**
 * State stores backed by changelog topics: every change of a logged store becomes a record on
 * <app>-<store>-changelog (same partition as the task), and a task's stores are restored from those
 * records before it processes anything. Key-value, window, session and versioned stores report each change;
 * join, suppress and subscription stores are compared with their last written snapshot at each
 * commit (store-snapshots.ts).
 */
import type { Task } from '../core/task';
import { snapshotChanges, snapshotCodecFor } from './store-snapshots';
import { KeyValueStore } from '../stores/kv-store';
import { VersionedKeyValueStore, type Version } from '../stores/versioned-store';
import { SessionStore } from '../stores/session-store';
import { WindowStore } from '../stores/window-store';

export interface ChangelogRecord {
  store: string;
  key: string;
  value: string | null;
}

/**
 * Turns store changes of a task into changelog records (pushed to `sink`). The value is serialized
 * only when asked for: changes are kept per key until the next commit, and most are replaced before.
 */
export function captureChanges(task: Task, stores: string[], sink: (store: string, key: string, value: () => string | null) => void): void {
  const json = (v: unknown) => () => JSON.stringify(v);
  const tombstone = () => null;
  for (const name of stores) {
    const s = task.stores.get(name);
    if (s instanceof KeyValueStore) s.onChange = (key, value, ts) => sink(name, JSON.stringify(key), value === null ? tombstone : json({ value, ts }));
    else if (s instanceof WindowStore) s.onChange = (key, start, value, ts) => sink(name, JSON.stringify({ key, start }), value === null ? tombstone : json({ value, ts }));
    else if (s instanceof SessionStore) s.onChange = (key, start, end, value) => sink(name, JSON.stringify({ key, start, end }), value === null ? tombstone : json({ value }));
    // A versioned store's record per key carries all its versions (read at commit), so history survives compaction and restarts.
    else if (s instanceof VersionedKeyValueStore) s.onChange = (key) => sink(name, JSON.stringify(key), () => JSON.stringify(s.versionsOf(key)));
  }
}

/** The changes of a task's snapshot-logged stores since the last call (or since the restore). */
export class SnapshotLogger {
  private readonly last = new Map<string, Map<string, string>>();

  constructor(
    private readonly task: Task,
    private readonly stores: string[],
  ) {
    this.changes();
  }

  changes(): ChangelogRecord[] {
    const out: ChangelogRecord[] = [];
    for (const name of this.stores) {
      const store = this.task.stores.get(name);
      const codec = store && snapshotCodecFor(store);
      if (!codec) continue;
      const now = codec.dump(store);
      for (const [key, value] of snapshotChanges(this.last.get(name) ?? new Map(), now)) out.push({ store: name, key, value });
      this.last.set(name, now);
    }
    return out;
  }
}

/**
 * Applies changelog records (oldest first) to a task's stores; later records win, tombstones delete.
 * `streamTimeOf` gives, per processor, the stream time restored from the committed partition times
 * of its sub-topology, for processors that keep one and cannot derive it from their stores.
 */
export function restore(task: Task, records: ChangelogRecord[], streamTimeOf: (node: string) => number | undefined = () => undefined): void {
  const snapshots = new Map<string, Map<string, string>>();
  for (const r of records) {
    const s = task.stores.get(r.store);
    if (s && snapshotCodecFor(s)) {
      let latest = snapshots.get(r.store);
      if (!latest) snapshots.set(r.store, (latest = new Map()));
      if (r.value === null) latest.delete(r.key);
      else latest.set(r.key, r.value);
      continue;
    }
    const k = JSON.parse(r.key);
    const v = r.value === null ? null : JSON.parse(r.value);
    if (s instanceof KeyValueStore) s.put(k, v ? v.value : null, v ? v.ts : 0);
    else if (s instanceof WindowStore) s.put(k.key, k.start, v ? v.value : null, v ? v.ts : 0);
    else if (s instanceof SessionStore) s.put(k.key, k.start, k.end, v ? v.value : null);
    else if (s instanceof VersionedKeyValueStore) s.restoreVersions(k, v as Version[] | null);
  }
  for (const [name, latest] of snapshots) snapshotCodecFor(task.stores.get(name)!)!.load(task.stores.get(name)!, latest);
  // Processors that keep stream time derive it again from their restored state (or take the restored one).
  for (const n of task.nodes.values()) (n.processor as { afterRestore?: (streamTime?: number) => void } | null)?.afterRestore?.(streamTimeOf(n.name));
}
