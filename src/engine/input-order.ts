/**
 * The one rule that orders records across topics, for the preview, the CLI and the exported
 * project alike: like a Kafka task picking from its partitions, each topic keeps its own order and
 * the next record is the head with the smallest timestamp. Ties (equal timestamps) go to the topic
 * whose name sorts first by code point, so the order never depends on how the inputs were given
 * (the order of a samples file, of source nodes or of --input flags). Topics nothing reads are ignored.
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

/** Whether topic a's head (timestamp ta) is taken before topic b's (tb). A timestamp that is not a number goes first (its check fails at once). */
export function headBefore(ta: number, a: string, tb: number, b: string): boolean {
  if (Number.isNaN(ta)) return !Number.isNaN(tb) || a < b;
  if (Number.isNaN(tb)) return false;
  return ta < tb || (ta === tb && a < b);
}

export function mergeByTimestamp(samples: Record<string, InputRecord[]>, topics: Set<string>): OrderedInput[] {
  const queues = Object.entries(samples)
    .filter(([t]) => topics.has(t))
    .map(([topic, records]) => ({ topic, records: records ?? [], pos: 0 }));
  const out: OrderedInput[] = [];
  for (;;) {
    let best: (typeof queues)[number] | null = null;
    let bestTs = 0;
    for (const q of queues) {
      if (q.pos >= q.records.length) continue;
      const ts = Number(q.records[q.pos].timestamp);
      if (!best || headBefore(ts, q.topic, bestTs, best.topic)) {
        best = q;
        bestTs = ts;
      }
    }
    if (!best) return out;
    out.push({ topic: best.topic, index: best.pos, record: best.records[best.pos] });
    best.pos++;
  }
}
