/** The version compare's behavioural diff is a query to the preview's worker (the page does not run it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BehaviourRun } from '../../src/simulator/behaviour-diff';
import type { WorkerResponse } from '../../src/simulator/types';
import { createWorkerHandler } from '../../src/simulator/worker-handler';
import type { TopologyDocument } from '../../src/model/types';

const wordCount = (): TopologyDocument => JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'word-count.json'), 'utf8'));

describe('behaviour query', () => {
  it('the worker runs both versions and answers per sink, structured-cloned as the page gets it, whatever run it names', () => {
    const posted: WorkerResponse[] = [];
    const handle = createWorkerHandler((m) => posted.push(structuredClone(m)));
    const before = wordCount();
    const after = wordCount();
    after.nodes.find((n) => n.kind === 'flatMapValues')!.params.mapper = '(value: string) => value.toUpperCase().split(/\\W+/).filter((w) => w.length > 0)';
    handle({ type: 'query', id: 7, runId: 12345, query: { kind: 'behaviour', before, after } });
    expect(posted).toHaveLength(1);
    const m = posted[0];
    if (m.type !== 'answer') throw new Error(`unexpected ${m.type}`);
    expect(m.id).toBe(7);
    const runs = m.answer as BehaviourRun[];
    const samples = runs.find((r) => r.label === 'samples')!;
    expect(samples.sinks.map((s) => s.topic)).toEqual(['word-counts']);
    expect(samples.sinks[0].added.length).toBeGreaterThan(0);
    expect(samples.sinks[0].removed.length).toBeGreaterThan(0);

    handle({ type: 'query', id: 8, runId: 1, query: { kind: 'behaviour', before, after: wordCount() } });
    const same = (posted[1] as Extract<WorkerResponse, { type: 'answer' }>).answer as BehaviourRun[];
    expect(same.every((r) => r.sinks.length === 0)).toBe(true);
  });
});
