import { defineConfig } from 'vitest/config';

// Only *.test.ts(x) under test/: Playwright specs (test/e2e/*.spec.ts) run through their own runner test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 120000,
  },
});
