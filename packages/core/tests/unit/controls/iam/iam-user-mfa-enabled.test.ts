import { describe, expect, it } from 'vitest';
import { iamUserMfaEnabled as control } from '../../../../src/controls/iam/iam-user-mfa-enabled.js';
import { ACCOUNT } from '../../../helpers.js';
import { credentialReport, developerVerdict, evaluations, reportRow } from './iam-test-data.js';

describe('iam-user-mfa-enabled', () => {
  it('compliant: MFA enabled', () => {
    const v = developerVerdict(control, reportRow());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAZ3MQK7XWN5D8GHJ2K',
    });
    expect(v.annotation).toBe('IAM user maria.silva has MFA enabled.');
  });

  it('non-compliant: no MFA, with a console password', () => {
    const v = developerVerdict(control, reportRow({ mfaActive: false }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has no MFA device.');
  });

  it('non-compliant: no MFA, even without a console password', () => {
    expect(developerVerdict(control, reportRow({ mfaActive: false, passwordEnabled: false })).compliance).toBe(
      'NON_COMPLIANT',
    );
  });

  it('not applicable: an account without IAM users', () => {
    expect(evaluations(control, [credentialReport()])[0]?.compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: no credential report in the input', () => {
    expect(evaluations(control, [])[0]).toMatchObject({ resourceId: ACCOUNT, compliance: 'INSUFFICIENT_DATA' });
  });
});
