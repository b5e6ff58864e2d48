import { describe, expect, it } from 'vitest';
import { s3DefaultEncryptionKms as control } from '../../../../src/controls/s3/s3-default-encryption-kms.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f';
const OTHER_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f';
const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

describe('s3-default-encryption-kms', () => {
  it('compliant: default encryption with a customer managed KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Bucket acme-app-data is encrypted by default with aws:kms using KMS key ${KEY}.`);
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: SSE-KMS with the AWS managed key', () => {
    const ci = happy();
    ci.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID =
      null;
    expect(verdict(control, ci).annotation).toBe(
      'Bucket acme-app-data is encrypted by default with aws:kms using the AWS managed key aws/s3.',
    );
  });

  it('non-compliant: SSE-S3 (AES256) default encryption', () => {
    const v = verdict(control, fixture('AWS::S3::Bucket', 'defaults'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-build-cache default encryption is AES256, not AWS KMS.');
    expect(verdict(control, toApiShape(fixture('AWS::S3::Bucket', 'defaults'))).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: no default encryption', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    expect(verdict(control, ci).annotation).toBe('Bucket acme-app-data has no default encryption.');
  });

  it('compliant with kmsKeyArns: the key is allowed', () => {
    expect(verdict(control, happy(), { params: { kmsKeyArns: `${OTHER_KEY},${KEY}` } }).compliance).toBe('COMPLIANT');
  });

  it('compliant with kmsKeyArns: the bucket names the key by id', () => {
    const ci = happy();
    ci.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID =
      '0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f';
    expect(verdict(control, ci, { params: { kmsKeyArns: KEY } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with kmsKeyArns: another key', () => {
    const v = verdict(control, happy(), { params: { kmsKeyArns: OTHER_KEY } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Bucket acme-app-data default encryption uses KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
  });

  it('non-compliant with kmsKeyArns: the AWS managed key', () => {
    const ci = happy();
    ci.supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID =
      null;
    expect(verdict(control, ci, { params: { kmsKeyArns: KEY } }).annotation).toBe(
      'Bucket acme-app-data default encryption uses the AWS managed key aws/s3, which is not in kmsKeyArns.',
    );
  });

  it('not applicable: deleted bucket', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
