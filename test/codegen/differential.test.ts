/**
 * Differential: the generated project, run for real (its own topology.ts and vendored engine, in a
 * separate tsx process), produces exactly what the simulator shows, for every example design and
 * 200 random valid designs. One example is started with `npm start`; fuzz.test.ts type-checks the
 * examples, a few of these random designs and its own fuzzed ones in one tsc program.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import type { TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { tempRoot, writeProject, writeSharedEngine } from './project-dir';
import { exampleDesigns } from './golden';
import { randomDesign } from './random-designs';
import { runProjects } from './run-projects';

const engine = nodeEngineSources();
const ENGINE_DIR = 'engine';
const examples = exampleDesigns();

describe('generated projects behave exactly like the preview', () => {
  const root = tempRoot('sw-diff-');
  const cases: { name: string; doc: TopologyDocument; dir: string; expected: unknown }[] = [];

  beforeAll(() => {
    const random = fc.sample(randomDesign, { numRuns: 200, seed: 20261124 });
    const all: [string, TopologyDocument][] = [...examples, ...random.map((d, i) => [`random-${i}`, d] as [string, TopologyDocument])];
    const sharedEngine = writeSharedEngine(join(root, ENGINE_DIR), generateProject(examples[0][1], engine));
    for (const [name, doc] of all) {
      const sim = simulate({ doc });
      if (!sim.ok) throw new Error(`${name} does not simulate: ${sim.error?.message ?? sim.diagnostics[0]?.message}`);
      const dir = writeProject(join(root, name), generateProject(doc, engine, { expectedOutputs: sim.sinks }), sharedEngine);
      cases.push({ name, doc, dir, expected: sim.sinks });
    }
  }, 120_000);

  it('for every example and 200 random designs, in one real process', () => {
    const outputs = runProjects(cases.map((c) => c.dir), root);
    const mismatches = cases.filter((c) => JSON.stringify(outputs[c.dir]) !== JSON.stringify(c.expected));
    expect(mismatches.map((m) => ({ name: m.name, got: outputs[m.dir], expected: m.expected })).slice(0, 2)).toEqual([]);
    expect(cases.length).toBe(examples.length + 200);
  }, 180_000);

  it('`npm start` of a generated example writes out/<topic>.jsonl equal to the preview', () => {
    const c = cases.find((x) => x.name === 'orders-payments-join')!;
    const r = spawnSync('npm', ['start', '--silent'], { cwd: c.dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    // What ran is the build npm start made (plain JavaScript), not the TypeScript through a loader.
    expect(existsSync(join(c.dir, 'dist', 'main.js'))).toBe(true);
    expect(r.stdout).toMatch(/orders-enriched: 3 record\(s\)/);
    const lines = readFileSync(join(c.dir, 'out', 'orders-enriched.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual((c.expected as Record<string, unknown[]>)['orders-enriched']);
    const t = spawnSync('npx', ['vitest', 'run', '--root', c.dir], { cwd: c.dir, encoding: 'utf8' });
    expect(t.status).toBe(0);
  }, 120_000);
});
