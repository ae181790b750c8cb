/**
 * Orders sample records across topics like a Kafka task picks records from its partitions: each
 * topic keeps its own order, and the next record is the head with the smallest timestamp (ties: the
 * topic listed first). Topics nothing reads are ignored.
 */
import type { SampleRecord } from '../model/types';

export interface OrderedInput {
  topic: string;
  index: number;
  record: SampleRecord;
}

export function mergeByTimestamp(samples: Record<string, SampleRecord[]>, topics: Set<string>): OrderedInput[] {
  const queues = Object.entries(samples)
    .filter(([t]) => topics.has(t))
    .map(([topic, records]) => ({ topic, records: records ?? [], pos: 0 }));
  const out: OrderedInput[] = [];
  for (;;) {
    let best: (typeof queues)[number] | null = null;
    for (const q of queues) {
      if (q.pos >= q.records.length) continue;
      const ts = Number(q.records[q.pos].timestamp);
      if (!best || ts < Number(best.records[best.pos].timestamp) || Number.isNaN(ts)) best = q;
      if (Number.isNaN(ts)) break;
    }
    if (!best) return out;
    out.push({ topic: best.topic, index: best.pos, record: best.records[best.pos] });
    best.pos++;
  }
}
