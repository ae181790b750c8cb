/** `streamwright import-describe`: a describe() text to a design file the other commands accept. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { compileDesign } from '../../src/compiler/compile';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'describe-kafka', 'TopologyTest-timeWindowZeroArgCountShouldPreserveTopologyStructure.txt');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: ROOT });
  return { code, out, err };
}

describe('streamwright import-describe', () => {
  it('writes a laid-out design that validates, and its describe() is the text it came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-import-'));
    const out = join(dir, 'design.json');
    const r = await cli('import-describe', FIXTURE, '-o', out, '--name', 'counts');
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.name).toBe('counts');
    expect(doc.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['aggregate', 'groupByKey', 'stream']);
    expect(compileDesign(doc).topology.describe().toString()).toBe(readFileSync(FIXTURE, 'utf8'));
    // elkjs placed them left to right, apart.
    const xs = doc.nodes.map((n: { position: { x: number } }) => n.position.x);
    expect(new Set(xs).size).toBe(3);
    expect((await cli('validate', out)).code).toBe(0);
    expect(r.err).toMatch(/design\.json: 3 nodes, 0 placeholders/);
  });

  it('prints the design on stdout, and placeholders on stderr with their code', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'sw-import-')), 'd.txt');
    writeFileSync(f, 'Topologies:\n   Sub-topology: 0\n    Source: in (topics: [a])\n      --> mine\n    Processor: mine (stores: [])\n      --> none\n      <-- in\n\n');
    const r = await cli('import-describe', f);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).nodes.map((n: { kind: string; name: string }) => `${n.kind} ${n.name}`)).toEqual(['stream in', 'processValues mine']);
    expect(r.err).toMatch(/d\.txt: mine: "mine" became a processValues placeholder \[PLACEHOLDER\]/);
  });

  it('a text that is not describe() output exits 1 with the line and code', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'sw-import-')), 'bad.txt');
    writeFileSync(f, 'Topologies:\n   Sub-topology: 0\n    what is this\n');
    const r = await cli('import-describe', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.txt:3: not a line of Topology#describe\(\): .* \[DESCRIBE_SYNTAX\]/);
  });
});
