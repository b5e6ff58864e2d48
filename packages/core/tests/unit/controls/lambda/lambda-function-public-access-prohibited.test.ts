import { describe, expect, it } from 'vitest';
import { lambdaFunctionPublicAccessProhibited as control } from '../../../../src/controls/lambda/lambda-function-public-access-prohibited.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const FN = 'orders-handler';
const happy = () => fixture('AWS::Lambda::Function', 'vpc-private');
const withStatement = (mutate: (s: Json) => void) => {
  const ci = happy();
  const policy = JSON.parse(ci.supplementaryConfiguration.Policy);
  mutate(policy.Statement[0]);
  ci.supplementaryConfiguration.Policy = JSON.stringify(policy);
  return ci;
};

describe('lambda-function-public-access-prohibited', () => {
  it('compliant: a service principal pinned by aws:SourceArn', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`The resource-based policy of Lambda function ${FN} does not allow public access.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: no resource-based policy', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.Policy;
    expect(verdict(control, ci).annotation).toBe(`Lambda function ${FN} has no resource-based policy.`);
  });

  it('non-compliant: Principal "*" without a condition', () => {
    const ci = withStatement((s) => {
      s.Principal = '*';
      delete s.Condition;
    });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Lambda function ${FN} is public: its policy statement events-nightly allows everyone.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: a wildcard account principal', () => {
    const ci = withStatement((s) => {
      s.Principal = { AWS: 'arn:aws:iam::*:root' };
      delete s.Condition;
    });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: Principal "*" with a wildcard SourceArn is not pinned', () => {
    const ci = withStatement((s) => {
      s.Principal = { AWS: '*' };
      s.Condition = { ArnLike: { 'AWS:SourceArn': 'arn:aws:events:*:*:rule/*' } };
    });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: invoked by S3 without aws:SourceAccount', () => {
    const ci = withStatement((s) => {
      s.Principal = { Service: 's3.amazonaws.com' };
      delete s.Condition;
    });
    expect(verdict(control, ci).annotation).toBe(
      `Lambda function ${FN} is public: its policy statement events-nightly allows s3.amazonaws.com without aws:SourceAccount.`,
    );
  });

  it('compliant: invoked by S3 with aws:SourceAccount', () => {
    const ci = withStatement((s) => {
      s.Principal = { Service: 's3.amazonaws.com' };
      s.Condition = { StringEquals: { 'AWS:SourceAccount': '123456789012' } };
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: Principal "*" pinned to the organization', () => {
    const ci = withStatement((s) => {
      s.Principal = '*';
      s.Condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } };
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('error: the policy is not JSON', () => {
    const ci = happy();
    ci.supplementaryConfiguration.Policy = '{"Statement": [';
    expect(verdict(control, ci).compliance).toBe('ERROR');
  });

  it('not applicable: deleted function', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
