// Builds the `streamwright` command into dist-cli/ (run by npm install's prepare step and before the
// tests), so `npx streamwright` starts without transpiling TypeScript. Each command is its own chunk:
// `--help` loads only the entry. npm packages stay external (resolved from node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist-cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  logLevel: 'warning',
});
