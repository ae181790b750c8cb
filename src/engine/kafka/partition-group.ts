/**
 * Like Kafka Streams' PartitionGroup: a task buffers the records of all its input partitions and
 * processes, within a sub-topology, the buffered head with the smallest timestamp, but only when
 * every input of that sub-topology has data buffered or is caught up (nothing more to fetch now).
 * So a join sees its two sides interleaved by time, as in the preview, not in fetch order.
 */
import type { StreamRecord } from '../core/record';

export interface Buffered {
  topic: string;
  offset: string;
  record: StreamRecord;
}

export class PartitionGroup {
  private readonly queues = new Map<string, Buffered[]>();
  private readonly caughtUp = new Map<string, boolean>();

  /** groups: the (Kafka) input topics of each sub-topology of the task. */
  constructor(
    private readonly groups: string[][],
    initiallyCaughtUp: Map<string, boolean>,
  ) {
    for (const g of groups) for (const t of g) {
      this.queues.set(t, []);
      this.caughtUp.set(t, initiallyCaughtUp.get(t) ?? true);
    }
  }

  add(topic: string, items: Buffered[], caughtUpAfter: boolean): void {
    const q = this.queues.get(topic);
    if (!q) return;
    q.push(...items);
    this.caughtUp.set(topic, caughtUpAfter);
  }

  /** The next record to process, or null when every ready sub-topology is drained. */
  next(): Buffered | null {
    for (const g of this.groups) {
      let ready = true;
      let best: Buffered[] | null = null;
      for (const t of g) {
        const q = this.queues.get(t)!;
        if (q.length === 0) {
          if (!this.caughtUp.get(t)) ready = false;
          continue;
        }
        if (!best || q[0].record.timestamp < best[0].record.timestamp) best = q;
      }
      if (ready && best) return best.shift()!;
    }
    return null;
  }
}
