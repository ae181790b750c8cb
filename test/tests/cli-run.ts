/** Runs the streamwright command in-process and writes designs to temporary files, for the CLI tests of this folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: tmpdir() });
  return { code, out, err };
}

export function write(doc: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sw-cli-')), 'design.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
