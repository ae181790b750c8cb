/**
 * State stores backed by changelog topics: every change of a logged store becomes a record on
 * <app>-<store>-changelog (same partition as the task), and a task's stores are restored from those
 * records before it processes anything. Key-value, window and session stores are logged.
 */
import type { Task } from '../core/task';
import { KeyValueStore } from '../stores/kv-store';
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
  }
}

/** Applies changelog records (oldest first) to a task's stores; later records win, tombstones delete. */
export function restore(task: Task, records: ChangelogRecord[]): void {
  for (const r of records) {
    const s = task.stores.get(r.store);
    const k = JSON.parse(r.key);
    const v = r.value === null ? null : JSON.parse(r.value);
    if (s instanceof KeyValueStore) s.put(k, v ? v.value : null, v ? v.ts : 0);
    else if (s instanceof WindowStore) s.put(k.key, k.start, v ? v.value : null, v ? v.ts : 0);
    else if (s instanceof SessionStore) s.put(k.key, k.start, k.end, v ? v.value : null);
  }
  // Processors that keep stream time derive it again from their restored state.
  for (const n of task.nodes.values()) (n.processor as { afterRestore?: () => void } | null)?.afterRestore?.();
}
