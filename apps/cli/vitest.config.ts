import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI runs every package's suite at once on two cores: generous timeouts keep load from failing tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['tests/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
