/** `streamwright simulate … | head`: a reader that closes the pipe early ends the command quietly. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('exits 0 without a stack trace when stdout is closed after the first chunk', async () => {
  // Far more output than a pipe buffers (64 KiB), so writes go on after the reader is gone.
  const lines = Array.from({ length: 20_000 }, (_, i) => ({ key: `k${i}`, value: `line ${i} of text`, timestamp: i }));
  const samples = join(mkdtempSync(join(tmpdir(), 'sw-pipe-')), 'samples.json');
  writeFileSync(samples, JSON.stringify({ 'text-lines': lines }));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'streamwright.mjs'), 'simulate', join(ROOT, 'public', 'examples', 'word-count.json'), '--samples', samples], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 60_000);
