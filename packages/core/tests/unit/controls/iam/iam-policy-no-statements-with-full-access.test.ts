import { describe, expect, it } from 'vitest';
import { iamPolicyNoStatementsWithFullAccess as control } from '../../../../src/controls/iam/iam-policy-no-statements-with-full-access.js';
import { toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, policy } from './iam-test-data.js';

/** The fixture whose default version (v3) holds these statements instead. */
function withStatements(...statements: unknown[]) {
  const ci = policy();
  ci.configuration.policyVersionList[0].document = awsConfigEncode({ Version: '2012-10-17', Statement: statements });
  return ci;
}

describe('iam-policy-no-statements-with-full-access', () => {
  it('compliant: specific actions and a prefixed wildcard (ec2:Describe*); the old dynamodb:* version is not in force', () => {
    const v = verdict(control, policy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'The default version v3 of IAM policy acme-orders-api-access allows no service-wide wildcard action.',
    );
    expect(verdict(control, toApiShape(policy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: a Deny of s3:*', () => {
    const ci = withStatements({ Effect: 'Deny', Action: 's3:*', Resource: '*' });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: Allow of a service wildcard, even on one resource', () => {
    const ci = withStatements(
      {
        Sid: 'Table',
        Effect: 'Allow',
        Action: 'dynamodb:*',
        Resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t',
      },
      { Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*', 'S3:*'], Resource: '*' },
    );
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM policy acme-orders-api-access allows full access to a service with dynamodb:*, s3:*, S3:* in its default version v3.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: many service wildcards are listed briefly', () => {
    const ci = withStatements({
      Effect: 'Allow',
      Action: ['s3:*', 'sqs:*', 'sns:*', 'kms:*', 'lambda:*', 'logs:*'],
      Resource: '*',
    });
    expect(verdict(control, ci).annotation).toContain('with s3:*, sqs:*, sns:*, kms:* and 2 more in');
  });

  it('non-compliant: the older version with dynamodb:* made the default again', () => {
    const ci = policy();
    ci.configuration.policyVersionList[0].isDefaultVersion = false;
    ci.configuration.policyVersionList[1].isDefaultVersion = true;
    ci.configuration.defaultVersionId = 'v2';
    expect(verdict(control, ci).annotation).toBe(
      'IAM policy acme-orders-api-access allows full access to a service with dynamodb:* in its default version v2.',
    );
  });

  it('not applicable with excludePermissionBoundaryPolicy=true: the policy is a permissions boundary', () => {
    const ci = withStatements({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    ci.configuration.permissionsBoundaryUsageCount = 1;
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
    expect(verdict(control, ci, { params: { excludePermissionBoundaryPolicy: true } }).compliance).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('not applicable: an AWS managed policy', () => {
    const ci = policy();
    ci.ARN = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted policy', () => {
    const ci = policy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('error: a default version with a malformed statement', () => {
    const ci = withStatements({ Effect: 'Permit', Action: 's3:*' });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('ERROR');
    expect(v.annotation).toContain('Effect must be Allow or Deny');
  });
});
