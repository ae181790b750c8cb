#!/usr/bin/env node
// The `streamwright` command: the build in dist-cli/ (made by `npm install` and `npm run build:cli`);
// in a checkout where it is missing, the TypeScript sources through tsx.
let main;
try {
  ({ main } = await import('../dist-cli/main.mjs'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist-cli')) throw e;
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
