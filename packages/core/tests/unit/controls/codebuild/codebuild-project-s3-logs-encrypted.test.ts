import { describe, expect, it } from 'vitest';
import { codebuildProjectS3LogsEncrypted as control } from '../../../../src/controls/codebuild/codebuild-project-s3-logs-encrypted.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::CodeBuild::Project', 'encrypted');
const unencrypted = () => {
  const ci = happy();
  ci.configuration.logsConfig.s3Logs.encryptionDisabled = true;
  return ci;
};

describe('codebuild-project-s3-logs-encrypted', () => {
  it('compliant: S3 logs encrypted', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('CodeBuild project orders-api-build encrypts its S3 logs.');
  });

  it('non-compliant: S3 log encryption disabled', () => {
    const v = verdict(control, unencrypted());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'CodeBuild project orders-api-build writes unencrypted logs to S3 location orders-build-logs-123456789012/orders-api.',
    );
  });

  it('not applicable: exempted project (exemptedProjects)', () => {
    const v = verdict(control, unencrypted(), { params: { exemptedProjects: 'legacy-build, orders-api-build' } });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('CodeBuild project orders-api-build is exempted.');
  });

  it('not applicable: no S3 logs', () => {
    const ci = happy();
    ci.configuration.logsConfig.s3Logs = { status: 'DISABLED', encryptionDisabled: true };
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted project', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
