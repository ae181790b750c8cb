/** Runs conformance cases through the converter, compiler and engine, step by step. */
import { compileDesign } from '../compiler/compile';
import { formatDiagnostic } from '../model/check';
import { TopologyTestDriver, type KTableImpl } from '../engine';
import { captureChanges, enableSendingOldValues } from '../engine/testing';
import { KeyValueStore } from '../engine/stores/kv-store';
import type { WindowStore } from '../engine/stores/window-store';
import { SessionStore, type SessionEntry } from '../engine/stores/session-store';
import { checkAssertion, deepEqual, recordsRead, show } from './assertions';
import { convertCase } from './convert';
import type { CaseResult, ConformanceCase } from './types';

type Rec = { key: unknown; value: unknown; timestamp: number };

export function runCase(c: ConformanceCase): CaseResult {
  const result: CaseResult = { name: c.name, pass: false, failures: [], trace: [], stores: {}, droppedRecords: 0 };
  // A record without a timestamp: the Kafka test piped it with wall-clock time. TopologyTestDriver's
  // input topics created without a start time stamp every such record with the instant the topic was
  // created (no auto-advance), so all of them share one timestamp here too.
  const createdAt = Date.now();
  const driver = startDriver(c, result, createdAt);
  if (!driver) return result;
  const run = new CaseSteps(driver, result, createdAt);
  try {
    c.steps.forEach((step, i) => run.step(step, i));
    run.check(c.expected ?? {}, 'final');
  } catch (e) {
    result.failures.push(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  result.droppedRecords = driver.droppedRecords();
  result.stores = driver.storeContents() as CaseResult['stores'];
  checkStores(c, driver, result);
  const dropped = (c.expected ?? {})['@droppedRecords'];
  if (typeof dropped === 'number' && dropped !== result.droppedRecords) result.failures.push(`@droppedRecords: expected ${dropped}, got ${result.droppedRecords}`);
  result.pass = result.failures.length === 0;
  return result;
}

/** The case's topology compiled (with its test hooks) in a driver; null, with the failure recorded, when it cannot be built. */
function startDriver(c: ConformanceCase, result: CaseResult, createdAt: number): TopologyTestDriver | null {
  const conv = convertCase(c.name, c.topology.nodes);
  const compiled = compileDesign(conv.doc);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    result.failures.push(...errors.map((d) => `compile: ${formatDiagnostic(conv.doc, d)}`));
    return null;
  }
  for (const id of conv.oldValues) enableSendingOldValues(compiled.nodeObjects.get(id) as KTableImpl);
  for (const cap of conv.captures) captureChanges(compiled.nodeObjects.get(cap.tableId) as KTableImpl, cap.topic);
  try {
    return new TopologyTestDriver(compiled.topology, { wallClockStartMs: c.wallClockStartMs ?? createdAt });
  } catch (e) {
    result.failures.push(`init: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

type Step = ConformanceCase['steps'][number];

/** The steps of one case on its driver: what each emitted (the trace) and the expectations read so far per topic. */
class CaseSteps {
  private readonly cursors = new Map<string, number>();
  constructor(
    private readonly driver: TopologyTestDriver,
    private readonly result: CaseResult,
    private readonly createdAt: number,
  ) {}

  step(step: Step, i: number): void {
    if ('advanceWallClockMs' in step) this.traced(i, () => this.driver.advanceWallClockTime(step.advanceWallClockMs));
    else if ('pipe' in step) {
      const p = step.pipe;
      this.traced(i, () => this.driver.pipe(p.topic, p.key, p.value, p.timestamp ?? this.createdAt));
    } else if ('storePut' in step) storePut(this.driver, step.storePut, this.createdAt);
    else if ('expect' in step) this.check(step.expect, `step ${i}`);
  }

  /** Each topic's assertion against the records written since the last one read them. */
  check(expect: Record<string, unknown>, where: string): void {
    for (const [topic, assertion] of Object.entries(expect)) {
      if (topic.startsWith('@')) continue;
      const all = this.driver.allOutputs(topic) as Rec[];
      const from = this.cursors.get(topic) ?? 0;
      this.cursors.set(topic, from + recordsRead(assertion, all.length - from));
      const diff = checkAssertion(assertion, all.slice(from), all);
      if (diff) this.result.failures.push(`${where}, topic "${topic}": ${diff}`);
    }
  }

  /** Runs a step that may emit (pipe, wall-clock advance) and records what it emitted in the trace. */
  private traced(i: number, run: () => void): void {
    const before = new Map(this.driver.outputTopics().map((t) => [t, this.driver.allOutputs(t).length]));
    run();
    const emitted: Record<string, Rec[]> = {};
    for (const t of this.driver.outputTopics()) {
      const recs = this.driver.allOutputs(t).slice(before.get(t) ?? 0) as Rec[];
      if (recs.length) emitted[t] = recs.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
    }
    this.result.trace.push({ step: i, emitted });
  }
}

/** TopologyTestDriver#getKeyValueStore(name).put(key, value): a direct write, which emits nothing. */
function storePut(driver: TopologyTestDriver, put: { store: string; key: unknown; value: unknown }, now: number) {
  const store = driver.getStateStore(put.store);
  if (!(store instanceof KeyValueStore)) throw new Error(`storePut: no key-value store named "${put.store}"`);
  store.put(put.key, put.value ?? null, now);
}

function checkStores(c: ConformanceCase, driver: TopologyTestDriver, result: CaseResult) {
  const stores = (c.expected ?? {})['@stores'] as Record<string, { key: unknown; value: unknown; timestamp?: number }[]> | undefined;
  if (!stores) return;
  for (const [name, entries] of Object.entries(stores)) {
    const store = driver.getStateStore(name);
    if (!store) {
      result.failures.push(`@stores: no store named "${name}" (have: ${Object.keys(result.stores).join(', ')})`);
      continue;
    }
    for (const e of entries) {
      const k = e.key as { key?: unknown; start?: number; end?: number } | null;
      const windowed = k && typeof k === 'object' && 'start' in k;
      const got =
        store instanceof SessionStore && windowed
          ? sessionValue(store.query(k.key, k.start!, k.end!))
          : 'fetch' in store && windowed
            ? (store as WindowStore).query(k.key, k.start!)
            : (store as KeyValueStore).get(e.key);
      const value = got ? got.value : null;
      if (!deepEqual(value, e.value)) result.failures.push(`@stores ${name}[${show(e.key)}]: expected ${show(e.value)}, got ${show(value)}`);
      else if (e.timestamp !== undefined && got && got.timestamp !== e.timestamp) result.failures.push(`@stores ${name}[${show(e.key)}]: expected timestamp ${e.timestamp}, got ${got.timestamp}`);
    }
  }
}

/** A session's value with its end as timestamp (Kafka's session stores keep no other timestamp). */
function sessionValue(e: SessionEntry<unknown, unknown> | null): { value: unknown; timestamp: number } | null {
  return e ? { value: e.value, timestamp: e.end } : null;
}
