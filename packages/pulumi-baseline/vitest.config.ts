import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI runs every package's suite at once on two cores: generous timeouts keep load from failing tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['tests/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    // Loading @pulumi/pulumi and @pulumi/aws dominates the run; test files share a worker's module cache.
    // Each file installs the same mocks and names its components uniquely, so they do not interfere.
    isolate: false,
  },
});
