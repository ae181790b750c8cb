/**
 * The four ways to run one workload, as whole processes over the same input files: the hand-written
 * loop, RxJS, `streamwright simulate --out` and the exported project's local runner.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { buildProject, ROOT, tempRoot, writeProject } from '../../test/codegen/project-dir';
import { DESIGNS, SINK, TOPICS, type Workload } from './designs';
import type { Command } from './measure';

export const KINDS = ['loop', 'rxjs', 'cli', 'project'] as const;
export type Kind = (typeof KINDS)[number];

/** The exported project of the workload's design, in a temp folder sharing the repo's node_modules. */
function exportProject(w: Workload): string {
  const dir = writeProject(tempRoot(`bench-cli-${w}-`), generateProject(DESIGNS[w], nodeEngineSources()));
  buildProject(dir);
  return dir;
}

/**
 * What the project's `npm start -- args` runs: its start script (scripts/build.mjs --start: a build
 * when a source is newer than dist/, then the app), through sh as npm runs it, with node_modules/.bin
 * on the PATH; without npm's own CLI, which costs the same for every project (measured separately in
 * docs/performance.md). The project is built once when exported (as after `npm install && npm start`).
 */
function npmStartArgv(project: string, args: string[]): string[] {
  const { scripts } = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return ['sh', '-c', `PATH="$PWD/node_modules/.bin:$PATH"; exec ${scripts.start} "$@"`, 'npm-start', ...args];
}

/** Every command of workload w over files (topic -> path), writing under work/. */
export function commandsFor(w: Workload, files: Record<string, string>, work: string, kinds: readonly Kind[] = KINDS): Command[] {
  const dir = join(work, w);
  mkdirSync(join(dir, 'cli'), { recursive: true });
  const inputs = TOPICS[w].map((t) => files[t]);
  const sink = `${SINK[w]}.jsonl`;
  const design = join(dir, 'design.json');
  writeFileSync(design, JSON.stringify(DESIGNS[w], null, 2));
  const all: Record<Kind, () => Command> = {
    loop: () => ({ name: 'loop', cwd: ROOT, argv: ['node', join(ROOT, 'bench/cli/loops', `${w}.mjs`), join(dir, 'loop.jsonl'), ...inputs], output: join(dir, 'loop.jsonl') }),
    rxjs: () => ({ name: 'rxjs', cwd: ROOT, argv: ['node', join(ROOT, 'bench/cli/rx/run.mjs'), w, join(dir, 'rxjs.jsonl'), ...inputs], output: join(dir, 'rxjs.jsonl') }),
    cli: () => ({
      name: 'cli',
      cwd: ROOT,
      argv: ['node', join(ROOT, 'bin/streamwright.mjs'), 'simulate', design, ...TOPICS[w].flatMap((t) => ['--samples', `${t}=${files[t]}`]), '--out', join(dir, 'cli')],
      output: join(dir, 'cli', sink),
    }),
    project: () => {
      const p = exportProject(w);
      return { name: 'project', cwd: p, argv: npmStartArgv(p, TOPICS[w].flatMap((t) => ['--input', `${t}=${files[t]}`])), output: join(p, 'out', sink) };
    },
  };
  return kinds.map((k) => all[k]());
}
