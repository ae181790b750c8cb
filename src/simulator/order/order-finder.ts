/**
 * The order-dependence finder: Kafka orders records only within a partition, so the samples are
 * replayed under K valid arrival orders (Kafka's timestamp-based choice first, then seeded random
 * interleavings, orders.ts) and every sink record whose presence depends on the order is listed,
 * with two orders that disagree, their outputs on that sink, and, when one exists, a single swap of
 * two neighbouring inputs in Kafka's order that alone changes it. Each source topic is one
 * partition. Stops at a deadline and says how many orders it tried. Same compiler and engine as
 * the exported project. Pure: the CLI calls it, the preview's worker answers the 'orders' query.
 */
import { compileDesign } from '../../compiler/compile';
import { mergeByTimestamp, Serdes, TopologyTestDriver, type OrderedInput } from '../../engine';
import { hasErrors } from '../../model/check';
import type { TopologyDocument } from '../../model/types';
import { adjacentSwaps, idOf, interleave, mulberry32, swapped } from './orders';
import { affectedNodes } from './affected-nodes';

export interface OrderOptions {
  /** Orders tried, Kafka's own included (default 50). */
  orders?: number;
  seed?: number;
  /** Stop trying new orders (and swaps) after this many ms (the worker's time limit). */
  budgetMs?: number;
  now?: () => number;
}

type SinkRecord = { key: unknown; value: unknown; timestamp: number };

export interface OrderDependentRecord {
  topic: string;
  key: unknown;
  value: unknown;
  /** An order (input ids, as processed) with the record, and one without it. */
  presentIn: string[];
  absentIn: string[];
  /** What the sink received under each of those two orders (the first 50 records), to replay them side by side. */
  presentOutput: SinkRecord[];
  absentOutput: SinkRecord[];
  /** Two neighbouring inputs of Kafka's order whose swap alone changes this record's presence, if one does. */
  swap?: [string, string];
}

export interface OrderReport {
  ok: boolean;
  error?: string;
  tried: number;
  /** Neighbour swaps of Kafka's order tried (for the minimal pairs) of those there are. */
  swapsTried: number;
  swapsTotal: number;
  /** True when the budget ran out before K orders (or all swaps) were tried. */
  stoppedEarly: boolean;
  seed: number;
  dependent: OrderDependentRecord[];
  /** Design nodes the dependence shows on: sinks of those topics and the stateful nodes before them. */
  nodes: string[];
}

interface Run {
  order: OrderedInput[];
  counts: Map<string, Map<string, number>>;
  outputs: Map<string, SinkRecord[]>;
}

const OUTPUT_KEPT = 50;

export function findOrderDependence(doc: TopologyDocument, opts: OrderOptions = {}): OrderReport {
  const seed = opts.seed ?? 1;
  const now = opts.now ?? (() => Date.now());
  const deadline = opts.budgetMs === undefined ? Infinity : now() + opts.budgetMs;
  const compiled = compileDesign(doc);
  const report: OrderReport = { ok: true, tried: 0, swapsTried: 0, swapsTotal: 0, stoppedEarly: false, seed, dependent: [], nodes: [] };
  if (hasErrors(compiled.diagnostics)) return { ...report, ok: false, error: 'the design has errors (see validate)' };
  const play = (order: OrderedInput[]) => run(doc, compiled.topology, order);
  const base = mergeByTimestamp(doc.samples, compiled.sourceTopics);
  const rand = mulberry32(seed);
  const runs: Run[] = [];
  try {
    for (let i = 0; i < Math.max(1, opts.orders ?? 50); i++) {
      if (i > 0 && now() > deadline) return finish(report, runs, true, doc);
      runs.push(play(i === 0 ? base : interleave(base, rand)));
    }
    finish(report, runs, false, doc);
    minimalSwaps(report, base, runs[0], play, () => now() > deadline);
  } catch (e) {
    return { ...report, ok: false, error: e instanceof Error ? e.message : String(e), tried: runs.length };
  }
  return report;
}

function finish(report: OrderReport, runs: Run[], stoppedEarly: boolean, doc: TopologyDocument): OrderReport {
  report.tried = runs.length;
  report.stoppedEarly = stoppedEarly;
  report.dependent = disagreements(runs);
  report.nodes = affectedNodes(doc, new Set(report.dependent.map((d) => d.topic)));
  return report;
}

/** One order's sink records: counts of "[key, value]" per topic, and the first records as written. */
function run(doc: TopologyDocument, topology: ReturnType<typeof compileDesign>['topology'], order: OrderedInput[]): Run {
  const counts = new Map<string, Map<string, number>>();
  const outputs = new Map<string, SinkRecord[]>();
  const driver = new TopologyTestDriver(topology, {
    defaultKeySerde: Serdes.byName(doc.settings.defaultKeySerde),
    defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
    retainOutputs: false,
    onOutput: (topic, r) => {
      const m = counts.get(topic) ?? counts.set(topic, new Map()).get(topic)!;
      const t = JSON.stringify([r.key, r.value]);
      m.set(t, (m.get(t) ?? 0) + 1);
      const list = outputs.get(topic) ?? outputs.set(topic, []).get(topic)!;
      if (list.length < OUTPUT_KEPT) list.push({ key: r.key, value: r.value, timestamp: r.timestamp });
    },
  });
  for (const { topic, record } of order) driver.pipe(topic, record.key, record.value, record.timestamp, record.headers);
  return { order, counts, outputs };
}

const countIn = (r: Run, topic: string, text: string) => r.counts.get(topic)?.get(text) ?? 0;

function disagreements(runs: Run[]): OrderDependentRecord[] {
  const all = new Map<string, { topic: string; text: string }>();
  for (const r of runs) for (const [topic, m] of r.counts) for (const text of m.keys()) all.set(`${topic}\n${text}`, { topic, text });
  const out: OrderDependentRecord[] = [];
  for (const { topic, text } of all.values()) {
    const present = runs.find((r) => countIn(r, topic, text) > 0);
    const absent = runs.find((r) => countIn(r, topic, text) === 0);
    if (!present || !absent) continue;
    const [key, value] = JSON.parse(text) as [unknown, unknown];
    const output = (r: Run) => r.outputs.get(topic) ?? [];
    out.push({ topic, key, value, presentIn: present.order.map(idOf), absentIn: absent.order.map(idOf), presentOutput: output(present), absentOutput: output(absent) });
  }
  return out;
}

/** For each dependent record, the first neighbour swap of Kafka's order that alone flips its presence. */
function minimalSwaps(report: OrderReport, base: OrderedInput[], kafka: Run, play: (o: OrderedInput[]) => Run, late: () => boolean) {
  const positions = adjacentSwaps(base);
  report.swapsTotal = positions.length;
  const open = new Set(report.dependent);
  for (const i of positions) {
    if (open.size === 0) break;
    if (late()) {
      report.stoppedEarly = true;
      break;
    }
    const r = play(swapped(base, i));
    report.swapsTried++;
    for (const d of open) {
      const text = JSON.stringify([d.key, d.value]);
      if (countIn(r, d.topic, text) > 0 !== countIn(kafka, d.topic, text) > 0) {
        d.swap = [idOf(base[i]), idOf(base[i + 1])];
        open.delete(d);
      }
    }
  }
}
