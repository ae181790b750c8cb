/** The fault simulator: each fault kind on small designs, at-least-once vs exactly-once, commit intervals, attribution. */
import { describe, expect, it } from 'vitest';
import { applyInputFaults } from '../../src/simulator/faults/input-faults';
import { faultReport, reportOn } from '../../src/simulator/faults/report';
import { prepareRun, runWithFaults, type PreparedRun } from '../../src/simulator/faults/run';
import type { FaultSettings } from '../../src/simulator/faults/types';
import { simulate } from '../../src/simulator/simulate';
import { design, exampleDesign, node } from '../fixtures/build';

const alos = (every: number): FaultSettings => ({ guarantee: 'at-least-once', commit: { every, unit: 'records' } });
const eos = (every: number): FaultSettings => ({ guarantee: 'exactly-once', commit: { every, unit: 'records' } });

/** A count per key, no repartition: keys a,b alternating. */
function countDesign() {
  const samples = { in: Array.from({ length: 8 }, (_, i) => ({ key: i % 2 ? 'b' : 'a', value: i, timestamp: 1000 * i })) };
  return design([node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })], [['s', 'g'], ['g', 'c'], ['c', 't'], ['t', 'o']], samples);
}

function prepared(doc = countDesign()): PreparedRun {
  const p = prepareRun(doc);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const pairs = (recs: { key: unknown; value: unknown }[] | undefined) => (recs ?? []).map((r) => `${String(r.key)}=${String(r.value)}`);

describe('fault simulator', () => {
  const examples = ['word-count', 'pageview-windows', 'orders-payments-join', 'enrich-with-table', 'final-results-suppress', 'session-windows', 'split-branches', 'customer-activity-cogroup'];

  it('without faults writes what the preview writes (every example)', () => {
    for (const doc of [countDesign(), ...examples.map((e) => exampleDesign(e))]) {
      const run = runWithFaults(prepared(doc), [], alos(3));
      expect(run.ok, doc.name).toBe(true);
      expect(run.sinks, doc.name).toEqual(simulate({ doc }).sinks);
    }
  });

  it('exactly-once: a crash after any input record of any example changes nothing (restored stores, aborted outputs)', () => {
    for (const name of examples) {
      const p = prepared(exampleDesign(name));
      const base = runWithFaults(p, [], eos(2)).sinks;
      for (const x of p.merged) {
        const run = runWithFaults(p, [{ kind: 'crash', at: `${x.topic}#${x.index}` }], eos(2));
        expect(run.restarts).toHaveLength(1);
        expect(run.sinks, `${name}: crash after ${x.topic}#${x.index}`).toEqual(base);
      }
    }
  });

  it('at-least-once without a repartition: a crash anywhere loses nothing and every key ends with its fault-free value', () => {
    const last = (recs: { key: unknown; value: unknown }[] = []) => Object.fromEntries(recs.map((r) => [JSON.stringify(r.key), JSON.stringify(r.value)]));
    let checked = 0;
    for (const doc of [countDesign(), ...examples.map((e) => exampleDesign(e))]) {
      const p = prepared(doc);
      if (p.compiled.afterRepartition.size > 0) continue;
      checked++;
      const base = runWithFaults(p, [], alos(2)).sinks;
      for (const x of p.merged) {
        const at = `${x.topic}#${x.index}`;
        const report = faultReport(doc, doc.samples, [{ kind: 'crash', at }], alos(2));
        expect(report.sinks.flatMap((s) => s.differences).filter((d) => d.kind !== 'duplicated'), `${doc.name}: ${at}`).toEqual([]);
        const run = runWithFaults(p, [{ kind: 'crash', at }], alos(2)).sinks;
        for (const t of Object.keys(base)) expect(last(run[t]), `${doc.name}: ${at} ${t}`).toEqual(last(base[t]));
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('a crash under at-least-once writes again the updates since the last commit; under exactly-once it changes nothing', () => {
    const p = prepared();
    // Commits after in#2 and in#5; the crash after in#4 goes back to in#3 and redoes in#3, in#4.
    const crash = [{ kind: 'crash' as const, at: 'in#4' }];
    const run = runWithFaults(p, crash, alos(3));
    expect(run.restarts).toEqual([{ at: 'in#4', from: 'in#3', replayed: 2 }]);
    expect(pairs(run.sinks.out)).toEqual(['a=1', 'b=1', 'a=2', 'b=2', 'a=3', 'b=2', 'a=3', 'b=3', 'a=4', 'b=4']);
    const report = faultReport(p.doc, p.doc.samples, crash, alos(3));
    expect(report.sinks[0].differences.map((d) => [d.kind, pairs([d.record])[0], d.count])).toEqual([
      ['duplicated', 'b=2', 1],
      ['duplicated', 'a=3', 1],
    ]);
    expect(report.sinks[0].differences.every((d) => d.causes[0].kind === 'crash')).toBe(true);
    expect(runWithFaults(p, crash, eos(3)).sinks).toEqual(runWithFaults(p, [], eos(3)).sinks);
    expect(faultReport(p.doc, p.doc.samples, crash, eos(3)).sinks[0].differences).toEqual([]);
  });

  it('the commit interval decides how much a crash redoes', () => {
    const p = prepared();
    const crash = [{ kind: 'crash' as const, at: 'in#6' }];
    const extra = (every: number) => runWithFaults(p, crash, alos(every)).sinks.out.length - 8;
    expect([1, 2, 4, 8].map(extra)).toEqual([1, 1, 3, 7]);
    // Every 2000 ms of stream time (records 1000 ms apart): commits after in#2, in#4, so in#5 and in#6 are redone.
    expect(runWithFaults(p, crash, { guarantee: 'at-least-once', commit: { every: 2000, unit: 'ms' } }).sinks.out.length - 8).toBe(2);
  });

  it('after a repartition a crash counts the redone records twice (at-least-once) and not at all more (exactly-once)', () => {
    const doc = exampleDesign('word-count');
    const p = prepared(doc);
    const [topic] = Object.keys(simulate({ doc }).sinks);
    const last = (recs: { key: unknown; value: unknown }[]) => Object.fromEntries(recs.map((r) => [String(r.key), r.value]));
    const at = p.merged[2];
    const crash = [{ kind: 'crash' as const, at: `${at.topic}#${at.index}` }];
    const base = last(runWithFaults(p, [], alos(100)).sinks[topic]);
    const after = last(runWithFaults(p, crash, alos(100)).sinks[topic]);
    // The first three lines are read twice by the count (their repartition records and the new copies).
    const words = p.merged.slice(0, 3).flatMap((x) => String(x.record.value).toLowerCase().split(/\W+/).filter(Boolean));
    for (const w of new Set(words)) expect(after[w]).toBe(Number(base[w]) + words.filter((x) => x === w).length);
    expect(last(runWithFaults(p, crash, eos(100)).sinks[topic])).toEqual(base);
    const report = faultReport(doc, doc.samples, crash, alos(100));
    expect(report.sinks[0].differences.some((d) => d.kind === 'changed' || d.kind === 'added')).toBe(true);
  });

  it('a duplicate delivery counts a record twice under either guarantee', () => {
    const p = prepared();
    for (const g of [alos(3), eos(3)]) {
      const run = runWithFaults(p, [{ kind: 'duplicate', at: 'in#2' }], g);
      expect(pairs(run.sinks.out)).toEqual(['a=1', 'b=1', 'a=2', 'a=3', 'b=2', 'a=4', 'b=3', 'a=5', 'b=4']);
    }
    const report = faultReport(p.doc, p.doc.samples, [{ kind: 'duplicate', at: 'in#2' }], alos(3));
    // a's updates go one further: a=5 is new (nothing of a is lost, the others are the same updates).
    expect(report.sinks[0].differences.map((d) => [d.kind, pairs([d.record])[0]])).toEqual([['added', 'a=5']]);
  });

  it('a record delayed past grace is dropped by a windowed aggregate', () => {
    const samples = { in: [1000, 2000, 61_000, 62_000, 130_000].map((timestamp, i) => ({ key: 'k', value: i, timestamp })) };
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('w', 'windowedBy', { type: 'tumbling', sizeMs: 60_000, graceMs: 5000 }), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })],
      [['s', 'g'], ['g', 'w'], ['w', 'c'], ['c', 't'], ['t', 'o']],
      samples,
    );
    const report = faultReport(doc, samples, [{ kind: 'delay', at: 'in#1' }], alos(10));
    const ds = report.sinks[0].differences;
    // The window [0, 60000) ends with count 1: its second update is never written (lost).
    expect(ds.filter((d) => d.kind === 'lost').map((d) => (d.record.key as { start: number }).start)).toEqual([0]);
    expect(ds.find((d) => d.kind === 'lost')!.record.value).toBe(2);
    // Delayed only within grace (by 1 ms, it still arrives before in#2): nothing is lost.
    const within = faultReport(doc, samples, [{ kind: 'delay', at: 'in#0', byMs: 1000 }], alos(10));
    expect(within.sinks[0].differences.filter((d) => d.kind === 'lost')).toEqual([]);
  });

  it('a reorder swaps a record with the next of its partition: the latest value per key comes out in another order', () => {
    const p = prepared();
    const seq = applyInputFaults(p.merged, [{ kind: 'reorder', at: 'in#1' }]);
    expect(seq.slice(0, 3).map((x) => x.id)).toEqual(['in#0', 'in#2', 'in#1']);
    // Different keys (a count of b and of a): each key's updates are the same, nothing differs.
    expect(faultReport(p.doc, p.doc.samples, [{ kind: 'reorder', at: 'in#1' }], alos(3)).sinks[0].differences).toEqual([]);
    // The latest value of one key: swapping two of its records changes the final value.
    const samples = { in: [0, 1, 2].map((i) => ({ key: 'k', value: `v${i}`, timestamp: 1000 * i })) };
    const latest = design([node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('r', 'reduce', { reducer: '(aggregate, value) => value' }), node('t', 'toStream'), node('o', 'to', { topic: 'out' })], [['s', 'g'], ['g', 'r'], ['r', 't'], ['t', 'o']], samples);
    const report = faultReport(latest, samples, [{ kind: 'reorder', at: 'in#1' }], alos(3));
    expect(pairs(runWithFaults(prepared(latest), [{ kind: 'reorder', at: 'in#1' }], alos(3)).sinks.out)).toEqual(['k=v0', 'k=v2', 'k=v1']);
    // Same updates, in another order: the key is reordered (its first update out of place: v2).
    expect(report.sinks[0].differences.map((d) => [d.kind, d.key, d.record.value])).toEqual([['reordered', 'k', 'v2']]);
  });

  it('attributes each difference to the fault that causes it, and to faults together when neither alone does', () => {
    const p = prepared();
    const faults = [{ kind: 'duplicate' as const, at: 'in#0' }, { kind: 'crash' as const, at: 'in#7' }];
    const report = faultReport(p.doc, p.doc.samples, faults, alos(3));
    const ds = report.sinks[0].differences;
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d.causes.length).toBeGreaterThan(0);
    // The crash after in#7 (commit after in#5) redoes in#6, in#7: their updates are written twice.
    expect(ds.filter((d) => d.kind === 'duplicated').every((d) => d.causes.some((c) => c.kind === 'crash'))).toBe(true);
    expect(ds.some((d) => d.causes.length === 1 && d.causes[0].kind === 'duplicate')).toBe(true);
    // With the duplicate, the crash's replay window holds other records: some of its duplicates come only from both.
    expect(ds.some((d) => d.together && d.causes.length === 2)).toBe(true);
    expect(report.unattributed).toBeUndefined();
    // Past the time limit before any fault ran alone: nothing is called "together"; the faults not run are named.
    let t = 0;
    const partial = reportOn(p, faults, alos(3), { deadline: 0, now: () => ++t });
    expect(partial.unattributed).toEqual(faults);
    expect(partial.sinks[0].differences.some((d) => d.together)).toBe(false);
    expect(partial.sinks[0].differences.every((d) => d.causes.length === 2)).toBe(true);
  });
});
