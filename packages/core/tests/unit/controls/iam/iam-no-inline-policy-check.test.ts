import { describe, expect, it } from 'vitest';
import { iamNoInlinePolicyCheck as control } from '../../../../src/controls/iam/iam-no-inline-policy-check.js';
import { toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, group, role, user } from './iam-test-data.js';

const inline = (policyName: string) => ({
  policyName,
  policyDocument: awsConfigEncode({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' }],
  }),
});

describe('iam-no-inline-policy-check', () => {
  it('compliant: a user without inline policies', () => {
    const v = verdict(control, user());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAZ3MQK7XWN5D8GHJ2K',
    });
    expect(v.annotation).toBe('IAM user maria.silva has no inline policies.');
  });

  it('compliant: a role and a group with only managed policies', () => {
    expect(verdict(control, role()).annotation).toBe('IAM role acme-orders-api has no inline policies.');
    expect(verdict(control, group()).annotation).toBe('IAM group developers has no inline policies.');
    expect(verdict(control, toApiShape(role())).compliance).toBe('COMPLIANT');
  });

  it('compliant: a null policy list (as older items record it)', () => {
    const ci = user();
    ci.configuration.userPolicyList = null;
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: a user with an inline policy', () => {
    const ci = user();
    ci.configuration.userPolicyList = [inline('reports-read')];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has 1 inline policy: reports-read.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: a role with inline policies', () => {
    const ci = role();
    ci.configuration.rolePolicyList = [inline('reports-read'), inline('queue-send')];
    expect(verdict(control, ci).annotation).toBe(
      'IAM role acme-orders-api has 2 inline policies: reports-read, queue-send.',
    );
  });

  it('non-compliant: a group with an inline policy', () => {
    const ci = group();
    ci.configuration.groupPolicyList = [inline('developer-extras')];
    expect(verdict(control, ci).annotation).toBe('IAM group developers has 1 inline policy: developer-extras.');
  });

  it('not applicable: a service-linked role, whose policies its service owns', () => {
    const ci = role();
    ci.configuration.path = '/aws-service-role/ecs.amazonaws.com/';
    ci.configuration.roleName = 'AWSServiceRoleForECS';
    ci.configuration.rolePolicyList = [inline('ECSServiceRolePolicy')];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('IAM role AWSServiceRoleForECS is a service-linked role; its service owns its policies.');
  });

  it('non-compliant: a service role under /service-role/ is not service-linked', () => {
    const ci = role();
    ci.configuration.path = '/service-role/';
    ci.configuration.rolePolicyList = [inline('codebuild-base')];
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted user', () => {
    const ci = user();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
