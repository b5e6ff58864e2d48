import { describe, expect, it } from 'vitest';
import { s3BucketPublicWriteProhibited as control } from '../../../../src/controls/s3/s3-bucket-public-write-prohibited.js';
import { S3AccountPublicAccessBlockFact } from '../../../../src/index.js';
import { factItem, fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const OWNER = '8f1c3e0a4b3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f';
const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

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

const publicPut = (over: Json = {}): Json => ({
  Sid: 'PublicUpload',
  Effect: 'Allow',
  Principal: '*',
  Action: ['s3:PutObject', 's3:PutObjectAcl'],
  Resource: 'arn:aws:s3:::acme-app-data/uploads/*',
  ...over,
});

describe('s3-bucket-public-write-prohibited', () => {
  it('compliant: private ACL and no public write statement', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data does not allow public write access.');
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: the public website bucket is readable, not writable', () => {
    const v = verdict(control, fixture('AWS::S3::Bucket', 'public-website'));
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-public-assets does not allow public write access.');
  });

  it('non-compliant: ACL grants Write to AllUsers', () => {
    const ci = withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Write', referenceId: null });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data allows public write access: ACL grants Write to AllUsers.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: ACL grants WriteAcp to AuthenticatedUsers ({ groupName } grantee)', () => {
    const ci = withAcl(unblocked(), { grantee: { groupName: 'AuthenticatedUsers' }, permission: 'WriteAcp' });
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data allows public write access: ACL grants WriteAcp to AuthenticatedUsers.',
    );
  });

  it('non-compliant: policy allows s3:PutObject to everyone', () => {
    const ci = withPolicy(unblocked(), publicPut());
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data allows public write access: policy statement PublicUpload allows s3:PutObject, s3:PutObjectAcl to everyone.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: NotAction allows every write action to everyone', () => {
    const ci = withPolicy(unblocked(), publicPut({ Action: undefined, NotAction: 's3:GetObject' }));
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data allows public write access: policy statement PublicUpload allows every action except s3:GetObject to everyone.',
    );
  });

  it('compliant: public write grants, neutralized by bucket-level IgnorePublicAcls and RestrictPublicBuckets', () => {
    const ci = withPolicy(
      withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Write', referenceId: null }),
      publicPut(),
    );
    ci.supplementaryConfiguration.PublicAccessBlockConfiguration.ignorePublicAcls = true;
    ci.supplementaryConfiguration.PublicAccessBlockConfiguration.restrictPublicBuckets = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data does not allow public write access: IgnorePublicAcls (bucket level) ignores its public ACL grants; RestrictPublicBuckets (bucket level) restricts its public policy.',
    );
  });

  it('compliant: public ACL write grant, ignored by the account-level block', () => {
    const ci = withAcl(unblocked(), { grantee: 'AllUsers', permission: 'Write', referenceId: null });
    const fact = factItem(S3AccountPublicAccessBlockFact, {
      configuration: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
    });
    expect(verdict(control, ci, { with: [fact] }).annotation).toBe(
      'Bucket acme-app-data does not allow public write access: IgnorePublicAcls (account level) ignores its public ACL grants.',
    );
  });

  it('compliant: public principal pinned to the organization', () => {
    const ci = withPolicy(
      unblocked(),
      publicPut({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('not applicable: deleted bucket', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
