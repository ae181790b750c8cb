/**
 * What a preview run keeps while the driver runs: each design node's first records (numbered
 * "<nodeId>#n", stamped with their cause for lineage), the input record each drop happened on, and
 * which input records some kept record or drop came from. Once every node a processor stands for
 * has kept maxTrace records, that processor is no longer traced; emitted counts come from the
 * processors' metrics at the end.
 */
import type { OrderedInput, TopologyTestDriver, TraceEvent } from '../engine';
import { CauseTracker } from './causes';
import type { ForeignKeys } from './foreign-keys';
import type { ProcessorIndex } from './output-processors';
import type { SimulationResult, TracedRecord } from './types';

/** Dropped input records listed per node (the count is always complete). */
const MAX_DROPPED_LISTED = 1000;

export class RunTracer {
  private readonly causes: CauseTracker;
  /** The input record being processed: its id and position. */
  currentInput = '';
  current = -1;
  /** Input records (by position) some kept trace or listed drop came from: with a trace limit, only those go into the result. */
  private readonly referenced: Uint8Array;

  constructor(
    private readonly result: SimulationResult,
    private readonly index: ProcessorIndex,
    private readonly afterRepartition: Set<string>,
    private readonly maxTrace: number,
    inputs: number,
    private readonly foreignKeys: ForeignKeys,
    /** A recorded run (timeline) needs every forward: processors are never untraced. */
    private readonly keepTracing = false,
  ) {
    this.causes = new CauseTracker(result.graph, result.nodes);
    this.referenced = new Uint8Array(inputs);
  }

  attach(driver: TopologyTestDriver): void {
    driver.onTrace((e) => this.trace(e, driver));
    driver.onDrop((p) => this.drop(p.name));
  }

  private trace(e: TraceEvent, driver: TopologyTestDriver): void {
    const targets = this.index.outputs.get(e.processor);
    if (!targets) return this.other(e, driver);
    const { result, maxTrace, causes } = this;
    let full = true;
    causes.begin(this.afterRepartition.has(e.processor));
    for (const target of targets) {
      const node = result.nodes[target.nodeId];
      if (node.emitted.length >= maxTrace) continue;
      const record = traced(`${target.nodeId}#${node.emitted.length + 1}`, e.record, this.currentInput, target.port);
      node.emitted.push(record);
      causes.add(target.nodeId, record);
      this.foreignKeys.stamp(target.nodeId, record);
      this.referenced[this.current] = 1;
      if (node.emitted.length < maxTrace) full = false;
    }
    causes.finish();
    for (const target of targets) if (result.nodes[target.nodeId].emitted.length === maxTrace) causes.markFull(target.nodeId);
    if (full && !this.keepTracing) driver.stopTracing(e.processor);
  }

  /** A processor carrying no node's output: only a foreign-key join's subscriptions are kept (until the join's trace is full). */
  private other(e: TraceEvent, driver: TopologyTestDriver): void {
    const join = this.foreignKeys.joinOf(e.processor);
    if (join !== undefined && this.result.nodes[join].emitted.length < this.maxTrace) this.foreignKeys.subscribed(join, e.record);
    else if (!this.keepTracing) driver.stopTracing(e.processor);
  }

  /** Which input record a drop happened on, for the node the dropping processor belongs to. */
  private drop(processor: string): void {
    const id = this.index.ownerOf.get(processor);
    const list = id ? this.result.nodes[id]?.droppedInputs : undefined;
    if (list && list.length < MAX_DROPPED_LISTED && list[list.length - 1] !== this.currentInput) {
      list.push(this.currentInput);
      this.referenced[this.current] = 1;
    }
  }

  /** Emitted, dropped and incoming counts per node, from the processors' metrics. */
  countFrom(driver: TopologyTestDriver): void {
    const { result, index } = this;
    for (const m of driver.metrics()) {
      for (const target of index.outputs.get(m.processor) ?? []) result.nodes[target.nodeId].emittedCount += m.recordsOut;
      const id = index.ownerOf.get(m.processor);
      if (!id || !result.nodes[id]) continue;
      result.nodes[id].dropped += m.dropped;
      if (index.entries.has(m.processor)) result.nodes[id].recordsIn += m.recordsIn;
    }
  }

  /** The input records piped (all of them, or with a trace limit only those some kept record came from). */
  keepInputs(inputs: OrderedInput[], ids: string[], piped: number, everyInput: boolean): void {
    for (let i = 0; i < piped; i++) {
      const { topic, record } = inputs[i];
      const id = ids[i];
      if (everyInput || this.referenced[i] === 1) (this.result.inputs[topic] ??= []).push({ id, key: record.key, value: record.value, timestamp: record.timestamp, inputIds: [id] });
    }
  }
}

function traced(id: string, rec: { key: unknown; value: unknown; timestamp: number }, inputId: string, port?: string): TracedRecord & { port?: string } {
  const isChange = typeof rec.value === 'object' && rec.value !== null && 'newValue' in rec.value && 'oldValue' in rec.value;
  const value = isChange ? (rec.value as { newValue: unknown }).newValue : rec.value;
  // seq and causeId are set right after (causes.ts); present from the start, every record has one shape.
  const out: TracedRecord & { port?: string } = { id, key: rec.key, value, timestamp: rec.timestamp, inputIds: inputId ? [inputId] : [], seq: 0, causeId: undefined };
  if (isChange) out.oldValue = (rec.value as { oldValue: unknown }).oldValue;
  const k = rec.key as { start?: unknown; end?: unknown } | null;
  if (k && typeof k === 'object' && typeof k.start === 'number' && typeof k.end === 'number') out.window = { start: k.start, end: k.end };
  if (port) out.port = port;
  return out;
}
