/**
 * Files of any size through both entry points: `streamwright simulate` and the exported project's
 * `npm start`, on the same runner. One ordering rule (ties by topic name) gives the preview, the
 * CLI (per-topic files or one mixed file in any order) and the project the same output on
 * tie-heavy inputs; every kind of bad line is named the same way by both, or skipped and counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { main } from '../../src/cli/main';
import type { TopologyDocument } from '../../src/model/types';
import { simulate } from '../../src/simulator/simulate';
import { buildProject, ROOT, tempRoot, writeProject } from '../codegen/project-dir';

const dir = mkdtempSync(join(tmpdir(), 'sw-stream-'));
const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const jsonl = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const readJsonl = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** A left join of two streams (left node first on the canvas, so the old "source order" tie rule would differ from the old "file order" one). */
const joinDesign: TopologyDocument = {
  format: 'streamwright/topology',
  version: 1,
  name: 'ties',
  nodes: [
    { id: 'l', kind: 'stream', name: 'lefts', params: { topic: 'zeta' }, position: { x: 0, y: 0 } },
    { id: 'r', kind: 'stream', name: 'rights', params: { topic: 'alpha' }, position: { x: 0, y: 200 } },
    { id: 'j', kind: 'leftJoin', name: 'joined', params: { joiner: '(l: unknown, r: unknown) => [l, r]', beforeMs: 1000, afterMs: 0, graceMs: 0 }, position: { x: 300, y: 0 } },
    { id: 's', kind: 'to', name: 'sink', params: { topic: 'out' }, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'l', target: 'j', targetPort: 'left' },
    { id: 'e2', source: 'r', target: 'j', targetPort: 'right' },
    { id: 'e3', source: 'j', target: 's', targetPort: 'in' },
  ],
  samples: {},
  settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 },
};

// Every timestamp appears on both topics (and twice on one): ties everywhere.
const zeta = Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 4}`, value: `z${i}`, timestamp: Math.floor(i / 2) * 500 }));
const alpha = Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 3}`, value: `a${i}`, timestamp: Math.floor(i / 2) * 500 }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

let project = '';
/** What the project's `npm start` runs once built (built in beforeAll). */
function runProject(...args: string[]) {
  return spawnSync(process.execPath, ['dist/main.js', ...args], { cwd: project, encoding: 'utf8' });
}

beforeAll(() => {
  put('design.json', JSON.stringify(joinDesign));
  project = writeProject(join(tempRoot('sw-stream-proj-'), 'p'), generateProject(joinDesign, nodeEngineSources()));
  buildProject(project);
});

describe('one ordering rule, every entry point', () => {
  it('the preview, the CLI (per-topic files, one mixed file in any order) and the exported project agree on tie-heavy input', async () => {
    const preview = simulate({ doc: joinDesign, samples: { alpha, zeta } }).sinks.out.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }));
    expect(preview.length).toBeGreaterThan(300);
    const z = put('zeta.jsonl', jsonl(zeta));
    const a = put('alpha.jsonl', jsonl(alpha));
    const perTopic = await cli('simulate', 'design.json', '--samples', `zeta=${z}`, '--samples', `alpha=${a}`, '--out', 'out1');
    expect(perTopic.err).toBe('');
    expect(readJsonl(join(dir, 'out1', 'out.jsonl'))).toEqual(preview);
    // One file, the alpha topic's lines first (the project's first source reads zeta): the order of a file never decides a tie.
    put('mixed.jsonl', jsonl([...alpha.map((r) => ({ topic: 'alpha', ...r })), ...zeta.map((r) => ({ topic: 'zeta', ...r }))]));
    const mixed = await cli('simulate', 'design.json', '--samples', 'mixed.jsonl');
    expect(mixed.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual(preview.map((r) => ({ topic: 'out', ...r })));
    const p = runProject('--input', `zeta=${z}`, '--input', `alpha=${a}`);
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    expect(readJsonl(join(project, 'out', 'out.jsonl'))).toEqual(preview);
  }, 120_000);

  it('writes {"key","value","timestamp"} per line in that order, one file per sink topic', async () => {
    const r = await cli('simulate', join(ROOT, 'public', 'examples', 'split-branches.json'), '--out', 'split');
    expect(r.code).toBe(0);
    const first = readFileSync(join(dir, 'split', 'tx-large.jsonl'), 'utf8').split('\n')[0];
    expect(Object.keys(JSON.parse(first))).toEqual(['key', 'value', 'timestamp']);
    expect(existsSync(join(dir, 'split', 'tx-medium.jsonl'))).toBe(true);
  });
});

describe('bad input lines, named alike by the CLI and the exported project', () => {
  const good = '{"key":"k1","value":"v","timestamp":1}';
  it.each([
    ['a truncated line', '{"key":"k2","value":"v","timesta', /zeta\.jsonl:2:\d+: invalid JSON/],
    ['invalid JSON', '{"key":"k2","value":NaN,"timestamp":2}', /zeta\.jsonl:2:21: invalid JSON/],
    ['a missing field', '{"key":"k2","value":"v"}', /zeta\.jsonl:2: timestamp: is missing/],
    ['a wrong type', '{"key":"k2","value":"v","timestamp":"noon"}', /zeta\.jsonl:2: timestamp: must be a number of epoch milliseconds, got "noon"/],
  ])('%s', async (_, line, message) => {
    const z = put('zeta.jsonl', `${good}\n${line}\n${good}\n`);
    const c = await cli('simulate', 'design.json', '--samples', `zeta=${z}`, '--out', 'bad');
    expect(c.code).toBe(1);
    expect(c.err).toMatch(message);
    const p = runProject('--input', `zeta=${z}`);
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(message);
    // --skip-bad-lines: both count the line and go on with the rest.
    const cs = await cli('simulate', 'design.json', '--samples', `zeta=${z}`, '--skip-bad-lines');
    expect(cs.code).toBe(0);
    expect(cs.err).toMatch(/skipped 1 bad line\(s\), the first: .*zeta\.jsonl:2/);
    const ps = runProject('--input', `zeta=${z}`, '--skip-bad-lines');
    expect(ps.status).toBe(0);
    expect(ps.stderr).toMatch(/skipped 1 bad line\(s\), the first: .*zeta\.jsonl:2/);
    expect(ps.stdout).toMatch(/processed 2 input record\(s\)/);
  }, 60_000);

  it('--json refuses an output too large to hold instead of running out of memory', async () => {
    const { CollectOutput } = await import('../../src/cli/sim-io');
    const out = new CollectOutput(1000, '--json');
    expect(() => {
      for (let i = 0; i < 100; i++) out.write('t', { key: `k${i}`, value: 'x'.repeat(20), timestamp: i });
    }).toThrow(/too large for --json .* --out <dir>/);
  });
});
