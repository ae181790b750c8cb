/**
 * Orders sample records across topics like a Kafka task picks records from its partitions: each
 * topic keeps its own order, and the next record is the head with the smallest timestamp (ties: the
 * topic listed first). Topics nothing reads are ignored.
 */
/** A record as given in sample files: key, value, timestamp (ms), optional headers. */
export interface InputRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  headers?: Record<string, string>;
}

export interface OrderedInput {
  topic: string;
  index: number;
  record: InputRecord;
}

export function mergeByTimestamp(samples: Record<string, InputRecord[]>, topics: Set<string>): OrderedInput[] {
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
