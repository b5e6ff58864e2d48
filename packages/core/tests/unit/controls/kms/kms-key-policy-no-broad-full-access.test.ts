import { describe, expect, it } from 'vitest';
import { kmsKeyPolicyNoBroadFullAccess as control } from '../../../../src/controls/kms/kms-key-policy-no-broad-full-access.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const KEY = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::KMS::Key', 'customer-managed-with-policy');
const withPolicy = (mutate: (statements: Json) => void) => {
  const ci = happy();
  const policy = JSON.parse(ci.supplementaryConfiguration.Policy);
  mutate(policy.Statement);
  ci.supplementaryConfiguration.Policy = JSON.stringify(policy);
  return ci;
};

describe('kms-key-policy-no-broad-full-access', () => {
  it('compliant: the default key policy (kms:* for the account root) with scoped admin and user statements', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`The key policy of KMS key ${KEY} grants all KMS actions to the account root only.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: the account root given as a bare account id', () => {
    const ci = withPolicy((s) => (s[0].Principal = { AWS: '123456789012' }));
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('the account root in other partitions is the root; look-alikes are not', () => {
    for (const root of ['arn:aws-cn:iam::123456789012:root', 'arn:aws-us-gov:iam::123456789012:root']) {
      expect(
        verdict(
          control,
          withPolicy((s) => (s[0].Principal = { AWS: root })),
        ).compliance,
      ).toBe('COMPLIANT');
    }
    for (const other of [
      'arn:aws:iam::123456789012:rootx',
      'arn:awsX:iam::123456789012:root',
      'arn:aws:iam::1123456789012:root',
      'xarn:aws:iam::123456789012:root',
      'arn:aws:sts::123456789012:root',
    ]) {
      const v = verdict(
        control,
        withPolicy((s) => (s[0].Principal = { AWS: other })),
      );
      expect(v.compliance, other).toBe('NON_COMPLIANT');
      expect(v.annotation).toContain(other);
    }
  });

  it('non-compliant: kms:* for a role of the account', () => {
    const ci = withPolicy((s) => (s[1].Action = 'kms:*'));
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `The key policy of KMS key ${KEY} grants all KMS actions beyond the account root: statement Allow access for Key Administrators to arn:aws:iam::123456789012:role/rampart-key-admin.`,
    );
  });

  it('non-compliant: kms:* for another account root', () => {
    const ci = withPolicy(
      (s) => (s[0].Principal = { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:root'] }),
    );
    expect(verdict(control, ci).annotation).toContain(
      'statement Enable IAM User Permissions to arn:aws:iam::210987654321:root',
    );
  });

  it('non-compliant: Action "*" for everyone, even with a condition', () => {
    const ci = withPolicy((s) => (s[3].Action = '*'));
    expect(verdict(control, ci).annotation).toContain('statement Allow CloudWatch Logs in the organization to *');
  });

  it('non-compliant: a NotAction that leaves every KMS action to a service', () => {
    const ci = withPolicy((s) =>
      s.push({
        Effect: 'Allow',
        Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
        NotAction: 'iam:*',
        Resource: '*',
      }),
    );
    expect(verdict(control, ci).annotation).toContain('statement 5 to Service logs.eu-west-1.amazonaws.com');
  });

  it('compliant: kms:* denied to everyone else', () => {
    const ci = withPolicy((s) =>
      s.push({
        Effect: 'Deny',
        Principal: '*',
        Action: 'kms:*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('insufficient data: the item does not carry the key policy', () => {
    expect(verdict(control, fixture('AWS::KMS::Key', 'customer-managed')).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted key', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
