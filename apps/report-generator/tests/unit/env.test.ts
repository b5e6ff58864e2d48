import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnv } from '../../src/env.js';
import { ENV } from './support.js';

describe('readEnv', () => {
  it('applies the defaults', () => {
    expect(readEnv(ENV)).toMatchObject({
      RAMPART_REPORT_PREFIX: 'rampart/reports/',
      RAMPART_RULE_PREFIX: 'rampart-',
      RAMPART_EXPORT_FINDINGS: 'true',
    });
    expect(readEnv(ENV).RAMPART_AGGREGATOR_NAME).toBeUndefined();
  });

  it('names every invalid variable without echoing values', () => {
    const run = () =>
      readEnv({ AWS_REGION: 'nowhere', RAMPART_REPORT_BUCKET: 'Bad_Bucket', AWS_SECRET_ACCESS_KEY: 'hush' });
    expect(run).toThrow(EnvironmentError);
    expect(run).toThrow(/AWS_REGION.*RAMPART_REPORT_BUCKET.*RAMPART_REPORT_KMS_KEY_ID/);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('hush');
    }
  });

  it('rejects a prefix that does not end with a slash', () => {
    expect(() => readEnv({ ...ENV, RAMPART_REPORT_PREFIX: 'reports' })).toThrow(/RAMPART_REPORT_PREFIX/);
  });
});
