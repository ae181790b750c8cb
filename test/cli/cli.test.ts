/** The streamwright command: happy paths and every error path gives one clear line and a non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const EX = join(ROOT, 'public', 'examples');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: ROOT });
  return { code, out, err };
}

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('streamwright CLI', () => {
  it('validate: a valid example passes, a broken design prints file: node "name" param (position): message [CODE] and exits 1', async () => {
    expect((await cli('validate', join(EX, 'word-count.json'))).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(EX, 'word-count.json'), 'utf8'));
    doc.nodes[1].params.mapper = '(value) => value.split(';
    const f = tmpFile('broken.json', JSON.stringify(doc));
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: node "split-words" mapper \\(line 1, column \\d+\\): does not parse: .* \\[E_FN_PARSE\\]$`, 'm'));
  });

  it('simulate --json prints what each sink topic received', async () => {
    const r = await cli('simulate', join(EX, 'split-branches.json'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out['tx-large'].map((x: { key: string }) => x.key)).toEqual(['t1', 't4']);
    expect(out['tx-medium']).toEqual([{ key: 't2', value: { amount: 150 }, timestamp: 1700000001000 }]);
  });

  it('simulate --samples replaces the saved samples (.jsonl and .json)', async () => {
    const jsonl = tmpFile('s.jsonl', '{"topic":"transactions","key":"x","value":{"amount":7},"timestamp":5}\n');
    expect(JSON.parse((await cli('simulate', join(EX, 'split-branches.json'), '--samples', jsonl, '--json')).out)).toEqual({ 'tx-small': [{ key: 'x', value: { amount: 7 }, timestamp: 5 }] });
    const bad = tmpFile('s.jsonl', '{"topic":"transactions","key":"x","value":1,"timestamp":-5}\n');
    const r = await cli('simulate', join(EX, 'split-branches.json'), '--samples', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/s\.jsonl:1: timestamp: must be >= 0/);
  });

  it.each([
    ['s.jsonl', '{"topic":"transactions","key":"x","value":1,"timestamp":5}\n{"topic":"transactions","key":"y","value":NaN,"timestamp":6}\n', /s\.jsonl:2:\d+: invalid JSON/],
    ['s.jsonl', '{"topic":"transactions","key":"x","value":1}\n', /s\.jsonl:1: timestamp: is missing \(each record needs a timestamp in epoch milliseconds\)$/],
    ['s.json', '{"transactions":[{"key":"x","value":1,"timestamp":1},{"key":"y","value":1,"timestamp":"noon"}]}', /s\.json: \$\.transactions\[1\]: timestamp: must be a number of epoch milliseconds, got "noon"$/],
    ['s.json', '{"transactions":[{"key":"x",\n"value":undefined,"timestamp":1}]}', /s\.json:2:\d+: invalid JSON/],
  ])('simulate --samples %s with a bad record names the file and the place', async (name, text, re) => {
    const r = await cli('simulate', join(EX, 'split-branches.json'), '--samples', tmpFile(name, text));
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(re);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('simulate: a negative timestamp in the design\'s own samples names the file, the topic and the record', async () => {
    const doc = JSON.parse(readFileSync(join(EX, 'split-branches.json'), 'utf8'));
    doc.samples.transactions[1].timestamp = -3;
    const r = await cli('simulate', tmpFile('neg.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/neg\.json: \$\.samples\.transactions\[1\]\.timestamp: must be >= 0 \(epoch milliseconds\)/);
  });

  it('conformance prints one line per case and a total', async () => {
    const r = await cli('conformance', join(ROOT, 'test', 'conformance', 'cases', 'stateless.json'));
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe('5 passed, 0 failed');
    const j = await cli('conformance', join(ROOT, 'test', 'conformance', 'cases', 'suppress.json'), '--json');
    const parsed = JSON.parse(j.out);
    expect(parsed[0]).toMatchObject({ pass: true, failures: [] });
    expect(Array.isArray(parsed[0].trace)).toBe(true);
  });

  it('generate writes a project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-gen-'));
    const r = await cli('generate', join(EX, 'word-count.json'), '-o', dir);
    expect(r.code).toBe(0);
    for (const f of ['package.json', 'src/topology.ts', 'src/streams/index.ts', 'samples/text-lines.jsonl', 'test/cases.json', 'test/topology.test.ts']) expect(existsSync(join(dir, f))).toBe(true);
  });

  it.each([
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['validate', 'no/such/file.json'], 1, /no\/such\/file\.json: cannot read file \(no such file\)/],
    [['validate'], 2, /usage: streamwright validate/],
    [['simulate', 'x.json', '--bogus'], 1, /unknown option --bogus/],
  ])('error path %j', async (args, code, re) => {
    const r = await cli(...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('invalid JSON names line and column; schema errors name the JSON path', async () => {
    const f = tmpFile('bad.json', '{\n  "format": "streamwright/topology",\n  "version": 1,\n  "name": "x",\n  "nodes": [}\n');
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json:5:\d+: invalid JSON/);
    const g = tmpFile('schema.json', JSON.stringify({ format: 'streamwright/topology', version: 1, name: 'x', nodes: [{ id: 'a', kind: 'stream', name: 'a', position: { x: 1, y: 'up' } }], edges: [] }));
    expect((await cli('validate', g)).err).toMatch(/schema\.json: \$\.nodes\[0\]\.position\.y: /);
  });

  it('runs as a real process through bin/streamwright.mjs', () => {
    const r = spawnSync('node', [join(ROOT, 'bin', 'streamwright.mjs'), 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('streamwright: unknown command "nope" (try: validate, simulate, generate, conformance, test, diff, fmt, import-describe, check-order)');
  });
});
