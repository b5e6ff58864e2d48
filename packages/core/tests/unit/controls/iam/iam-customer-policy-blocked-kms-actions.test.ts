import { describe, expect, it } from 'vitest';
import { iamCustomerPolicyBlockedKmsActions as control } from '../../../../src/controls/iam/iam-customer-policy-blocked-kms-actions.js';
import { type Json, toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, policy } from './iam-test-data.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f';

/** The fixture with a new default version v4 holding these statements. */
function withDefault(...statements: Json[]) {
  const ci = policy();
  for (const v of ci.configuration.policyVersionList) v.isDefaultVersion = false;
  ci.configuration.policyVersionList.unshift({
    document: awsConfigEncode({ Version: '2012-10-17', Statement: statements }),
    versionId: 'v4',
    isDefaultVersion: true,
    createDate: '2026-11-28T09:00:00.000Z',
  });
  ci.configuration.defaultVersionId = 'v4';
  return ci;
}

describe('iam-customer-policy-blocked-kms-actions', () => {
  it('compliant: no KMS decryption on all keys (the fixture policy)', () => {
    const v = verdict(control, policy());
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::IAM::Policy', region: 'global' });
    expect(v.annotation).toBe(
      'The default version v3 of IAM policy acme-orders-api-access allows no blocked KMS action (kms:Decrypt, kms:ReEncryptFrom) on all KMS keys.',
    );
  });

  it('compliant: kms:Decrypt on a named key; a Deny on all keys', () => {
    const ci = withDefault(
      { Sid: 'Decrypt', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: KEY },
      { Effect: 'Deny', Action: 'kms:*', Resource: '*' },
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('COMPLIANT');
  });

  it('compliant: wildcard resources that are not KMS keys', () => {
    const ci = withDefault({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: 'arn:aws:kms:eu-west-1:123456789012:alias/*',
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: kms:Decrypt on "*"', () => {
    const ci = withDefault({ Sid: 'DecryptAll', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access allows kms:Decrypt on all KMS keys in statement DecryptAll of its default version v4.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: kms:* on a wildcard key ARN, even with a condition', () => {
    const ci = withDefault({
      Effect: 'Allow',
      Action: 'kms:*',
      Resource: 'arn:aws:kms:*:123456789012:key/*',
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
    expect(verdict(control, ci).annotation).toBe(
      'IAM policy acme-orders-api-access allows kms:Decrypt, kms:ReEncryptFrom on all KMS keys in statement 1 of its default version v4.',
    );
  });

  it('non-compliant: "*" actions, NotAction and NotResource', () => {
    expect(verdict(control, withDefault({ Effect: 'Allow', Action: '*', Resource: '*' })).compliance).toBe(
      'NON_COMPLIANT',
    );
    const notAction = withDefault({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(verdict(control, notAction).compliance).toBe('NON_COMPLIANT');
    const notResource = withDefault({ Effect: 'Allow', Action: 'kms:ReEncrypt*', NotResource: KEY });
    expect(verdict(control, notResource).annotation).toContain('allows kms:ReEncryptFrom on all KMS keys');
  });

  it('not applicable: AWS managed policy, permissions boundary excluded, deleted policy', () => {
    const managed = policy();
    managed.ARN = 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser';
    managed.configuration.arn = managed.ARN;
    expect(verdict(control, managed).compliance).toBe('NOT_APPLICABLE');
    const boundary = withDefault({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
    boundary.configuration.permissionsBoundaryUsageCount = 2;
    expect(verdict(control, boundary, { params: { excludePermissionBoundaryPolicy: 'true' } }).compliance).toBe(
      'NOT_APPLICABLE',
    );
    expect(verdict(control, boundary).compliance).toBe('NON_COMPLIANT');
    const deleted = policy();
    deleted.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, deleted).compliance).toBe('NOT_APPLICABLE');
  });

  it('parameters: blockedActionsPatterns replaces the default patterns', () => {
    const ci = withDefault(
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
      { Sid: 'Keys', Effect: 'Allow', Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
    );
    const v = verdict(control, ci, { params: { blockedActionsPatterns: 'kms:ScheduleKeyDeletion,kms:Disable*' } });
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access allows kms:ScheduleKeyDeletion on all KMS keys in statement Keys of its default version v4.',
    );
    const wildcard = withDefault({ Effect: 'Allow', Action: 'kms:DisableKey', Resource: '*' });
    expect(verdict(control, wildcard, { params: { blockedActionsPatterns: 'kms:Disable*' } }).compliance).toBe(
      'NON_COMPLIANT',
    );
  });
});
