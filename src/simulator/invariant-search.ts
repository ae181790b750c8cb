/**
 * "Check an invariant": the user's predicate over one sink's output, tried on sample sets that
 * fast-check generates from the source topics' schemas (arbitrary.ts) until one breaks it; fast-check
 * then shrinks that set to a minimal one. Seeded (the same seed finds the same counterexample) and
 * bounded by a time limit (fast-check stops starting runs after it). Runs in the preview worker.
 */
import fc from 'fast-check';
import { sourceTopics } from '../model/commands';
import { recordsArbitrary } from '../model/topic-schemas/arbitrary';
import type { SampleRecord, TopologyDocument } from '../model/types';
import { simulate } from './simulate';

export interface InvariantQuery {
  kind: 'invariant';
  sinkTopic: string;
  /** `(records) => boolean` over the sink's records `{ key, value, timestamp }[]`. */
  predicate: string;
  seed: number;
  /** Records per source topic at most. */
  maxRecords: number;
  timeLimitMs: number;
  numRuns?: number;
}

type SinkRecord = { key: unknown; value: unknown; timestamp: number };

export type InvariantAnswer =
  | { status: 'held'; runs: number; interrupted: boolean }
  | { status: 'broken'; runs: number; shrinks: number; samples: Record<string, SampleRecord[]>; output: SinkRecord[]; reason: string }
  | { status: 'invalid'; message: string };

/** The predicate as a function, or why not (it is user code: evaluated like the design's functions). */
function compilePredicate(source: string): ((records: SinkRecord[]) => unknown) | string {
  try {
    const fn: unknown = new Function(`"use strict"; return (${source}\n);`)();
    return typeof fn === 'function' ? (fn as (records: SinkRecord[]) => unknown) : 'the invariant is not a function: write (records) => ...';
  } catch (e) {
    return `the invariant does not parse: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Why a sample set breaks the invariant, or null when it holds. */
function verdict(doc: TopologyDocument, samples: Record<string, SampleRecord[]>, q: InvariantQuery, predicate: (r: SinkRecord[]) => unknown): { reason: string; output: SinkRecord[] } | null {
  const result = simulate({ doc, samples: { ...doc.samples, ...samples } });
  const output = result.sinks[q.sinkTopic] ?? [];
  if (!result.ok) return { reason: `the design failed: ${result.error?.message ?? 'unknown error'}`, output };
  try {
    return predicate(output) ? null : { reason: 'the invariant returned false', output };
  } catch (e) {
    return { reason: `the invariant threw: ${e instanceof Error ? e.message : String(e)}`, output };
  }
}

export function searchInvariant(doc: TopologyDocument, q: InvariantQuery): InvariantAnswer {
  const predicate = compilePredicate(q.predicate);
  if (typeof predicate === 'string') return { status: 'invalid', message: predicate };
  const topics = sourceTopics(doc).filter((t) => doc.topics?.[t]?.keySchema || doc.topics?.[t]?.valueSchema);
  if (topics.length === 0) return { status: 'invalid', message: 'no source topic has a schema to generate samples from' };
  const existing = topics.flatMap((t) => doc.samples[t] ?? []);
  const startMs = existing.length ? Math.min(...existing.map((r) => r.timestamp)) : Date.UTC(2024, 0, 1);
  const keys = [...new Set(existing.map((r) => r.key))].slice(0, 5);
  const arbitrary = fc.record(Object.fromEntries(topics.map((t) => [t, recordsArbitrary(doc.topics?.[t], { maxRecords: q.maxRecords, startMs, spanMs: 60_000, keys: keys.length ? keys : ['k1', 'k2', 'k3'] })])));
  const details = fc.check(
    fc.property(arbitrary, (samples) => verdict(doc, samples, q, predicate) === null),
    { seed: q.seed, numRuns: q.numRuns ?? 10_000, interruptAfterTimeLimit: q.timeLimitMs, markInterruptAsFailure: false },
  );
  if (!details.failed || !details.counterexample) return { status: 'held', runs: details.numRuns, interrupted: details.interrupted };
  const samples = details.counterexample[0] as Record<string, SampleRecord[]>;
  const broken = verdict(doc, samples, q, predicate);
  return { status: 'broken', runs: details.numRuns, shrinks: details.numShrinks, samples, output: broken?.output ?? [], reason: broken?.reason ?? 'the invariant returned false' };
}
