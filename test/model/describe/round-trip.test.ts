/**
 * describe -> import -> describe gives the same text for every gallery example and every conformance
 * topology (test/conformance: cases, extra, round2), and the imported design passes the checker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../src/compiler/compile';
import { convertCase } from '../../../src/conformance/convert';
import { checkDesign } from '../../../src/model/check';
import { importDescribe } from '../../../src/model/describe/import';
import type { TopologyDocument } from '../../../src/model/types';

const ROOT = join(__dirname, '..', '..', '..');

function designs(): [string, TopologyDocument][] {
  const out: [string, TopologyDocument][] = [];
  const ex = join(ROOT, 'public', 'examples');
  for (const f of readdirSync(ex)) if (f !== 'index.json' && f.endsWith('.json')) out.push([`example ${f}`, JSON.parse(readFileSync(join(ex, f), 'utf8'))]);
  for (const dir of ['cases', 'extra', 'round2']) {
    const d = join(ROOT, 'test', 'conformance', dir);
    for (const f of readdirSync(d).filter((x) => x.endsWith('.json'))) {
      const cases = JSON.parse(readFileSync(join(d, f), 'utf8')) as { name: string; topology: { nodes: never[] } }[];
      for (const c of cases) out.push([c.name, convertCase(c.name, c.topology.nodes).doc]);
    }
  }
  return out;
}

const all = designs();

describe('describe() round trip', () => {
  it('covers the examples and the conformance topologies', () => {
    expect(all.filter(([n]) => n.startsWith('example ')).length).toBeGreaterThanOrEqual(8);
    expect(all.length).toBeGreaterThan(300);
  });

  it.each(all)('%s: describe -> import -> describe is the same text, and the design passes the checker', (_name, doc) => {
    const text = compileDesign(doc).topology.describe().toString();
    const r = importDescribe(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
    expect(compileDesign(r.doc).topology.describe().toString()).toBe(text);
  });
});
