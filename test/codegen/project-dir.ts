/**
 * Writes generated projects to disk, sharing the repo's node_modules (tsx, vitest, typescript,
 * kafkajs) via a symlink. Many projects can also share one copy of the vendored engine (every
 * project vendors the same files): src/streams is then a link to it, so one tsc program checks the
 * engine once instead of once per project.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const ENGINE_PREFIX = 'src/streams/';

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes the project's files under dir; with sharedEngine (a folder from writeSharedEngine), src/streams links there. */
export function writeProject(dir: string, files: Map<string, string>, sharedEngine?: string): string {
  for (const [path, text] of files) {
    if (sharedEngine && path.startsWith(ENGINE_PREFIX)) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (sharedEngine) symlinkSync(sharedEngine, join(dir, 'src', 'streams'), 'dir');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Writes the vendored engine of a generated project once, to dir; returns dir. */
export function writeSharedEngine(dir: string, files: Map<string, string>): string {
  for (const [path, text] of files) {
    if (!path.startsWith(ENGINE_PREFIX)) continue;
    const to = join(dir, path.slice(ENGINE_PREFIX.length));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The project's `npm run build` (what its `npm start` runs first): dist/main.js and dist/kafka.js. */
export function buildProject(dir: string): void {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0 || r.stderr) throw new Error(`npm run build in ${dir} failed (exit ${r.status}): ${r.stderr}${r.stdout}`);
}
