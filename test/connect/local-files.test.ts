/**
 * The generated project's local mode runs the file connectors for real (no cluster): the file
 * source's lines are the topic's input, the topology runs, the file sink's file gets the output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, tempRoot, writeProject } from '../codegen/project-dir';
import { filePipeline, generated } from './fixtures';

describe('local mode with file connectors', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeProject(tempRoot('sw-connect-local-'), generated(filePipeline()));
    buildProject(dir);
  }, 120_000);

  const start = () => spawnSync(process.execPath, ['dist/main.js'], { cwd: dir, encoding: 'utf8' });

  it('file in -> topology -> file out, and the sink file starts afresh each run', () => {
    writeFileSync(join(dir, 'lines.txt'), 'hello\nkafka connect\n\nlast line without newline');
    for (let run = 0; run < 2; run++) {
      const r = start();
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'out-lines.txt'), 'utf8')).toBe('HELLO\nKAFKA CONNECT\n\nLAST LINE WITHOUT NEWLINE\n');
      expect(r.stdout).toContain('file sink shouted-out: 4 line(s) -> out-lines.txt');
    }
    // The topic's records also go to out/ as for every sink topic.
    const out = readFileSync(join(dir, 'out', 'shouted.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((r) => [r.key, r.value])).toEqual([[null, 'HELLO'], [null, 'KAFKA CONNECT'], [null, ''], [null, 'LAST LINE WITHOUT NEWLINE']]);
  });

  it('without the source file the topic reads its samples, as before', () => {
    rmSync(join(dir, 'lines.txt'), { force: true });
    const r = start();
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'lines.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'out-lines.txt'), 'utf8')).toBe('FROM THE SAMPLES\n');
  });

  it('--input still replaces a topic with a JSONL file', () => {
    writeFileSync(join(dir, 'lines.txt'), 'ignored\n');
    writeFileSync(join(dir, 'given.jsonl'), '{"key":"k","value":"given","timestamp":5}\n');
    const r = spawnSync(process.execPath, ['dist/main.js', '--input', 'lines=given.jsonl'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out-lines.txt'), 'utf8')).toBe('GIVEN\n');
  });
});
