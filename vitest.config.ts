import { defineConfig } from 'vitest/config';
import { classifierWeights } from './scripts/classifier-plugin.ts';

// Two projects: fast pure-logic tests, and browser tests that need `npm run build` first.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [classifierWeights()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
