/**
 * One whole process measured: wall time, CPU time and peak RSS from GNU time (`%e %M %U %S`, written to its own file
 * so the command's stderr stays its own), with the 1-minute load average sampled around it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Command {
  name: string;
  argv: string[];
  cwd: string;
  /** The sink file the command writes. */
  output: string;
}

export interface Sample {
  wallS: number;
  /** User + system CPU seconds: on a loaded machine a steadier figure than wall time. */
  cpuS: number;
  rssMiB: number;
  load: number;
}

const TIME_FILE = join(tmpdir(), `bench-cli-time-${process.pid}`);

export async function measure(c: Command): Promise<Sample> {
  // Every command writes a new file: the CLI and the project replace an earlier run's file while the
  // loop and RxJS truncate it, and on ext4 a truncated, rewritten file is flushed at close (~0.1-0.3 s
  // at 1M records). Removed here, outside the measured process, no command pays for the last run.
  rmSync(c.output, { force: true });
  const load0 = loadavg()[0];
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const p = spawn('/usr/bin/time', ['-o', TIME_FILE, '-f', '%e %M %U %S', ...c.argv], { cwd: c.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr.on('data', (d: Buffer) => stderr.push(d));
    p.on('error', fail);
    p.on('close', done);
  });
  if (code !== 0) throw new Error(`${c.name} failed (exit ${code}): ${c.argv.join(' ')}\n${Buffer.concat(stderr).toString().slice(-2000)}`);
  const [wall, kb, user, sys] = readFileSync(TIME_FILE, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(TIME_FILE, { force: true });
  return { wallS: wall, cpuS: user + sys, rssMiB: kb / 1024, load: (load0 + loadavg()[0]) / 2 };
}

/** Line count and SHA-256 of a file, streamed. */
export async function digest(path: string): Promise<{ lines: number; sha256: string }> {
  const h = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    h.update(chunk);
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { lines, sha256: h.digest('hex') };
}

/** Fails loudly unless every command wrote the same lines. */
export async function sameOutputs(workload: string, commands: Command[]): Promise<{ lines: number; sha256: string }> {
  const ds = await Promise.all(commands.map((c) => digest(c.output)));
  const differ = ds.some((d) => d.sha256 !== ds[0].sha256);
  if (differ) throw new Error(`${workload}: outputs differ:\n${commands.map((c, i) => `  ${c.name}: ${ds[i].lines} lines, ${ds[i].sha256.slice(0, 16)} (${c.output})`).join('\n')}`);
  return ds[0];
}

export const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
