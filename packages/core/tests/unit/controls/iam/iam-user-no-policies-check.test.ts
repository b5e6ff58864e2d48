import { describe, expect, it } from 'vitest';
import { iamUserNoPoliciesCheck as control } from '../../../../src/controls/iam/iam-user-no-policies-check.js';
import { toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, user } from './iam-test-data.js';

const READ_ONLY = { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };
const INLINE = {
  policyName: 'reports-read',
  policyDocument: awsConfigEncode({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' }],
  }),
};

describe('iam-user-no-policies-check', () => {
  it('compliant: permissions come from a group only', () => {
    const v = verdict(control, user());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has no policies attached directly.');
    expect(verdict(control, toApiShape(user())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: a managed policy attached to the user', () => {
    const ci = user();
    ci.configuration.attachedManagedPolicies = [READ_ONLY];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has 1 managed policy (ReadOnlyAccess) attached directly.');
  });

  it('non-compliant: an inline policy on the user', () => {
    const ci = user();
    ci.configuration.userPolicyList = [INLINE];
    expect(verdict(control, ci).annotation).toBe(
      'IAM user maria.silva has 1 inline policy (reports-read) attached directly.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: both kinds', () => {
    const ci = user();
    ci.configuration.attachedManagedPolicies = [
      READ_ONLY,
      { policyName: 'acme-billing', policyArn: 'arn:aws:iam::123456789012:policy/acme-billing' },
    ];
    ci.configuration.userPolicyList = [INLINE];
    expect(verdict(control, ci).annotation).toBe(
      'IAM user maria.silva has 2 managed policies (ReadOnlyAccess, acme-billing) and 1 inline policy (reports-read) attached directly.',
    );
  });

  it('not applicable: deleted user', () => {
    const ci = user();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
