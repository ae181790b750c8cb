/**
 * A FIFO of records in a topic the driver feeds back (repartition topics, topics the topology both
 * writes and reads). It keeps its array between uses: emptying an array with `length = 0` frees its
 * backing store, so the next push allocated a new one, once per input record of every repartitioning
 * topology (more garbage than the records themselves in word count).
 */
import type { StreamRecord } from './core/record';

/** Above this many slots an emptied queue drops its array, so a burst does not keep records alive. */
const KEEP_SLOTS = 1024;

export class RecordQueue {
  private items: StreamRecord[] = [];
  private head = 0;
  private end = 0;

  get size(): number {
    return this.end - this.head;
  }

  push(r: StreamRecord): void {
    this.items[this.end++] = r;
  }

  /** The oldest record (undefined when empty). */
  peek(): StreamRecord | undefined {
    return this.head < this.end ? this.items[this.head] : undefined;
  }

  /** Removes and returns the oldest record. */
  shift(): StreamRecord | undefined {
    if (this.head === this.end) return undefined;
    const r = this.items[this.head++];
    if (this.head === this.end) this.clear();
    return r;
  }

  private clear(): void {
    if (this.end > KEEP_SLOTS) this.items = [];
    this.head = this.end = 0;
  }
}
