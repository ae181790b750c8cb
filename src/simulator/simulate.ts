/**
 * Runs a design over sample records with the same compiler and engine as the exported project and
 * returns what every node emitted (with lineage), sink outputs, store contents and errors. Pure:
 * used by the Web Worker in the browser and by `streamwright simulate` in Node.
 */
import { compileDesign } from '../compiler/compile';
import { mergeByTimestamp, nameTable, ProcessingError, Serdes, TopologyTestDriver, type OrderedInput } from '../engine';
import { hasErrors } from '../model/check';
import type { SampleRecord } from '../model/types';
import { lineageGraph } from './lineage-graph';
import { addConnectorRecords } from './connector-records';
import { ForeignKeys } from './foreign-keys';
import { flagNotData } from './not-data-check';
import { sinkSchemaDiagnostics } from './sink-schema-check';
import { indexProcessors } from './output-processors';
import { RunTracer } from './run-tracer';
import { nodeRules } from './timeline/node-rules';
import { TimelineRecorder } from './timeline/recorder';
import type { PunctuationRun, SimulationRequest, SimulationResult } from './types';
import { PreviewWallClock } from './wall-clock';

export interface SimulateHooks {
  /** Called before each input record (the worker reports progress so a hang can be located). */
  beforeRecord?: (inputId: string) => void;
  /** Called before every user function call (only when locating an endless function). */
  onUserFunction?: (nodeId: string, param: string) => void;
}

export function simulate(req: SimulationRequest, hooks: SimulateHooks = {}): SimulationResult {
  const started = now();
  const { doc } = req;
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
  const index = indexProcessors(compiled);
  result.storeOwners = index.storeOwners;
  result.graph = lineageGraph(doc, compiled.analysis);
  const driver = new TopologyTestDriver(compiled.topology, {
    defaultKeySerde: Serdes.byName(doc.settings.defaultKeySerde),
    defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
    wallClockStartMs: req.wallClock?.startMs ?? 0,
  });
  const { inputs, ids } = mergedInputs(req.samples ?? doc.samples, compiled.sourceTopics);
  const tracer = new RunTracer(result, index, compiled.afterRepartition, req.maxTracePerNode ?? 10_000, inputs.length, ForeignKeys.of(compiled, result.graph), !!req.record);
  tracer.attach(driver);
  const punctuations = recordPunctuations(driver, result, index.ownerOf, () => (tracer.current >= 0 && tracer.current < ids.length ? ids[tracer.current] : null));
  const recorder = req.record ? new TimelineRecorder(result, index, nodeRules(doc, result.graph), ids) : null;
  recorder?.attach(driver);
  const piped = pipeInputs({ driver, result, hooks, tracer, recorder, inputs, ids, ownerOf: index.ownerOf, clock: new PreviewWallClock(req.wallClock) }, punctuations);
  tracer.countFrom(driver);
  for (const t of driver.outputTopics()) result.sinks[t] = driver.allOutputs(t).map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
  tracer.keepInputs(inputs, ids, piped, req.maxTracePerNode === undefined || !!recorder);
  if (recorder) result.recording = { ...recorder.recording, source: { doc, samples: req.samples ?? doc.samples } };
  result.stores = driver.storeContents() as SimulationResult['stores'];
  addConnectorRecords(result, doc);
  flagNotData(result, doc);
  result.diagnostics.push(...sinkSchemaDiagnostics(doc, result.sinks));
  result.durationMs = now() - started;
  return result;
}

interface PipeRun {
  driver: TopologyTestDriver;
  result: SimulationResult;
  hooks: SimulateHooks;
  tracer: RunTracer;
  recorder: TimelineRecorder | null;
  inputs: OrderedInput[];
  ids: string[];
  ownerOf: Map<string, string>;
  clock: PreviewWallClock;
}

/**
 * Pipes the inputs in Kafka's order (moving the wall clock as asked), then moves the clock once
 * more after the samples; the first failure ends the run. Returns how many inputs were piped.
 */
function pipeInputs(run: PipeRun, punctuations: { wallClock: boolean }): number {
  const { driver, result, tracer, recorder, inputs, ids } = run;
  let piped = 0;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    piped++;
    tracer.currentInput = ids[i];
    tracer.current = i;
    run.hooks.beforeRecord?.(ids[i]);
    recorder?.before(i);
    const bad = sampleProblem(input.record);
    if (bad) {
      result.ok = false;
      result.error = { message: `${where(input.topic, input.index)} ${bad}` };
      return piped;
    }
    try {
      driver.pipe(input.topic, input.record.key, input.record.value, input.record.timestamp, input.record.headers);
      run.clock.afterRecord(driver, input.record.timestamp);
      recorder?.after(i, driver);
    } catch (e) {
      fail(result, e, run.ownerOf, input.topic, input.index);
      return piped;
    }
  }
  punctuations.wallClock = true;
  try {
    run.clock.afterSamples(driver);
  } catch (e) {
    fail(result, e, run.ownerOf, '', -1);
  }
  return piped;
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

/** What is wrong with a sample's timestamp, or null. */
function sampleProblem(r: SampleRecord): string | null {
  // Runs for every sample of every preview: no closure or text unless the check fails.
  const ts = r.timestamp;
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return `has no valid timestamp (got ${JSON.stringify(ts)})`;
  if (ts < 0) return `has a negative timestamp (${ts}); timestamps are epoch milliseconds >= 0`;
  return null;
}

function where(topic: string, index: number): string {
  return `sample ${index + 1} of topic "${topic}"`;
}

/** Keeps the punctuations that run (the first 1000, each with its first 20 forwarded records). */
function recordPunctuations(driver: TopologyTestDriver, result: SimulationResult, ownerOf: Map<string, string>, currentInput: () => string | null) {
  const state = { wallClock: false };
  const list: PunctuationRun[] = (result.punctuations = []);
  driver.onPunctuation((e) => {
    if (list.length >= 1000) return;
    list.push({
      nodeId: ownerOf.get(e.processor) ?? e.owner,
      type: e.type,
      callback: e.callbackName || `#${e.index + 1}`,
      intervalMs: e.intervalMs,
      timestamp: e.timestamp,
      afterInputId: state.wallClock ? null : currentInput(),
      forwarded: e.forwarded.slice(0, 20).map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })),
      forwardedCount: e.forwarded.length,
    });
  });
  return state;
}

function fail(result: SimulationResult, e: unknown, ownerOf: Map<string, string>, topic: string, index: number) {
  result.ok = false;
  if (e instanceof ProcessingError) {
    const nodeId = ownerOf.get(e.processor);
    result.error = { nodeId, message: e.message, field: e.functionName, record: e.record };
    if (nodeId && result.nodes[nodeId]) result.nodes[nodeId].error = { message: e.summary, field: e.functionName, record: e.record };
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    result.error = { message: topic ? `${where(topic, index)}: ${msg}` : msg };
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
