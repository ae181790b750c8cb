/**
 * Nothing in a design can inject code outside the user's function bodies: hostile names,
 * descriptions and strings compile and mean what the design says. Hostile topics never get that far:
 * the checker refuses them (E_TOPIC_NAME).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { CodegenError } from '../../codegen/print-expr';
import { printTopology } from '../../codegen/topology-file';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';
import { ROOT, tempRoot, writeProject } from './project-dir';

const IN = 'in.topic_1-x';
const OUT = 'out-topic';
const HOSTILE = ["it's \"quoted\"", 'back`tick ${process.exit(1)}', 'end */ comment', 'new\nline', 'ünï©ødé 🚀', 'class', 'constructor', '\u2028sep'];

function hostileDesign() {
  const nodes = [
    node('s', 'stream', { topic: IN }, HOSTILE[0]),
    node('f', 'filter', { predicate: '(k, v) => v !== "*/ }); process.exit(3); ({"' }, HOSTILE[2]),
    node('m', 'mapValues', { mapper: '(v) => `${v}|${"`"}`' }, HOSTILE[3]),
    node('k', 'selectKey', { mapper: '(k, v) => "x"' }, HOSTILE[5]),
    node('o', 'to', { topic: OUT }, HOSTILE[6]),
  ];
  nodes[1].description = 'a description with */ and \n newlines and ${injection} and \u2028';
  return design(nodes, [['s', 'f'], ['f', 'm'], ['m', 'k'], ['k', 'o']], { [IN]: [{ key: 'a', value: 'one', timestamp: 1 }, { key: 'b', value: '*/ }); process.exit(3); ({', timestamp: 2 }] });
}

describe('generated code safety', () => {
  it('escapes names, topics and descriptions; user functions stay intact', () => {
    const code = printTopology(hostileDesign());
    expect(code).toContain(JSON.stringify(HOSTILE[0]));
    expect(code).toContain(JSON.stringify(HOSTILE[6]));
    expect(code).not.toMatch(/^\s*process\.exit/m);
    for (const line of code.split('\n')) if (line.includes('newlines')) expect(line.trim().startsWith('//')).toBe(true);
    expect(code).toMatch(/const class\w* = /);
  });

  it('compiles, and runs with the same output as the preview (no injected exit)', () => {
    const doc = hostileDesign();
    const sim = simulate({ doc });
    expect(sim.ok).toBe(true);
    const root = tempRoot('sw-safety-');
    const dir = writeProject(join(root, 'p'), generateProject(doc, nodeEngineSources(), { expectedOutputs: sim.sinks }));
    const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    const run = spawnSync('npx', ['vitest', 'run', '--root', dir], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // The filter drops the record whose value equals its own hostile string literal, as written.
    expect(sim.sinks[OUT].map((r) => r.value)).toEqual(['one|`']);
  }, 60_000);

  it('refuses a topic Kafka would refuse, before any code is printed', () => {
    const doc = hostileDesign();
    doc.nodes[0].params.topic = HOSTILE[1];
    expect(() => printTopology(doc)).toThrow(/ topic: topic name .*\[E_TOPIC_NAME\]/);
  });

  it('refuses a function that is not a single expression', () => {
    const doc = design([node('s', 'stream'), node('f', 'filter', { predicate: '(k, v) => true); require("fs").rmSync("/"); ((' }), node('o', 'to')], [['s', 'f'], ['f', 'o']]);
    expect(() => printTopology(doc)).toThrow(CodegenError);
  });
});
