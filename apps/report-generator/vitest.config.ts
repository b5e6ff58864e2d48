import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The handler test reads the summary line (JSON on stdout) at INFO, whatever the shell sets.
    env: { POWERTOOLS_LOG_LEVEL: 'INFO' },
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
