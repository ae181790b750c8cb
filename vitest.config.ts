import { defineConfig } from 'vitest/config';

// Every *.test.ts(x) under test/, the browser e2e files included: test/e2e/*.test.ts drive Chromium
// through playwright-core from vitest (there is no separate Playwright runner or .spec.ts file).
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 120000,
  },
});
