import { describe, expect, it } from 'vitest';
import { mfaEnabledForIamConsoleAccess as control } from '../../../../src/controls/iam/mfa-enabled-for-iam-console-access.js';
import { ACCOUNT } from '../../../helpers.js';
import { credentialReport, developerVerdict, evaluations, reportRow } from './iam-test-data.js';

describe('mfa-enabled-for-iam-console-access', () => {
  it('compliant: console password with MFA', () => {
    const v = developerVerdict(control, reportRow());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAZ3MQK7XWN5D8GHJ2K',
    });
    expect(v.annotation).toBe('IAM user maria.silva has a console password and MFA enabled.');
  });

  it('compliant: no console password (programmatic user without MFA)', () => {
    const v = developerVerdict(control, reportRow({ passwordEnabled: false, mfaActive: false }));
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has no console password.');
  });

  it('non-compliant: console password without MFA', () => {
    const v = developerVerdict(control, reportRow({ mfaActive: false }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has a console password but no MFA device.');
  });

  it('compliant: only IAM users are evaluated, not the root user (without MFA here)', () => {
    const found = evaluations(control, [credentialReport(reportRow())]);
    expect(found.map((e) => e.resourceId)).toEqual(['maria.silva']);
  });

  it('not applicable: an account without IAM users', () => {
    expect(evaluations(control, [credentialReport()])[0]?.compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: no credential report in the input', () => {
    expect(evaluations(control, [])[0]).toMatchObject({ resourceId: ACCOUNT, compliance: 'INSUFFICIENT_DATA' });
  });
});
