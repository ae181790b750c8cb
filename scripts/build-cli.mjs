// Builds the `streamwright` command into dist-cli/ (run by npm install's prepare step and before the
// tests), so `npx streamwright` starts without transpiling TypeScript. Each command is its own chunk:
// `--help` loads only the entry. npm packages (zod, sucrase, acorn, ...) are bundled too: resolving
// and loading their hundreds of files took ~0.14 s of CPU at every `simulate` (0.45 -> 0.31 s for a
// 100-record run); their ESM builds are taken where they have one (jsonc-parser's "main" is UMD).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
  logLevel: 'warning',
  // CommonJS packages in the bundle (avsc) require Node's builtins ("buffer"); an ES module has no
  // require, and esbuild's stand-in throws "Dynamic require of ... is not supported" without one.
  banner: { js: "import { createRequire as __swCreateRequire } from 'node:module'; const require = __swCreateRequire(import.meta.url);" },
});
