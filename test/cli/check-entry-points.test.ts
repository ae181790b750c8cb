/**
 * The broken-design table through the CLI: validate (text and --json), simulate and generate all
 * report the checker's diagnostic at its node and param, with the exit codes the docs promise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { checkDesign, formatDiagnostic } from '../../src/model/check';
import type { Diagnostic } from '../../src/model/types';
import { BROKEN, brokenRows } from '../fixtures/broken-designs';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: tmpdir() });
  return { code, out, err };
}

describe('every entry point reports the broken-design table', () => {
  it.each(brokenRows())('%s', async (_title, c) => {
    const code = c.code;
    const doc = c.doc();
    const dir = mkdtempSync(join(tmpdir(), 'sw-check-'));
    const file = join(dir, 'design.json');
    writeFileSync(file, JSON.stringify(doc));
    const expected = checkDesign(doc).find((d) => d.code === code && Object.entries(c.at).every(([k, v]) => d[k as keyof Diagnostic] === v))!;
    expect(expected).toBeDefined();
    const line = `${file}: ${formatDiagnostic(doc, expected)}\n`;
    const isError = expected.severity === 'error';

    const validate = await cli('validate', file);
    expect(validate.out).toContain(line);
    expect(validate.code).toBe(isError ? 1 : 0);

    const json = await cli('validate', file, '--json');
    expect(JSON.parse(json.out)).toContainEqual(expected);
    expect(json.code).toBe(isError ? 1 : 0);

    // simulate prints the checker's verdict before anything else and runs nothing when it has errors.
    const simulate = await cli('simulate', file, '--json');
    expect(simulate.err.startsWith(`${file}: `)).toBe(true);
    expect(simulate.err).toContain(line);
    expect(simulate.code).toBe(isError ? 1 : 0);
    if (isError) expect(simulate.out).toBe('');

    const out = join(dir, 'project');
    const generate = await cli('generate', file, '-o', out);
    if (isError) {
      expect(generate.err).toContain(line);
      expect(generate.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(generate.code).toBe(0);
      expect(existsSync(join(out, 'src', 'topology.ts'))).toBe(true);
    }
  });
});

it('a hostile node name stays on its diagnostic line (quoted, every line terminator escaped)', async () => {
  const name = 'a\nb\r"c" \u2028 `${x}` 🚀';
  const doc = BROKEN.find((c) => c.code === 'E_TOPIC_NAME')!.doc();
  const sink = doc.nodes.find((n) => n.id === 'o')!;
  sink.name = name;
  const dir = mkdtempSync(join(tmpdir(), 'sw-check-'));
  const file = join(dir, 'design.json');
  writeFileSync(file, JSON.stringify(doc));
  const r = await cli('validate', file);
  const lines = r.out.split('\n').filter((l) => l.endsWith('[E_TOPIC_NAME]'));
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`${file}: node "a\\nb\\r\\"c\\" \\u2028 \`\${x}\` 🚀" topic: `)).toBe(true);
  expect(r.out.split(/\r\n|[\n\r\u2028\u2029]/).filter((l) => l.trim()).every((l) => l.startsWith(`${file}: `))).toBe(true);
});

describe("the issue's repro through the built command (bin/streamwright.mjs)", () => {
  it('word count with the flatMapValues mapper 42: validate, simulate and generate all refuse it, naming node and param', () => {
    const root = join(import.meta.dirname, '..', '..');
    const doc = JSON.parse(readFileSync(join(root, 'public', 'examples', 'word-count.json'), 'utf8'));
    doc.nodes.find((n: { kind: string }) => n.kind === 'flatMapValues').params.mapper = 42;
    const dir = mkdtempSync(join(tmpdir(), 'sw-repro-'));
    const file = join(dir, 'word-count.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = (...args: string[]) => spawnSync('node', [join(root, 'bin', 'streamwright.mjs'), ...args], { encoding: 'utf8' });
    const line = `${file}: node "split-words" mapper: must be a function such as (value, key) => ..., not a number (42) [E_FN_NOT_FUNCTION]\n`;

    const validate = run('validate', file);
    expect([validate.status, validate.stdout]).toEqual([1, line]);
    const json = run('validate', file, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([{ code: 'E_FN_NOT_FUNCTION', severity: 'error', nodeId: 'words', param: 'mapper', message: 'must be a function such as (value, key) => ..., not a number (42)' }]);
    const simulate = run('simulate', file);
    expect([simulate.status, simulate.stdout, simulate.stderr.startsWith(line)]).toEqual([1, '', true]);
    const generate = run('generate', file, '-o', join(dir, 'project'));
    expect([generate.status, generate.stderr.startsWith(line), existsSync(join(dir, 'project'))]).toEqual([1, true, false]);
  });
});
