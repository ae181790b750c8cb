/**
 * Runs a design over sample records with the same compiler and engine as the exported project and
 * returns what every node emitted (with lineage), sink outputs, store contents and errors. Pure:
 * used by the Web Worker in the browser and by `streamwright simulate` in Node.
 */
import { compileDesign } from '../compiler/compile';
import { mergeByTimestamp, nameTable, ProcessingError, Serdes, TopologyTestDriver, type OrderedInput, type TraceEvent } from '../engine';
import { hasErrors } from '../model/check';
import type { SampleRecord } from '../model/types';
import { CauseTracker } from './causes';
import { lineageGraph } from './lineage-graph';
import { flagNotData } from './not-data-check';
import { indexProcessors } from './output-processors';
import type { SimulationRequest, SimulationResult, TracedRecord } from './types';

export interface SimulateHooks {
  /** Called before each input record (the worker reports progress so a hang can be located). */
  beforeRecord?: (inputId: string) => void;
  /** Called before every user function call (only when locating an endless function). */
  onUserFunction?: (nodeId: string, param: string) => void;
}

/** Dropped input records listed per node (the count is always complete). */
const MAX_DROPPED_LISTED = 1000;

export function simulate(req: SimulationRequest, hooks: SimulateHooks = {}): SimulationResult {
  const started = now();
  const { doc } = req;
  const maxTrace = req.maxTracePerNode ?? 10_000;
  // Keyed by node ids, topics and store names, which the design chooses: tables without a prototype.
  const result: SimulationResult = { ok: true, nodes: nameTable(), inputs: nameTable(), sinks: nameTable(), stores: nameTable(), storeOwners: nameTable(), graph: {}, describe: '', diagnostics: [], durationMs: 0 };
  const compiled = compileDesign(doc, undefined, { onUserFunction: hooks.onUserFunction });
  result.diagnostics = compiled.diagnostics;
  result.describe = compiled.topology.describe().toString();
  // The checker's verdict stands: a design with errors is not run (its plan is still described; no node has emitted anything).
  if (hasErrors(compiled.diagnostics)) {
    result.ok = false;
    result.durationMs = now() - started;
    return result;
  }
  for (const n of doc.nodes) result.nodes[n.id] = { emitted: [], emittedCount: 0, recordsIn: 0, dropped: 0, droppedInputs: [] };
  const { outputs: byProcessor, ownerOf, entries, storeOwners } = indexProcessors(compiled);
  result.storeOwners = storeOwners;
  result.graph = lineageGraph(doc, compiled.analysis);
  const causes = new CauseTracker(result.graph, result.nodes);
  const driver = new TopologyTestDriver(compiled.topology, {
    defaultKeySerde: Serdes.byName(doc.settings.defaultKeySerde),
    defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
  });
  const { inputs, ids } = mergedInputs(req.samples ?? doc.samples, compiled.sourceTopics);
  let currentInput = '';
  let current = -1;
  // Input records (by position) some kept trace or listed drop came from: with a trace limit, only
  // those go into the result (lineage needs no more).
  const referenced = new Uint8Array(inputs.length);
  // Traced records are numbered per node in the order kept (a node's n-th kept record is
  // "<nodeId>#n"). Once every node a processor stands for has kept maxTrace records, that processor
  // is no longer traced; emitted counts come from the processors' metrics at the end.
  driver.onTrace((e: TraceEvent) => {
    const targets = byProcessor.get(e.processor);
    if (!targets) {
      driver.stopTracing(e.processor);
      return;
    }
    let full = true;
    causes.begin(compiled.afterRepartition.has(e.processor));
    for (const target of targets) {
      const node = result.nodes[target.nodeId];
      if (node.emitted.length >= maxTrace) continue;
      const record = traced(`${target.nodeId}#${node.emitted.length + 1}`, e.record, currentInput, target.port);
      node.emitted.push(record);
      causes.add(target.nodeId, record);
      referenced[current] = 1;
      if (node.emitted.length < maxTrace) full = false;
    }
    causes.finish();
    for (const target of targets) if (result.nodes[target.nodeId].emitted.length === maxTrace) causes.markFull(target.nodeId);
    if (full) driver.stopTracing(e.processor);
  });
  // Which input record each drop happened on, for the node the dropping processor belongs to.
  driver.onDrop((p) => {
    const id = ownerOf.get(p.name);
    const list = id ? result.nodes[id]?.droppedInputs : undefined;
    if (list && list.length < MAX_DROPPED_LISTED && list[list.length - 1] !== currentInput) {
      list.push(currentInput);
      referenced[current] = 1;
    }
  });
  let piped = 0;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const id = ids[i];
    piped++;
    currentInput = id;
    current = i;
    hooks.beforeRecord?.(id);
    try {
      checkSample(input.topic, input.index, input.record);
      driver.pipe(input.topic, input.record.key, input.record.value, input.record.timestamp, input.record.headers);
    } catch (e) {
      fail(result, e, ownerOf, input.topic, input.index);
      break;
    }
  }
  for (const m of driver.metrics()) {
    for (const target of byProcessor.get(m.processor) ?? []) result.nodes[target.nodeId].emittedCount += m.recordsOut;
    const id = ownerOf.get(m.processor);
    if (!id || !result.nodes[id]) continue;
    result.nodes[id].dropped += m.dropped;
    if (entries.has(m.processor)) result.nodes[id].recordsIn += m.recordsIn;
  }
  for (const t of driver.outputTopics()) result.sinks[t] = driver.allOutputs(t).map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
  const everyInput = req.maxTracePerNode === undefined;
  for (let i = 0; i < piped; i++) {
    const { topic, record } = inputs[i];
    const id = ids[i];
    if (everyInput || referenced[i] === 1) (result.inputs[topic] ??= []).push({ id, key: record.key, value: record.value, timestamp: record.timestamp, inputIds: [id] });
  }
  result.stores = driver.storeContents() as SimulationResult['stores'];
  flagNotData(result, doc);
  result.durationMs = now() - started;
  return result;
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

/** The merged input records and their ids ("<topic>#<index>", same positions). */
interface MergedInputs {
  inputs: OrderedInput[];
  ids: string[];
}

/**
 * The input records in the order Kafka would process them, with their ids. Cached per samples
 * object: a preview after an edit that left the samples alone (the worker keeps them) does not
 * merge 10k records or build their ids again.
 */
const merged = new WeakMap<object, Map<string, MergedInputs>>();
function mergedInputs(samples: Record<string, SampleRecord[]>, topics: Set<string>): MergedInputs {
  const key = [...topics].sort().join('\n');
  let byTopics = merged.get(samples);
  if (!byTopics) merged.set(samples, (byTopics = new Map()));
  let out = byTopics.get(key);
  if (!out) {
    const inputs = mergeByTimestamp(samples, topics);
    byTopics.set(key, (out = { inputs, ids: inputs.map((x) => `${x.topic}#${x.index}`) }));
  }
  return out;
}

function checkSample(topic: string, index: number, r: SampleRecord) {
  // Runs for every sample of every preview: no closure or text unless the check fails.
  const ts = r.timestamp;
  if (typeof ts !== 'number' || !Number.isFinite(ts)) throw new Error(`${where(topic, index)} has no valid timestamp (got ${JSON.stringify(ts)})`);
  if (ts < 0) throw new Error(`${where(topic, index)} has a negative timestamp (${ts}); timestamps are epoch milliseconds >= 0`);
}

function where(topic: string, index: number): string {
  return `sample ${index + 1} of topic "${topic}"`;
}

function fail(result: SimulationResult, e: unknown, ownerOf: Map<string, string>, topic: string, index: number) {
  result.ok = false;
  if (e instanceof ProcessingError) {
    const nodeId = ownerOf.get(e.processor);
    result.error = { nodeId, message: e.message, field: e.functionName, record: e.record };
    if (nodeId && result.nodes[nodeId]) result.nodes[nodeId].error = { message: e.message.split(' — ')[0], field: e.functionName, record: e.record };
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    result.error = { message: msg.includes(topic) ? msg : `sample ${index + 1} of topic "${topic}": ${msg}` };
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
