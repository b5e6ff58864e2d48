import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Handler logs are JSON lines on stdout; tests assert on requests and results, not on log noise.
    env: {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      RAMPART_EVIDENCE_BUCKET: 'rampart-evidence',
      RAMPART_EVIDENCE_KMS_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/evidence',
      RAMPART_NOTIFICATION_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:rampart-incidents',
    },
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
