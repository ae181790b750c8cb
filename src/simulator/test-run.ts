/**
 * Runs a design's test cases: each case's samples through simulate() (the preview's own run), then
 * every expectation compared with the engine's rule (src/engine/expect-records.ts). Used by the
 * preview worker after each preview and by `streamwright test`.
 */
import { checkExpectations, type SinkVerdict } from '../engine';
import { hasErrors } from '../model/check';
import type { DesignTestCase, TopologyDocument } from '../model/types';
import { simulate } from './simulate';

export interface TestCaseResult {
  id: string;
  name: string;
  pass: boolean;
  /** The run itself failed (a function threw, a sample is invalid): the case fails with this. */
  error?: string;
  /** One verdict per expected sink, in the case's order. */
  sinks: SinkVerdict[];
}

/** The design's cases, run one after the other; none when the design has errors (it cannot run). */
export function runTestCases(doc: TopologyDocument, only?: (t: DesignTestCase) => boolean): TestCaseResult[] | null {
  const tests = (doc.tests ?? []).filter((t) => !only || only(t));
  if (tests.length === 0) return [];
  const results: TestCaseResult[] = [];
  for (const t of tests) {
    // No traces: a case needs the sinks, not the lineage.
    const run = simulate({ doc, samples: t.samples, maxTracePerNode: 0 });
    if (hasErrors(run.diagnostics)) return null;
    const sinks = checkExpectations(t.expected, run.sinks);
    const error = run.error ? `${run.error.message}${run.error.nodeId ? ` (node "${doc.nodes.find((n) => n.id === run.error?.nodeId)?.name ?? run.error.nodeId}")` : ''}` : undefined;
    results.push({ id: t.id, name: t.name, pass: !error && sinks.every((s) => s.pass), ...(error ? { error } : {}), sinks });
  }
  return results;
}

/** What the designer page gets: passing sinks without their rows (the page shows only what differs). */
export function testsForPage(doc: TopologyDocument): TestCaseResult[] | null {
  const results = runTestCases(doc);
  return results && results.map((r) => ({ ...r, sinks: r.sinks.map((s) => (s.pass ? { ...s, rows: [] } : s)) }));
}
