/**
 * The generated project's scripts/build.mjs: `npm run build` bundles src/ into dist/ (esbuild), and
 * `npm start` runs dist/main.js after building only when a file under src/ or package.json is newer
 * than it. Rebuilding at every start (the former prestart script) cost ~0.2 s of CPU and a second
 * node process: as much as the run itself on a 100k-record input (#12's whole-process figures).
 */

/** Where the build writes what npm start runs. */
export const BUILT_MAIN = 'dist/main.js';

export const BUILD_SCRIPT_PATH = 'scripts/build.mjs';

export const BUILD_SCRIPTS = { build: `node ${BUILD_SCRIPT_PATH}`, start: `node ${BUILD_SCRIPT_PATH} --start` };

/**
 * main.ts and the Kafka driver bundled into dist/ (their shared engine code in one chunk; npm packages
 * stay imports). The driver is its own entry because main loads it only when KAFKA_BROKERS is set.
 */
export const BUILD_SCRIPT = `// npm run build: bundles src/ into dist/ (main.js, and kafka.js which main loads for KAFKA_BROKERS).
// npm start (--start): builds only when a file under src/ or package.json is newer than ${BUILT_MAIN},
// then runs it in this process with the arguments after --start.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const OPTIONS = {
  entryPoints: { main: 'src/main.ts', kafka: 'src/streams/kafka/index.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: 'dist',
  logLevel: 'warning',
};

/** The newest modification time of a file or of anything under a folder. */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

function builtAt() {
  try {
    return statSync('${BUILT_MAIN}').mtimeMs;
  } catch {
    return -Infinity;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  await esbuild.build(OPTIONS);
}

if (process.argv[2] !== '--start') await build();
else {
  if (builtAt() < Math.max(newest('src'), newest('package.json'))) await build();
  // main.js reads its arguments from process.argv.slice(2), as when started as node ${BUILT_MAIN}.
  const main = resolve('${BUILT_MAIN}');
  process.argv.splice(1, 2, main);
  await import(pathToFileURL(main).href);
}
`;
