/**
 * The contents of one state store after each input record, kept so the timeline can show a store
 * "as of" any record without running the design again. Two shapes:
 * - a change log (stores that report each change: key-value, window, session): every change with the
 *   input position it happened at, plus a full checkpoint every CHECKPOINT_CHANGES changes, so the
 *   contents at a position are one checkpoint plus at most that many changes;
 * - snapshots (stores that do not report changes: join windows, held unmatched records, suppress
 *   buffers): the whole contents after each input record that may have changed them, kept only when
 *   they differ from the previous snapshot.
 * Pure.
 */
import type { StoreEntry } from '../../engine';

/** Changes between two checkpoints of a change-logged store: bounds the work of one step. */
export const CHECKPOINT_CHANGES = 256;

export interface StoreHistory {
  readonly name: string;
  /** The contents after the input record at `position` was processed (before any input: -1). */
  at(position: number): StoreEntry[];
  /** What the history holds, for the memory figure: entries kept in checkpoints/snapshots and changes. */
  size(): { entries: number; changes: number; checkpoints: number };
}

interface Checkpoint {
  /** Index of the first change not folded into `entries`. */
  change: number;
  entries: Map<string, StoreEntry>;
}

/** The first index i in [0, n) with positionOf(i) > position (n when none). */
export function upperBound(n: number, position: number, positionOf: (i: number) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positionOf(mid) <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Window stores stop listing windows past retention without reporting a change: the history keeps
 * the latest window start seen and asks the store's own rule which windows are still listed.
 */
export interface Expiry {
  start(entry: StoreEntry): number;
  liveAt(start: number, observedTime: number): boolean;
}

export class ChangeLogHistory implements StoreHistory {
  private readonly positions: number[] = [];
  /** With an expiry: the latest window start seen up to each change. */
  private readonly observed: number[] = [];
  private readonly keys: string[] = [];
  private readonly entries: (StoreEntry | null)[] = [];
  private readonly checkpoints: Checkpoint[] = [{ change: 0, entries: new Map() }];
  /** The live contents as of the last change (folded into a checkpoint every CHECKPOINT_CHANGES). */
  private readonly live = new Map<string, StoreEntry>();

  constructor(
    readonly name: string,
    private readonly expiry?: Expiry,
  ) {}

  /** A change at `position`: `entry` null deletes the key; `start`: the window's start (window stores). */
  change(position: number, key: string, entry: StoreEntry | null, start = -Infinity): void {
    if (this.expiry) this.observed.push(Math.max(start, this.observed[this.observed.length - 1] ?? -Infinity));
    this.positions.push(position);
    this.keys.push(key);
    this.entries.push(entry);
    if (entry === null) this.live.delete(key);
    else this.live.set(key, entry);
    if (this.positions.length % CHECKPOINT_CHANGES === 0) this.checkpoints.push({ change: this.positions.length, entries: new Map(this.live) });
  }

  at(position: number): StoreEntry[] {
    const end = upperBound(this.positions.length, position, (i) => this.positions[i]);
    // The last checkpoint taken at or before change `end`.
    const cp = this.checkpoints[Math.min(this.checkpoints.length - 1, Math.floor(end / CHECKPOINT_CHANGES))];
    const out = new Map(cp.entries);
    for (let i = cp.change; i < end; i++) {
      const e = this.entries[i];
      if (e === null) out.delete(this.keys[i]);
      else out.set(this.keys[i], e);
    }
    const expiry = this.expiry;
    if (!expiry || end === 0) return [...out.values()];
    const observed = this.observed[end - 1];
    return [...out.values()].filter((e) => expiry.liveAt(expiry.start(e), observed));
  }

  size() {
    let entries = 0;
    for (const cp of this.checkpoints) entries += cp.entries.size;
    return { entries, changes: this.positions.length, checkpoints: this.checkpoints.length };
  }
}

export class SnapshotHistory implements StoreHistory {
  private readonly positions: number[] = [];
  private readonly snapshots: StoreEntry[][] = [];

  constructor(readonly name: string) {}

  /** The contents after the record at `position`; kept when they differ from the last ones kept. */
  offer(position: number, contents: StoreEntry[]): void {
    const last = this.snapshots[this.snapshots.length - 1] ?? [];
    if (sameEntries(last, contents)) return;
    this.positions.push(position);
    this.snapshots.push(contents);
  }

  at(position: number): StoreEntry[] {
    const i = upperBound(this.positions.length, position, (j) => this.positions[j]) - 1;
    return i < 0 ? [] : this.snapshots[i];
  }

  size() {
    let entries = 0;
    for (const s of this.snapshots) entries += s.length;
    return { entries, changes: 0, checkpoints: this.snapshots.length };
  }
}

/**
 * Same entries in the same order (the stores list their contents in a stable order). Entries are
 * compared by identity first; stores that wrap what they hold in new objects on every listing are
 * compared by their text.
 */
function sameEntries(a: StoreEntry[], b: StoreEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.timestamp !== y.timestamp) return false;
    if ((x.key !== y.key || x.value !== y.value) && JSON.stringify([x.key, x.value]) !== JSON.stringify([y.key, y.value])) return false;
  }
  return true;
}
