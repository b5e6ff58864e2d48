import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    // Loading @pulumi/pulumi and @pulumi/aws dominates the run; test files share a worker's module cache.
    isolate: false,
  },
});
