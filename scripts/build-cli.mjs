// Builds the `streamwright` command into dist-cli/ (run by npm install's prepare step and before the
// tests), so `npx streamwright` starts without transpiling TypeScript. Each command is its own chunk:
// `--help` loads only the entry. npm packages (zod, sucrase, acorn, ...) are bundled too: resolving
// and loading their hundreds of files took ~0.14 s of CPU at every `simulate` (0.45 -> 0.31 s for a
// 100-record run); their ESM builds are taken where they have one (jsonc-parser's "main" is UMD).
// The schema libraries (ajv, protobufjs, avsc: ~0.6 MB) are the exception: only a design with topic
// schemas needs them, so the bundle holds a stand-in that requires the package on first use.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const LAZY = /^(ajv|ajv\/dist\/2020|protobufjs|avsc\/etc\/browser\/avsc-types)$/;

/** `import x from 'pkg'` of a LAZY package becomes a proxy that loads the package (from node_modules) when first touched. */
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    // The stand-in's own require stays a require of the installed package (not bundled, not itself).
    b.onResolve({ filter: LAZY }, (a) => (a.namespace === 'lazy-package' ? { path: a.path, external: true } : { path: a.path, namespace: 'lazy-package' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (a) => ({
      loader: 'js',
      contents: `
let real;
const load = () => {
  if (real === undefined) {
    const m = require(${JSON.stringify(a.path)});
    real = m && m.__esModule && 'default' in m ? m.default : m;
  }
  return real;
};
export default new Proxy(function () {}, {
  get: (_, k) => Reflect.get(load(), k),
  has: (_, k) => Reflect.has(load(), k),
  set: (_, k, v) => Reflect.set(load(), k, v),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args) => Reflect.construct(load(), args),
  getPrototypeOf: () => Reflect.getPrototypeOf(load()),
});
`,
    }));
  },
};

// Chunk names carry content hashes: without this, every build left the previous chunks behind.
rmSync('dist-cli', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist-cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  plugins: [lazyPackages],
  logLevel: 'warning',
  // CommonJS packages in the bundle (avsc) require Node's builtins ("buffer"); an ES module has no
  // require, and esbuild's stand-in throws "Dynamic require of ... is not supported" without one.
  banner: { js: "import { createRequire as __swCreateRequire } from 'node:module'; const require = __swCreateRequire(import.meta.url);" },
});
