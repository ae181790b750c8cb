/**
 * Runs a topology over input feeds without Kafka, streaming: records are taken across topics by
 * the one ordering rule (input-order.ts: smallest head timestamp, ties by topic name), piped
 * through the in-memory driver, and every sink record goes to the output as it is produced; the
 * driver keeps none. Memory is what the topology's stores hold plus a batch per input.
 */
import { TopologyTestDriver } from '../driver';
import { headBefore } from '../input-order';
import { Serdes } from '../serdes';
import type { Topology } from '../topology';
import type { Feed } from './feeds';
import type { OutputSink } from './jsonl-out';

export interface RunFeedsOptions {
  defaultKeySerde?: string;
  defaultValueSerde?: string;
  /** Called every `progressEvery` input records with the count so far. */
  onProgress?: (records: number) => void;
  progressEvery?: number;
}

export interface RunFeedsResult {
  inputs: number;
}

export async function runFeeds(topology: Topology, feeds: Feed[], out: OutputSink, options: RunFeedsOptions = {}): Promise<RunFeedsResult> {
  const driver = new TopologyTestDriver(topology, {
    defaultKeySerde: Serdes.byName(options.defaultKeySerde),
    defaultValueSerde: Serdes.byName(options.defaultValueSerde),
    onOutput: (topic, r) => out.write(topic, r),
    retainOutputs: false,
  });
  const every = options.progressEvery ?? 100_000;
  let n = 0;
  try {
    for (;;) {
      const next = pick(feeds);
      if (next === undefined) {
        await fillEmpty(feeds);
        continue;
      }
      if (next === null) break;
      const r = next.head!;
      driver.pipe(next.topic, r.key, r.value, r.timestamp, r.headers);
      next.advance();
      n++;
      if (out.pending !== null) await out.pending;
      if (options.onProgress && n % every === 0) options.onProgress(n);
    }
  } finally {
    // A bad line or a failing function ends the run: its files are closed here, not by the garbage collector.
    await Promise.all(feeds.map((f) => f.close()));
  }
  return { inputs: n };
}

/** The feed whose head goes next; null: all ended; undefined: a feed must be filled first (no promise per record). */
function pick(feeds: Feed[]): Feed | null | undefined {
  let best: Feed | null = null;
  let bestTs = 0;
  for (let i = 0; i < feeds.length; i++) {
    const f = feeds[i];
    const h = f.head;
    if (h === null) {
      if (!f.done) return undefined;
      continue;
    }
    const ts = h.timestamp;
    if (best === null || headBefore(ts, f.topic, bestTs, best.topic)) {
      best = f;
      bestTs = ts;
    }
  }
  return best;
}

async function fillEmpty(feeds: Feed[]): Promise<void> {
  for (const f of feeds) while (f.head === null && !f.done) await f.fill();
}
