import { describe, expect, it } from 'vitest';
import { s3BucketServerSideEncryptionEnabled as control } from '../../../../src/controls/s3/s3-bucket-server-side-encryption-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

describe('s3-bucket-server-side-encryption-enabled', () => {
  it('compliant: default encryption with KMS', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has default encryption aws:kms.');
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: no default encryption but the policy denies unencrypted PutObject', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    ci.supplementaryConfiguration.BucketPolicy.policyText = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::acme-app-data/*',
          Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
        },
      ],
    });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('COMPLIANT');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no default encryption and no denying policy', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data has no default encryption and its policy does not deny unencrypted uploads.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted bucket', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('error: a policy that is not JSON gives ERROR, never a pass', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    ci.supplementaryConfiguration.BucketPolicy.policyText = '{not json';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('ERROR');
    expect(v.annotation).toContain('bucket policy of acme-app-data');
  });
});
