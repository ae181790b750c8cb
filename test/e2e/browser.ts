/**
 * E2E harness: builds the app once, serves the production build on 127.0.0.1 (vite preview) and
 * drives Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function buildApp(): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

// What the production build is made of: when none of it is newer than the last build's stamp, the
// build in dist/ is current and the e2e files reuse it.
const BUILD_INPUTS = ['src', 'codegen', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const STAMP = join(ROOT, 'dist', '.e2e-build-stamp');
const LOCK = join(ROOT, 'test', '.cache', 'e2e-build.lock');
// Left by a failed build: the files waiting for it fail at once instead of each building again.
const FAILED = join(ROOT, 'test', '.cache', 'e2e-build.failed');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(STAMP)) return false;
  const stamp = statSync(STAMP).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(join(ROOT, p)) <= stamp);
}

function lockHolderAlive(): boolean {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the app unless dist/ already holds a build of the current sources. The e2e files run in
 * parallel workers: the first one takes a lock (an atomic mkdir) and builds, the others wait for it,
 * so the app is built once per change, not once per file.
 */
export async function ensureBuilt(): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (buildIsCurrent()) return;
    if (existsSync(FAILED) && statSync(FAILED).mtimeMs >= started) throw new Error('vite build failed (in another e2e file)');
    try {
      mkdirSync(join(ROOT, 'test', '.cache'), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // Someone else builds (or a crashed run left its lock: taken over once its process is gone).
      await new Promise((r) => setTimeout(r, 250));
      if (existsSync(join(LOCK, 'pid')) && !lockHolderAlive()) rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    try {
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      if (!buildIsCurrent()) {
        const buildStarted = new Date();
        try {
          buildApp();
        } catch (e) {
          writeFileSync(FAILED, '');
          throw e;
        }
        // Stamped with the time the build started: a source saved during the build makes it stale.
        writeFileSync(STAMP, '');
        utimesSync(STAMP, buildStarted, buildStarted);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
}

/** Serves the production build (`outDir`: another build directory, e.g. a baseline for a bench). */
export async function serve(outDir = 'dist'): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const proc: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  // npm exec does not always pass SIGTERM on: end the whole process group.
  return { url, stop: () => process.kill(-proc.pid!, 'SIGKILL') };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium); npm test's pretest does this as root`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
