import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Firefox ESR: one file at a time, generous timeouts for a loaded 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
