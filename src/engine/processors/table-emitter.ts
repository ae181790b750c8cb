/**
 * Forwards KTable updates as Change records, through a record cache when caching is on. Like Kafka's
 * caching layer, the cache holds the latest update per key until the task flushes (after every input
 * record under TopologyTestDriver semantics); then one Change per dirty key goes out, in the order the
 * keys were first dirtied, with the old value as it was before the first cached update.
 */
import type { ProcessorContext } from '../core/context';
import { storeKey } from '../core/record';
import type { Windowed } from '../api';

interface Dirty {
  key: unknown;
  newValue: unknown;
  oldValue: unknown;
  timestamp: number;
}

/** Where the cache finds the pending update of a key. */
interface DirtyIndex {
  get(key: unknown): Dirty | undefined;
  set(key: unknown, d: Dirty): void;
  clear(): void;
}

class ByStoreKey implements DirtyIndex {
  private readonly m = new Map<unknown, Dirty>();
  get(key: unknown) {
    return this.m.get(storeKey(key));
  }
  set(key: unknown, d: Dirty) {
    this.m.set(storeKey(key), d);
  }
  clear() {
    this.m.clear();
  }
}

/**
 * For the windowed keys { key, start, end } the windowed aggregations build: maps by start, end and
 * key, the same identity as their JSON text without building it per record (turning epoch
 * timestamps into text cost more than the aggregation).
 */
class ByWindow implements DirtyIndex {
  private readonly m = new Map<number, Map<number, Map<unknown, Dirty>>>();
  get(key: unknown) {
    const w = key as Windowed<unknown>;
    return this.m.get(w.start)?.get(w.end)?.get(storeKey(w.key));
  }
  set(key: unknown, d: Dirty) {
    const w = key as Windowed<unknown>;
    let byEnd = this.m.get(w.start);
    if (!byEnd) this.m.set(w.start, (byEnd = new Map()));
    let byKey = byEnd.get(w.end);
    if (!byKey) byEnd.set(w.end, (byKey = new Map()));
    byKey.set(storeKey(w.key), d);
  }
  clear() {
    this.m.clear();
  }
}

export class TableEmitter {
  /** Pending updates in the order their keys were first dirtied, and how to find them by key. */
  private readonly dirty: Dirty[] = [];
  private readonly index: DirtyIndex;

  constructor(
    private readonly ctx: ProcessorContext,
    private readonly caching: boolean,
    private readonly sendOldValues: () => boolean,
    /** Keys are the { key, start, end } objects of a windowed aggregation. */
    windowedKeys = false,
  ) {
    this.index = windowedKeys ? new ByWindow() : new ByStoreKey();
    if (caching) ctx.onFlush(() => this.flush());
  }

  emit(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number): void {
    if (!this.caching) {
      this.forward(key, newValue, oldValue, timestamp);
      return;
    }
    const d = this.index.get(key);
    if (d) {
      d.newValue = newValue;
      d.timestamp = timestamp;
    } else {
      const fresh = { key, newValue, oldValue, timestamp };
      this.index.set(key, fresh);
      this.dirty.push(fresh);
    }
  }

  private forward(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number) {
    this.ctx.forwardChange(key, newValue ?? null, this.sendOldValues() ? (oldValue ?? null) : null, timestamp);
  }

  flush(): void {
    const dirty = this.dirty;
    if (dirty.length === 0) return;
    // Forwarding cannot reach this emitter again (topologies are acyclic), so iterate, then clear.
    // Kafka's caching stores skip a tombstone for a key the underlying store does not hold either
    // (CachingKeyValueStore / CachingWindowStore putAndMaybeForward): nothing to delete downstream.
    for (let i = 0; i < dirty.length; i++) {
      const d = dirty[i];
      if ((d.newValue === null || d.newValue === undefined) && (d.oldValue === null || d.oldValue === undefined)) continue;
      this.forward(d.key, d.newValue, d.oldValue, d.timestamp);
    }
    dirty.length = 0;
    this.index.clear();
  }
}

/** A mutable switch shared by a KTable's processors: downstream operators turn on old values. */
export interface OldValues {
  enabled: boolean;
}
