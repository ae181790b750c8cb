/**
 * Like Kafka Streams' PartitionGroup: a task buffers the records of all its input partitions and
 * processes, within a sub-topology, the buffered head with the smallest timestamp, but only when
 * every input of that sub-topology has data buffered or is caught up (nothing more to fetch now).
 * So a join sees its two sides interleaved by time, as in the preview, not in fetch order.
 */
import type { StreamRecord } from '../core/record';

export interface Buffered {
  /** The Kafka topic (internal topics with the application id prefix). */
  topic: string;
  /** The topic as the topology names it. */
  specTopic: string;
  offset: number;
  record: StreamRecord;
  /** Dropped by the deserialization handler: only its offset counts as processed. */
  skip?: boolean;
  /** With tracing on: the record's W3C trace context headers (tracing.ts). */
  traceparent?: string;
  tracestate?: string;
}

/** FIFO over an array with a moving head: Array#shift copies large arrays, making a big batch quadratic. */
class Queue {
  private items: Buffered[] = [];
  private head = 0;
  get length() {
    return this.items.length - this.head;
  }
  peek(): Buffered {
    return this.items[this.head];
  }
  take(): Buffered {
    const item = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return item;
  }
  addAll(items: Buffered[]) {
    for (let i = 0; i < items.length; i++) this.items.push(items[i]);
  }
}

export class PartitionGroup {
  private readonly queues = new Map<string, Queue>();
  private readonly caughtUp = new Map<string, boolean>();

  /** groups: the (Kafka) input topics of each sub-topology of the task. */
  constructor(
    private readonly groups: string[][],
    initiallyCaughtUp: Map<string, boolean>,
  ) {
    for (const g of groups) for (const t of g) {
      this.queues.set(t, new Queue());
      this.caughtUp.set(t, initiallyCaughtUp.get(t) ?? true);
    }
  }

  add(topic: string, items: Buffered[], caughtUpAfter: boolean): void {
    const q = this.queues.get(topic);
    if (!q) return;
    q.addAll(items);
    this.caughtUp.set(topic, caughtUpAfter);
  }

  /** Drops every buffered record (they are fetched again from the position the consumer seeks to). */
  clear(): void {
    for (const [t, q] of this.queues) if (q.length) this.queues.set(t, new Queue());
  }

  /** Updates whether an input is caught up; true when it changed. */
  markCaughtUp(topic: string, caughtUp: boolean): boolean {
    if (!this.queues.has(topic) || this.caughtUp.get(topic) === caughtUp) return false;
    this.caughtUp.set(topic, caughtUp);
    return true;
  }

  /** The next record to process, or null when every ready sub-topology is drained. */
  next(): Buffered | null {
    for (const g of this.groups) {
      let ready = true;
      let best: Queue | null = null;
      for (const t of g) {
        const q = this.queues.get(t)!;
        if (q.length === 0) {
          if (!this.caughtUp.get(t)) ready = false;
          continue;
        }
        if (!best || q.peek().record.timestamp < best.peek().record.timestamp) best = q;
      }
      if (ready && best) return best.take();
    }
    return null;
  }
}
