import { defineConfig } from 'vitest/config';

// Two tiers: unit tests of pure functions (no browser, no compile, one shared worker: fast) and the end-to-end
// tests that drive the compiled CLI, real Chromium, EPUBCheck and Calibre. `npm test` runs both.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // Real Chromium and EPUBCheck runs take seconds each on two cores.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
