/** Runs and type-checks many generated projects at once: one tsx process, one tsc program. */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './project-dir';

// Each project's own topology, vendored engine, settings and samples files (named by the project's
// own topicFilePath), run with runLocal exactly as its main.ts and test do.
const RUNNER = `
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
const dirs: string[] = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out: Record<string, unknown> = {};
for (const dir of dirs) {
  const { buildTopology } = await import(join(dir, 'src/topology.ts'));
  const { runLocal, topicFilePath } = await import(join(dir, 'src/streams/index.ts'));
  const settings = await import(join(dir, 'src/settings.ts'));
  const inputs: Record<string, unknown[]> = Object.create(null);
  for (const t of settings.SOURCE_TOPICS) {
    const f = topicFilePath(join(dir, 'samples'), t);
    inputs[t] = existsSync(f) ? readFileSync(f, 'utf8').split('\\n').filter((l: string) => l.trim()).map((l: string) => JSON.parse(l)) : [];
  }
  try {
    const res = runLocal(buildTopology(), inputs, { defaultKeySerde: settings.DEFAULT_KEY_SERDE, defaultValueSerde: settings.DEFAULT_VALUE_SERDE });
    out[dir] = Object.fromEntries(Object.entries(res).map(([t, rs]) => [t, (rs as { key: unknown; value: unknown; timestamp: number }[]).map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp }))]));
  } catch (e) {
    out[dir] = { error: String(e) };
  }
}
console.log(JSON.stringify(out));
`;

/** Runs many generated projects in one tsx process; returns the sink outputs per project dir. */
export function runProjects(dirs: string[], root: string): Record<string, unknown> {
  writeFileSync(join(root, 'dirs.json'), JSON.stringify(dirs));
  writeFileSync(join(root, 'run.mts'), RUNNER);
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(root, 'run.mts'), join(root, 'dirs.json')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

/**
 * tsc --noEmit over the given project folders (relative to root) as ONE program; with sharedEngine
 * (relative to root) the projects link their engine there and it is checked once.
 */
export function typeCheckProjects(root: string, projectDirs: string[], sharedEngine?: string): { output: string; status: number | null } {
  const own = sharedEngine ? ['src/*.ts', 'test/*.ts'] : ['src/**/*.ts', 'test/**/*.ts'];
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, projectDirs[0], 'tsconfig.json'),
      compilerOptions: { types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
      include: [...projectDirs.flatMap((d) => own.map((p) => `${d}/${p}`)), ...(sharedEngine ? [`${sharedEngine}/**/*.ts`] : [])],
    }),
  );
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(root, 'tsconfig.json')], { encoding: 'utf8' });
  return { output: r.stdout + r.stderr, status: r.status };
}
