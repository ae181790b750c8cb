/**
 * Forwards KTable updates as Change records, through a record cache when caching is on. Like Kafka's
 * caching layer, the cache holds the latest update per key until the task flushes (after every input
 * record under TopologyTestDriver semantics); then one Change per dirty key goes out, in the order the
 * keys were first dirtied, with the old value as it was before the first cached update.
 */
import type { ProcessorContext } from '../core/context';
import { storeKey, type Change } from '../core/record';

interface Dirty {
  key: unknown;
  newValue: unknown;
  oldValue: unknown;
  timestamp: number;
}

export class TableEmitter {
  private readonly dirty = new Map<unknown, Dirty>();

  constructor(
    private readonly ctx: ProcessorContext,
    private readonly caching: boolean,
    private readonly sendOldValues: () => boolean,
  ) {
    if (caching) ctx.onFlush(() => this.flush());
  }

  emit(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number): void {
    if (!this.caching) {
      this.forward(key, newValue, oldValue, timestamp);
      return;
    }
    const k = storeKey(key);
    const d = this.dirty.get(k);
    if (d) {
      d.newValue = newValue;
      d.timestamp = timestamp;
    } else {
      this.dirty.set(k, { key, newValue, oldValue, timestamp });
    }
  }

  private forward(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number) {
    const change: Change = { newValue: newValue ?? null, oldValue: this.sendOldValues() ? (oldValue ?? null) : null };
    this.ctx.forwardNew(key, change, timestamp);
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    // Forwarding cannot reach this emitter again (topologies are acyclic), so iterate, then clear.
    for (const d of this.dirty.values()) this.forward(d.key, d.newValue, d.oldValue, d.timestamp);
    this.dirty.clear();
  }
}

/** A mutable switch shared by a KTable's processors: downstream operators turn on old values. */
export interface OldValues {
  enabled: boolean;
}
