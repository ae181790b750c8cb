/**
 * The generated project's `npm start` (scripts/build.mjs --start): builds dist/ when there is none or
 * a source is newer, not otherwise, and runs the app with the arguments given after --start.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { design, node } from '../fixtures/build';
import { tempRoot, writeProject } from './project-dir';

const doc = design(
  [node('s', 'stream', { topic: 'in' }, 'in'), node('m', 'mapValues', { mapper: '(v) => v * 2' }, 'double'), node('o', 'to', { topic: 'out' }, 'out')],
  [['s', 'm'], ['m', 'o']],
);

let dir = '';
const builtAt = () => statSync(join(dir, 'dist', 'main.js')).mtimeMs;
const out = () => readFileSync(join(dir, 'out', 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { value: unknown });

/** What `npm start -- args` runs (package.json's start script), without npm itself. */
function start(...args: string[]) {
  const { scripts } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe('node scripts/build.mjs --start');
  expect(scripts.prestart).toBeUndefined();
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--start', ...args], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
}

beforeAll(() => {
  dir = writeProject(tempRoot('sw-start-'), generateProject(doc, nodeEngineSources()));
  writeFileSync(join(dir, 'given.jsonl'), '{"key":"a","value":1,"timestamp":1}\n{"key":"b","value":2,"timestamp":2}\n');
});

describe('npm start of a generated project', () => {
  it('builds when dist/ is missing, runs the app with the arguments after --start', () => {
    start('--input', 'in=given.jsonl');
    expect(out().map((r) => r.value)).toEqual([2, 4]);
  }, 60_000);

  it('does not build again while no source changed', () => {
    const before = builtAt();
    start('--input', 'in=given.jsonl');
    expect(builtAt()).toBe(before);
  }, 60_000);

  it('builds again after a source changed, and runs the change', () => {
    const before = builtAt();
    const topology = join(dir, 'src', 'topology.ts');
    writeFileSync(topology, readFileSync(topology, 'utf8').replace('v * 2', 'v * 3'));
    // A clock step or a coarse file system must not hide the edit: the file is dated after the build.
    utimesSync(topology, new Date(before + 5000), new Date(before + 5000));
    start('--input', 'in=given.jsonl');
    expect(builtAt()).toBeGreaterThan(before);
    expect(out().map((r) => r.value)).toEqual([3, 6]);
  }, 60_000);
});
