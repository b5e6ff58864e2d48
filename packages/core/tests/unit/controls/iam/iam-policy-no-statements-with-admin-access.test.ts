import { describe, expect, it } from 'vitest';
import { iamPolicyNoStatementsWithAdminAccess as control } from '../../../../src/controls/iam/iam-policy-no-statements-with-admin-access.js';
import { toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, policy } from './iam-test-data.js';

const ADMIN = { Version: '2012-10-17', Statement: [{ Sid: 'Break', Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The fixture with a new default version holding `doc`. */
function withDefault(doc: unknown) {
  const ci = policy();
  for (const v of ci.configuration.policyVersionList) v.isDefaultVersion = false;
  ci.configuration.policyVersionList.unshift({
    document: awsConfigEncode(doc),
    versionId: 'v4',
    isDefaultVersion: true,
    createDate: '2026-11-28T09:00:00.000Z',
  });
  ci.configuration.defaultVersionId = 'v4';
  return ci;
}

describe('iam-policy-no-statements-with-admin-access', () => {
  it('compliant: the default version grants specific actions (older versions are not in force)', () => {
    const v = verdict(control, policy());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::IAM::Policy',
      resourceId: 'ANPAZ3MQK7XWL2R5TNBVD',
      resourceArn: 'arn:aws:iam::123456789012:policy/acme-orders-api-access',
      region: 'global',
    });
    expect(v.annotation).toBe(
      'The default version v3 of IAM policy acme-orders-api-access has no statement that allows "*" on "*".',
    );
  });

  it('compliant: the same policy in the Config API shape', () => {
    expect(verdict(control, toApiShape(policy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: "*" on specific resources is not administrator access', () => {
    const ci = withDefault({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::acme-scratch/*' }],
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: a Deny of "*" on "*"', () => {
    const ci = withDefault({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: the default version allows "*" on "*"', () => {
    const ci = withDefault(ADMIN);
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access allows "Action": "*" on "Resource": "*" in statement Break of its default version v4.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: an older version holding "*" on "*" made the default again', () => {
    const ci = policy();
    ci.configuration.policyVersionList[0].isDefaultVersion = false;
    ci.configuration.policyVersionList[2].isDefaultVersion = true;
    ci.configuration.defaultVersionId = 'v1';
    expect(verdict(control, ci).annotation).toBe(
      'IAM policy acme-orders-api-access allows "Action": "*" on "Resource": "*" in statement Bootstrap of its default version v1.',
    );
  });

  it('non-compliant: "*" in an action list, over NotResource, in a statement without Sid', () => {
    const ci = withDefault({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Action: ['iam:PassRole', '*'], NotResource: 'arn:aws:iam::123456789012:role/audit' },
      ],
    });
    expect(verdict(control, ci).annotation).toContain('in statement 2 of its default version v4');
  });

  it('non-compliant: the default version, found by defaultVersionId when isDefaultVersion is not recorded, allows "*" on "*"', () => {
    const ci = policy();
    for (const v of ci.configuration.policyVersionList) delete v.isDefaultVersion;
    ci.configuration.defaultVersionId = 'v1';
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant with excludePermissionBoundaryPolicy=false (default): a permissions boundary is still evaluated', () => {
    const ci = withDefault(ADMIN);
    ci.configuration.permissionsBoundaryUsageCount = 3;
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable with excludePermissionBoundaryPolicy=true: the policy is a permissions boundary', () => {
    const ci = withDefault(ADMIN);
    ci.configuration.permissionsBoundaryUsageCount = 3;
    const v = verdict(control, ci, { params: { excludePermissionBoundaryPolicy: 'true' } });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access is used as a permissions boundary, which excludePermissionBoundaryPolicy leaves out.',
    );
  });

  it('non-compliant with excludePermissionBoundaryPolicy=true: a policy that is no boundary is evaluated', () => {
    const v = verdict(control, withDefault(ADMIN), { params: { excludePermissionBoundaryPolicy: 'true' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: an AWS managed policy', () => {
    const ci = withDefault(ADMIN);
    ci.ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
    ci.configuration.arn = ci.ARN;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access is AWS managed; only customer managed policies are evaluated.',
    );
  });

  it('not applicable: deleted policy', () => {
    const ci = policy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: the configuration item holds no default version', () => {
    const ci = policy();
    ci.configuration.policyVersionList = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The configuration item of IAM policy acme-orders-api-access holds no default policy version (defaultVersionId v3).',
    );
  });

  it('error: a default version that is not a policy gives ERROR, never a pass', () => {
    const ci = policy();
    ci.configuration.policyVersionList[0].document = '%7B%22Statement%22%3A%20%5B';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('ERROR');
    expect(v.annotation).toContain('PolicyParseError: default version v3 of IAM policy acme-orders-api-access');
  });

  it('rejects a malformed excludePermissionBoundaryPolicy parameter', () => {
    expect(() => control.parseParameters({ excludePermissionBoundaryPolicy: 'yes' })).toThrow(
      /excludePermissionBoundaryPolicy/,
    );
  });
});
