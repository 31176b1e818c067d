import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Real Chromium and EPUBCheck runs take seconds each on two cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
