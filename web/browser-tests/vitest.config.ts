import { defineConfig } from 'vitest/config';

/** Browser tests (playwright-core + Debian's Chromium): one file at a time, generous timeouts, no retries. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    retry: 0,
    // Waits for a state end as soon as it holds; the limit is for a loaded shared machine.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
