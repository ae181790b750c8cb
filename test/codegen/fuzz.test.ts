/**
 * Fuzz of the code generator: designs with random hostile names, descriptions, topics and function
 * texts (valid per the checker), with issue 19's regression designs, the examples and a few of the
 * differential test's random designs. Every generated project must type-check (ONE tsc program over
 * all of them, the shared engine checked once: the suite's only tsc run on generated code) and
 * produce exactly what the preview shows (one tsx process). FUZZ_SEED / FUZZ_RUNS vary the sample.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { checkDesign } from '../../src/model/check';
import type { DesignEdge, DesignNode, TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { hostileFunction, hostileLiteral, hostileNames, hostileText } from './hostile-text';
import { tempRoot, writeProject, writeSharedEngine } from './project-dir';
import { exampleDesigns } from './golden';
import { randomDesign } from './random-designs';
import { REGRESSION_DESIGNS } from './regression-designs';
import { runProjects, typeCheckProjects } from './run-projects';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const ENGINE_DIR = 'engine';
/** source, up to 4 steps, groupByKey + count + toStream, sink. */
const MAX_NODES = 9;

/** Names a node may take besides hostile text: globals the functions call, engine exports, keywords. */
const RISKY_NAMES = ['parseInt', 'Math', 'JSON', 'String', 'Number', 'console', 'require', 'module', 'process', 'globalThis', 'builder', 'Consumed', 'runLocal', 'class', 'v', 'out'];

const step = fc.oneof(
  hostileFunction.map((f) => ({ kind: 'mapValues', params: { mapper: f } })),
  hostileFunction.map((f) => ({ kind: 'filter', params: { predicate: f.replace(/^\(v(: any)?\)|^function \(v\)/, (m) => m.replace('(v', '(k, v')) } })),
  hostileLiteral.map((lit) => ({ kind: 'selectKey', params: { mapper: `(k, v) => ${lit}` } })),
);

/** source -> 1..4 steps -> (optionally) groupByKey + count -> sink, every name and text hostile. */
const fuzzDesign = fc
  .record({
    steps: fc.array(step, { minLength: 1, maxLength: 4 }),
    count: fc.boolean(),
    names: fc.tuple(hostileNames(MAX_NODES), fc.shuffledSubarray(RISKY_NAMES, { minLength: MAX_NODES, maxLength: MAX_NODES }), fc.array(fc.boolean(), { minLength: MAX_NODES, maxLength: MAX_NODES })),
    descriptions: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: MAX_NODES, maxLength: MAX_NODES }),
    appName: hostileText,
    values: fc.array(fc.oneof(fc.integer({ min: 0, max: 99 }), hostileText), { minLength: 1, maxLength: 6 }),
  })
  .map(({ steps, count, names: [hostile, risky, pick], descriptions, appName, values }): TopologyDocument => {
    const nodes: DesignNode[] = [];
    const edges: DesignEdge[] = [];
    const add = (kind: string, params: Record<string, unknown>) => {
      const i = nodes.length;
      const description = descriptions[i];
      nodes.push({ id: `n${i}`, kind, name: pick[i] ? risky[i] : hostile[i], params, position: { x: i * 200, y: 0 }, ...(description !== undefined ? { description } : {}) });
      if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}`, targetPort: 'in' });
    };
    add('stream', { topic: 'in' });
    for (const s of steps) add(s.kind, s.params);
    if (count) ['groupByKey', 'count', 'toStream'].forEach((k) => add(k, {}));
    add('to', { topic: 'out' });
    const samples = { in: values.map((value, i) => ({ key: `k${i % 2}`, value, timestamp: i })) };
    return { format: 'streamwright/topology', version: 1, name: appName, nodes, edges, samples, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
  })
  // Valid per the checker: names may still collide once trimmed with a risky name, and so on.
  .filter((doc) => !checkDesign(doc).some((d) => d.severity === 'error'));

describe('code generator fuzz: every project type-checks and runs like the preview', () => {
  const root = tempRoot('sw-fuzz-');
  const cases: { name: string; doc: TopologyDocument; expected: unknown }[] = [];

  beforeAll(() => {
    const engine = nodeEngineSources();
    const all: [string, TopologyDocument][] = [
      ...exampleDesigns(),
      ...REGRESSION_DESIGNS.map(([n, make]) => [n, make()] as [string, TopologyDocument]),
      ...fc.sample(randomDesign, { numRuns: 5, seed: SEED }).map((d, i) => [`random-${i}`, d] as [string, TopologyDocument]),
      ...fc.sample(fuzzDesign, { numRuns: RUNS, seed: SEED }).map((d, i) => [`fuzz-${i}`, d] as [string, TopologyDocument]),
    ];
    const sharedEngine = writeSharedEngine(join(root, ENGINE_DIR), generateProject(all[0][1], engine));
    for (const [name, doc] of all) {
      const sim = simulate({ doc });
      if (!sim.ok) throw new Error(`${name} does not simulate: ${sim.error?.message ?? sim.diagnostics[0]?.message}\n${JSON.stringify(doc)}`);
      writeProject(join(root, name), generateProject(doc, engine, { expectedOutputs: sim.sinks }), sharedEngine);
      cases.push({ name, doc, expected: sim.sinks });
    }
  }, 120_000);

  it(`type-checks the examples, regression, random and ${RUNS} fuzzed designs in one tsc program`, () => {
    const r = typeCheckProjects(root, cases.map((c) => c.name));
    const failing = [...new Set([...r.output.matchAll(/^[\w-]+\/src\/([\w-]+)\.(?:topology|settings)\.ts/gm)].map((m) => m[1]))];
    expect({ output: r.output.slice(0, 4000), designs: failing.map((f) => JSON.stringify(cases.find((c) => c.name === f)?.doc)) }).toEqual({ output: '', designs: [] });
    expect(r.status).toBe(0);
  }, 300_000);

  it('every generated project outputs exactly what the preview showed', () => {
    const outputs = runProjects(cases.map((c) => join(root, c.name)), root);
    const mismatches = cases.filter((c) => JSON.stringify(outputs[join(root, c.name)]) !== JSON.stringify(c.expected));
    expect(mismatches.map((m) => ({ name: m.name, design: JSON.stringify(m.doc), got: outputs[join(root, m.name)], expected: m.expected })).slice(0, 2)).toEqual([]);
  }, 180_000);
});
