import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Property tests render thousands of formulas: room for a busy 2-core machine.
    testTimeout: 20_000,
  },
});
