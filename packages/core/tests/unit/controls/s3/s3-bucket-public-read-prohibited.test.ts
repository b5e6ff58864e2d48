import { describe, expect, it } from 'vitest';
import { s3BucketPublicReadProhibited as control } from '../../../../src/controls/s3/s3-bucket-public-read-prohibited.js';
import { S3AccountPublicAccessBlockFact } from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const OWNER = '8f1c3e0a4b3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f';
const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

/** The bucket with Block Public Access off, so its ACL and policy decide. */
const unblocked = (): Json => {
  const ci = happy();
  ci.supplementaryConfiguration.PublicAccessBlockConfiguration = {
    blockPublicAcls: false,
    ignorePublicAcls: false,
    blockPublicPolicy: false,
    restrictPublicBuckets: false,
  };
  return ci;
};

const withAcl = (ci: Json, ...grants: Json[]): Json => {
  ci.supplementaryConfiguration.AccessControlList = JSON.stringify({
    grantSet: null,
    grantList: [{ grantee: { id: OWNER, displayName: null }, permission: 'FullControl', referenceId: null }, ...grants],
    owner: { displayName: null, id: OWNER },
    isRequesterCharged: false,
  });
  return ci;
};

const withPolicy = (ci: Json, ...statements: Json[]): Json => {
  ci.supplementaryConfiguration.BucketPolicy.policyText = JSON.stringify({
    Version: '2012-10-17',
    Statement: statements,
  });
  return ci;
};

const publicGet = (over: Json = {}): Json => ({
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::acme-app-data/*',
  ...over,
});

const accountBlock = (configuration: Json | null) => factItem(S3AccountPublicAccessBlockFact, { configuration });
const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

describe('s3-bucket-public-read-prohibited', () => {
  it('compliant: private ACL and a policy that grants nothing publicly', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data does not allow public read access.');
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: Block Public Access off, but nothing public', () => {
    expect(verdict(control, unblocked()).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: ACL grants Read to AllUsers', () => {
    const ci = withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Read', referenceId: null });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data allows public read access: ACL grants Read to AllUsers.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: ACL grants FullControl to AuthenticatedUsers, grantee given by group URI', () => {
    const ci = withAcl(unblocked(), {
      grantee: { uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' },
      permission: 'FULL_CONTROL',
    });
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data allows public read access: ACL grants FullControl to AuthenticatedUsers.',
    );
  });

  it('non-compliant: ACL grantee given as { groupName }', () => {
    const ci = withAcl(unblocked(), { grantee: { groupName: 'AllUsers' }, permission: 'Read' });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: policy allows s3:GetObject to everyone', () => {
    const ci = withPolicy(unblocked(), publicGet());
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data allows public read access: policy statement PublicRead allows s3:GetObject to everyone.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: policy allows s3:* to {"AWS": "*"} (statement without Sid)', () => {
    const ci = withPolicy(unblocked(), publicGet({ Sid: undefined, Principal: { AWS: '*' }, Action: 's3:*' }));
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data allows public read access: policy statement 1 allows s3:* to everyone.',
    );
  });

  it('non-compliant: a wildcard account principal is not a fixed value', () => {
    const ci = withPolicy(unblocked(), publicGet({ Principal: { AWS: 'arn:aws:iam::*:root' } }));
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data allows public read access: policy statement PublicRead allows s3:GetObject to arn:aws:iam::*:root.',
    );
  });

  it('non-compliant: a condition with a policy variable does not pin the caller', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template.
    const variable = '${aws:PrincipalAccount}';
    const ci = withPolicy(
      unblocked(),
      publicGet({ Condition: { StringEquals: { 'aws:PrincipalAccount': variable } } }),
    );
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the public website bucket, through its ACL and its policy', () => {
    const v = verdict(control, fixture('AWS::S3::Bucket', 'public-website'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-public-assets allows public read access: ACL grants Read to AllUsers; policy statement PublicReadGetObject allows s3:GetObject to everyone.',
    );
  });

  it('non-compliant: the account fact says no account-level block is configured', () => {
    const ci = withPolicy(unblocked(), publicGet());
    expect(verdict(control, ci, { with: [accountBlock(null)] }).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant: public ACL grant, but bucket-level IgnorePublicAcls ignores it', () => {
    const ci = withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Read', referenceId: null });
    ci.supplementaryConfiguration.PublicAccessBlockConfiguration.ignorePublicAcls = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data does not allow public read access: IgnorePublicAcls (bucket level) ignores its public ACL grants.',
    );
  });

  it('compliant: public policy, but account-level RestrictPublicBuckets restricts it', () => {
    const ci = withPolicy(unblocked(), publicGet());
    const v = verdict(control, ci, { with: [accountBlock(ALL_ON)] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data does not allow public read access: RestrictPublicBuckets (account level) restricts its public policy.',
    );
  });

  it('compliant: the public website bucket under an account-level block', () => {
    const v = verdict(control, fixture('AWS::S3::Bucket', 'public-website'), { with: [accountBlock(ALL_ON)] });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('compliant: public principal pinned by aws:SourceVpce', () => {
    const ci = withPolicy(
      unblocked(),
      publicGet({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } } }),
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: public write-only grants do not make the bucket publicly readable', () => {
    const ci = withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Write', referenceId: null });
    withPolicy(ci, publicGet({ Action: 's3:PutObject' }));
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: public Deny statements are not grants', () => {
    const ci = withPolicy(unblocked(), publicGet({ Effect: 'Deny' }));
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('no insufficient data: an unreadable account-level block leaves the bucket settings to decide', () => {
    const ci = withPolicy(unblocked(), publicGet());
    const v = verdict(control, ci, {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: 'global',
          service: 's3control',
          operation: 'GetPublicAccessBlock',
          resourceTypes: ['Rampart::S3::AccountPublicAccessBlock'],
          code: 'AccessDenied',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted bucket', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('error: a policy that is not JSON gives ERROR, never a pass', () => {
    const ci = unblocked();
    ci.supplementaryConfiguration.BucketPolicy.policyText = '{not json';
    expect(verdict(control, ci).compliance).toBe('ERROR');
  });
});
