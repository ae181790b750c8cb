/** Runs and type-checks many generated projects at once: one tsx process, one tsc program. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
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
 * tsc --noEmit over generated projects (folders under root) as ONE program with ONE copy of the
 * engine: the first project is checked whole; of the others only what differs between designs
 * (src/topology.ts and src/settings.ts; main.ts and the test are the same text in every project),
 * copied into the first project's src/ as <project>.topology.ts and <project>.settings.ts, so they
 * import its engine (TypeScript does not resolve relative imports through symlinks to one file).
 */
export function typeCheckProjects(root: string, projectDirs: string[]): { output: string; status: number | null } {
  const [first, ...others] = projectDirs;
  for (const dir of others) {
    for (const file of ['topology', 'settings']) copyFileSync(join(root, dir, 'src', `${file}.ts`), join(root, first, 'src', `${dir}.${file}.ts`));
  }
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, first, 'tsconfig.json'),
      compilerOptions: { types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
      include: [`${first}/src/**/*.ts`, `${first}/test/**/*.ts`],
    }),
  );
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(root, 'tsconfig.json')], { encoding: 'utf8' });
  return { output: r.stdout + r.stderr, status: r.status };
}
