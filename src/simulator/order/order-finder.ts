/**
 * The order-dependence finder: Kafka orders records only within a partition, so the samples are
 * replayed under K valid arrival orders (Kafka's timestamp-based choice first, then seeded random
 * interleavings that keep each topic partition's own order) and every sink record whose presence
 * depends on the order is listed, with two orders that disagree. Each source topic is one partition
 * here. Stops at a deadline and says how many orders it tried. Same compiler and engine as the
 * exported project. Pure.
 */
import { compileDesign } from '../../compiler/compile';
import { mergeByTimestamp, Serdes, TopologyTestDriver, type OrderedInput } from '../../engine';
import { hasErrors } from '../../model/check';
import type { TopologyDocument } from '../../model/types';

export interface OrderOptions {
  /** Orders tried, Kafka's own included (default 50). */
  orders?: number;
  seed?: number;
  /** Stop trying new orders after this many ms (the worker's time limit). */
  budgetMs?: number;
  now?: () => number;
}

export interface OrderDependentRecord {
  topic: string;
  key: unknown;
  value: unknown;
  /** An order (input ids, as processed) with the record, and one without it. */
  presentIn: string[];
  absentIn: string[];
}

export interface OrderReport {
  ok: boolean;
  error?: string;
  tried: number;
  /** True when the budget ran out before K orders were tried. */
  stoppedEarly: boolean;
  seed: number;
  dependent: OrderDependentRecord[];
}

type Sinks = Map<string, Map<string, number>>;

export function findOrderDependence(doc: TopologyDocument, opts: OrderOptions = {}): OrderReport {
  const k = Math.max(1, opts.orders ?? 50);
  const seed = opts.seed ?? 1;
  const now = opts.now ?? (() => Date.now());
  const started = now();
  const compiled = compileDesign(doc);
  const report: OrderReport = { ok: true, tried: 0, stoppedEarly: false, seed, dependent: [] };
  if (hasErrors(compiled.diagnostics)) return { ...report, ok: false, error: 'the design has errors (see validate)' };
  const base = mergeByTimestamp(doc.samples, compiled.sourceTopics);
  const rand = mulberry32(seed);
  const runs: { order: OrderedInput[]; sinks: Sinks }[] = [];
  for (let i = 0; i < k; i++) {
    if (i > 0 && opts.budgetMs !== undefined && now() - started > opts.budgetMs) {
      report.stoppedEarly = true;
      break;
    }
    const order = i === 0 ? base : interleave(base, rand);
    try {
      runs.push({ order, sinks: run(doc, compiled.topology, order) });
    } catch (e) {
      return { ...report, ok: false, error: e instanceof Error ? e.message : String(e), tried: i };
    }
  }
  report.tried = runs.length;
  report.dependent = disagreements(runs);
  return report;
}

/** The sink records of one order, as counts of "[key, value]" per topic. */
function run(doc: TopologyDocument, topology: ReturnType<typeof compileDesign>['topology'], order: OrderedInput[]): Sinks {
  const sinks: Sinks = new Map();
  const driver = new TopologyTestDriver(topology, {
    defaultKeySerde: Serdes.byName(doc.settings.defaultKeySerde),
    defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
    retainOutputs: false,
    onOutput: (topic, r) => {
      const m = sinks.get(topic) ?? sinks.set(topic, new Map()).get(topic)!;
      const t = JSON.stringify([r.key, r.value]);
      m.set(t, (m.get(t) ?? 0) + 1);
    },
  });
  for (const { topic, record } of order) driver.pipe(topic, record.key, record.value, record.timestamp, record.headers);
  return sinks;
}

/** A random interleaving of the topics that keeps each topic's own order. */
function interleave(base: OrderedInput[], rand: () => number): OrderedInput[] {
  const byTopic = new Map<string, OrderedInput[]>();
  for (const x of [...base].sort((a, b) => a.index - b.index)) (byTopic.get(x.topic) ?? byTopic.set(x.topic, []).get(x.topic)!).push(x);
  const queues = [...byTopic.values()];
  const out: OrderedInput[] = [];
  let left = base.length;
  while (left > 0) {
    // Weighted by what is left, so every interleaving is reachable and long topics are not starved.
    let pick = Math.floor(rand() * left);
    const q = queues.find((qq) => (pick -= qq.length) < 0)!;
    out.push(q.shift()!);
    left--;
  }
  return out;
}

function disagreements(runs: { order: OrderedInput[]; sinks: Sinks }[]): OrderDependentRecord[] {
  const ids = (o: OrderedInput[]) => o.map((x) => `${x.topic}#${x.index}`);
  const all = new Map<string, { topic: string; text: string }>();
  for (const r of runs) for (const [topic, m] of r.sinks) for (const text of m.keys()) all.set(`${topic}\n${text}`, { topic, text });
  const out: OrderDependentRecord[] = [];
  for (const { topic, text } of all.values()) {
    const count = (r: (typeof runs)[number]) => r.sinks.get(topic)?.get(text) ?? 0;
    const present = runs.find((r) => count(r) > 0);
    const absent = runs.find((r) => count(r) === 0);
    if (!present || !absent) continue;
    const [key, value] = JSON.parse(text) as [unknown, unknown];
    out.push({ topic, key, value, presentIn: ids(present.order), absentIn: ids(absent.order) });
  }
  return out;
}

/** A small seeded PRNG (reproducible orders for a seed). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
