/**
 * Differential for versioned tables and grace periods: random designs of random-versioned.ts, run as
 * generated projects (their topology.ts and vendored engine, one tsx process), produce exactly what
 * the preview shows; and their topology.ts type-checks against the vendored engine.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { checkDesign } from '../../src/model/check';
import type { TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { tempRoot, writeProject, writeSharedEngine } from './project-dir';
import { randomVersionedDesign } from './random-versioned';
import { runProjects, typeCheckProjects } from './run-projects';

const engine = nodeEngineSources();
const RUNS = 60;

describe('generated projects with versioned tables behave exactly like the preview', () => {
  const root = tempRoot('sw-diff-versioned-');
  const cases: { name: string; doc: TopologyDocument; dir: string; expected: Record<string, unknown[]> }[] = [];

  beforeAll(() => {
    const designs = fc.sample(randomVersionedDesign, { numRuns: RUNS, seed: 20261206 });
    const sharedEngine = writeSharedEngine(join(root, 'engine'), generateProject(designs[0], engine));
    designs.forEach((doc, i) => {
      expect(checkDesign(doc).filter((d) => d.severity === 'error'), `design ${i}`).toEqual([]);
      const sim = simulate({ doc });
      if (!sim.ok) throw new Error(`design ${i} does not simulate: ${sim.error?.message ?? sim.diagnostics[0]?.message}`);
      const dir = writeProject(join(root, `versioned-${i}`), generateProject(doc, engine, { expectedOutputs: sim.sinks }), sharedEngine);
      cases.push({ name: `versioned-${i}`, doc, dir, expected: sim.sinks as Record<string, unknown[]> });
    });
  }, 120_000);

  it('prints versioned stores and grace as Kafka Streams users write them', () => {
    const text = cases.map((c) => generateProject(c.doc, engine).get('src/topology.ts')!).join('\n');
    expect(text).toMatch(/Materialized\.as\(Stores\.persistentVersionedKeyValueStore\("[^"]+", \d+\)\)/);
    expect(text).toMatch(/Joined\.as\("[^"]+"\)\.withGracePeriod\(\d+\)/);
    expect(text).toMatch(/Materialized\.as\("joined"\)\.withCachingDisabled\(\)/);
  });

  it('the preview shows output for most designs (the comparison is not vacuous)', () => {
    expect(cases.filter((c) => (c.expected.out ?? []).length > 0).length).toBeGreaterThan(RUNS / 2);
  });

  it('every generated project writes what the preview shows, in one real process', () => {
    const outputs = runProjects(cases.map((c) => c.dir), root);
    const mismatches = cases.filter((c) => JSON.stringify(outputs[c.dir]) !== JSON.stringify(c.expected));
    expect(mismatches.map((m) => ({ name: m.name, got: outputs[m.dir], expected: m.expected })).slice(0, 2)).toEqual([]);
  }, 180_000);

  it('every generated project type-checks (one tsc program)', () => {
    const r = typeCheckProjects(root, cases.map((c) => c.name));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});
