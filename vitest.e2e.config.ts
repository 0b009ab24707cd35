import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app served locally, driven in Debian's Chromium by playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
