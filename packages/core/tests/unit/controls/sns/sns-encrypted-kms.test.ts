import { describe, expect, it } from 'vitest';
import { snsEncryptedKms as control } from '../../../../src/controls/sns/sns-encrypted-kms.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY_ID = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const happy = () => fixture('AWS::SNS::Topic', 'encrypted');

describe('sns-encrypted-kms', () => {
  it('compliant: topic encrypted with a customer managed key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`SNS topic rampart-security-alerts is encrypted with KMS key ${KEY_ARN}.`);
    expect(v.resourceId).toBe('arn:aws:sns:eu-west-1:123456789012:rampart-security-alerts');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: topic encrypted with the AWS managed key alias/aws/sns', () => {
    const ci = happy();
    ci.configuration.KmsMasterKeyId = 'alias/aws/sns';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no KMS key', () => {
    const ci = happy();
    delete ci.configuration.KmsMasterKeyId;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('SNS topic rampart-security-alerts is not encrypted with a KMS key.');
  });

  it('compliant with kmsKeyIds: the key is listed by id, or the alias by its ARN', () => {
    expect(verdict(control, happy(), { params: { kmsKeyIds: `abc, ${KEY_ID}` } }).compliance).toBe('COMPLIANT');
    const ci = happy();
    ci.configuration.KmsMasterKeyId = 'alias/rampart-alerts';
    const params = { kmsKeyIds: 'arn:aws:kms:eu-west-1:123456789012:alias/rampart-alerts' };
    expect(verdict(control, ci, { params }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with kmsKeyIds: encrypted with a key that is not listed', () => {
    const ci = happy();
    ci.configuration.KmsMasterKeyId = 'alias/aws/sns';
    const v = verdict(control, ci, { params: { kmsKeyIds: KEY_ARN } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'SNS topic rampart-security-alerts is encrypted with KMS key alias/aws/sns, which is not in kmsKeyIds.',
    );
  });

  it('not applicable: deleted topic', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
