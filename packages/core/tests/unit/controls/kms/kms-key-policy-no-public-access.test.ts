import { describe, expect, it } from 'vitest';
import { kmsKeyPolicyNoPublicAccess as control } from '../../../../src/controls/kms/kms-key-policy-no-public-access.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const KEY = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::KMS::Key', 'customer-managed-with-policy');
/** Mutates the fourth statement: `{"AWS": "*"}` pinned to the organization. */
const orgStatement = (mutate: (s: Json) => void) => {
  const ci = happy();
  const policy = JSON.parse(ci.supplementaryConfiguration.Policy);
  mutate(policy.Statement[3]);
  ci.supplementaryConfiguration.Policy = JSON.stringify(policy);
  return ci;
};

describe('kms-key-policy-no-public-access', () => {
  it('compliant: "*" pinned by aws:PrincipalOrgID', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`The key policy of KMS key ${KEY} does not allow public access.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: "*" without a condition', () => {
    const ci = orgStatement((s) => delete s.Condition);
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `The key policy of KMS key ${KEY} allows public access (statement Allow CloudWatch Logs in the organization).`,
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the condition uses a wildcard', () => {
    const ci = orgStatement((s) => (s.Condition = { StringLike: { 'aws:PrincipalOrgID': 'o-*' } }));
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: a wildcard account principal', () => {
    const ci = orgStatement((s) => {
      s.Principal = { AWS: 'arn:aws:iam::*:root' };
      delete s.Condition;
    });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant: "*" pinned by kms:CallerAccount (AWS managed key pattern)', () => {
    const ci = orgStatement(
      (s) =>
        (s.Condition = {
          StringEquals: { 'kms:CallerAccount': '123456789012', 'kms:ViaService': 'logs.eu-west-1.amazonaws.com' },
        }),
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('insufficient data: the item does not carry the key policy', () => {
    const v = verdict(control, fixture('AWS::KMS::Key', 'customer-managed'));
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `The configuration item of KMS key ${KEY} does not carry its key policy (supplementaryConfiguration.Policy).`,
    );
  });

  it('not applicable: deleted key', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
