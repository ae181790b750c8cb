/**
 * Names users choose are keys like any other: a topic, branch or node id named "__proto__",
 * "constructor" or "toString" keeps its records in the preview, the CLI and the exported runner.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSamplesFile } from '../../src/cli/files';
import { compileDesign } from '../../src/compiler/compile';
import { runLocal } from '../../src/engine';
import { parseDesign } from '../../src/model/load';
import { summarize } from '../../src/simulator/preview-view';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** One source topic per name, each copied to the sink topic "<name>" + "2"... and to "__proto__" itself. */
function passThrough(source: string, sink: string) {
  const json = JSON.stringify(design([node('s', 'stream', { topic: source }), node('o', 'to', { topic: sink })], [['s', 'o']]));
  // Samples written as JSON text, as a design file holds them (an object literal would set a prototype).
  const text = json.replace('"samples":{}', `"samples":{${JSON.stringify(source)}:[{"key":"a","value":1,"timestamp":1}]}`);
  const r = parseDesign(text);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.doc;
}

describe('name-keyed tables', () => {
  it.each(NAMES)('a source topic and a sink topic named %s keep their records (load, preview, summary)', (name) => {
    for (const [source, sink] of [[name, 'out'], ['in', name]]) {
      const doc = passThrough(source, sink);
      expect(Object.hasOwn(doc.samples, source)).toBe(true);
      const sim = simulate({ doc });
      expect(sim.ok).toBe(true);
      expect(Object.keys(sim.sinks)).toEqual([sink]);
      expect(sim.sinks[sink]).toEqual([{ key: 'a', value: 1, timestamp: 1 }]);
      expect(Object.keys(sim.inputs)).toEqual([source]);
      expect(Object.entries(summarize(sim, 1, { detailNodeId: null, detailLimit: 10 }).sinkCounts)).toEqual([[sink, 1]]);
    }
  });

  it('the exported runner (runLocal) returns a sink named __proto__ as an entry', () => {
    const doc = passThrough('in', '__proto__');
    const out = runLocal(compileDesign(doc).topology, JSON.parse('{"in":[{"key":"k","value":2,"timestamp":5}]}'));
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__'].map((r) => r.value)).toEqual([2]);
  });

  it('split branches named after Object.prototype members each get their records', () => {
    const doc = design(
      [
        node('s', 'stream', { topic: 'in' }),
        node('x', 'split', { namePrefix: '', branches: [{ name: '__proto__', predicate: '(k, v) => v > 1' }, { name: 'constructor', predicate: '(k, v) => true' }], defaultBranch: '' }),
        node('a', 'to', { topic: 'big' }),
        node('b', 'to', { topic: 'small' }),
      ],
      [['s', 'x'], ['x', 'a', 'in', '__proto__'], ['x', 'b', 'in', 'constructor']],
      { in: [{ key: 'k', value: 1, timestamp: 1 }, { key: 'k', value: 5, timestamp: 2 }] },
    );
    const sim = simulate({ doc });
    expect(sim.ok).toBe(true);
    expect(sim.sinks.big.map((r) => r.value)).toEqual([5]);
    expect(sim.sinks.small.map((r) => r.value)).toEqual([1]);
  });

  it('the CLI reads samples files with a topic named __proto__ or constructor (.json and .jsonl)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-names-'));
    writeFileSync(join(dir, 's.json'), '{"__proto__":[{"key":"a","value":1,"timestamp":1}],"constructor":[]}');
    writeFileSync(join(dir, 's.jsonl'), '{"topic":"constructor","key":"a","value":1,"timestamp":1}\n{"topic":"__proto__","key":"b","value":2,"timestamp":2}\n');
    expect(Object.entries(loadSamplesFile('s.json', dir)).map(([t, l]) => [t, l.length])).toEqual([['__proto__', 1], ['constructor', 0]]);
    expect(Object.entries(loadSamplesFile('s.jsonl', dir)).map(([t, l]) => [t, l.length])).toEqual([['constructor', 1], ['__proto__', 1]]);
  });
});
