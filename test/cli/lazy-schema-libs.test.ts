/**
 * The built CLI (dist-cli, what `npx streamwright` runs) loads the schema libraries (ajv,
 * protobufjs, avsc) only for a design with topic schemas (scripts/build-cli.mjs bundles a stand-in
 * that requires them on first use): a plain simulate loads none of them, and a design with a schema
 * of each format is checked through them as the designer checks it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { TopicSettings, TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the built CLI in one process; prints its output and which npm packages were loaded from node_modules. */
function runBuilt(args: string[]): { code: number; out: string; packages: string[] } {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'dist-cli', 'main.mjs'))});
    let out = '';
    const code = await main(${JSON.stringify(args)}, { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: process.cwd() });
    const { createRequire } = await import('node:module');
    const cache = Object.keys(createRequire(import.meta.url)('module')._cache);
    const packages = [...new Set(cache.filter((k) => k.includes('/node_modules/')).map((k) => k.split('/node_modules/').pop().split('/')[0]))];
    process.stdout.write(JSON.stringify({ code, out, packages }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { code: number; out: string; packages: string[] };
}

const SCHEMA_LIBS = ['ajv', 'protobufjs', 'avsc'];

it('a design without topic schemas: simulate loads none of the schema libraries', () => {
  const r = runBuilt(['simulate', join(ROOT, 'public', 'examples', 'word-count.json')]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('"topic":"word-counts"');
  expect(r.packages.filter((p) => SCHEMA_LIBS.includes(p))).toEqual([]);
});

it('a schema of each format is read through the libraries: a mismatching sample is found in each, a broken schema refused', () => {
  const topics: Record<string, TopicSettings> = {
    a: { valueSchema: { format: 'avro', text: '{"type":"record","name":"V","fields":[{"name":"n","type":"int"}]}' } },
    j: { valueSchema: { format: 'json-schema', text: '{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}' } },
    p: { valueSchema: { format: 'protobuf', text: 'syntax = "proto3";\nmessage V { int32 n = 1; }\n', messageType: 'V' } },
  };
  const bad = [{ key: 'k', value: { n: 'not a number' }, timestamp: 1 }];
  const doc: TopologyDocument = {
    ...design(
      [node('sa', 'stream', { topic: 'a' }), node('sj', 'stream', { topic: 'j' }), node('sp', 'stream', { topic: 'p' }), node('m1', 'merge'), node('m2', 'merge'), node('o', 'to', { topic: 'out' })],
      [['sa', 'm1'], ['sj', 'm1'], ['m1', 'm2'], ['sp', 'm2'], ['m2', 'o']],
      { a: bad, j: bad, p: bad },
    ),
    topics,
  };
  const dir = mkdtempSync(join(tmpdir(), 'sw-schemas-'));
  writeFileSync(join(dir, 'ok.json'), JSON.stringify(doc));
  const r = runBuilt(['validate', join(dir, 'ok.json')]);
  expect(r.out.split('\n').filter((l) => l.endsWith('[W_SAMPLE_SCHEMA]')).map((l) => l.match(/of (\w) does not match/)?.[1])).toEqual(['a', 'j', 'p']);
  expect(r.packages.filter((p) => SCHEMA_LIBS.includes(p)).sort()).toEqual(SCHEMA_LIBS.slice().sort());
  writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...doc, topics: { ...topics, p: { valueSchema: { format: 'protobuf', text: 'message {', messageType: 'V' } } } }));
  const broken = runBuilt(['validate', join(dir, 'broken.json')]);
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/\[E_SCHEMA_INVALID\]/);
});
