import { describe, expect, it } from 'vitest';
import { cloudTrailEncryptionEnabled as control } from '../../../../src/controls/cloudtrail/cloud-trail-encryption-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::CloudTrail::Trail', 'multi-region');

describe('cloud-trail-encryption-enabled', () => {
  it('compliant: trail encrypted with a KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Trail acme-management-trail encrypts log files with KMS key arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17.',
    );
    expect(v.resourceArn).toBe('arn:aws:cloudtrail:eu-west-1:123456789012:trail/acme-management-trail');
  });

  it('compliant: the same trail in the Config API shape', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no KMS key (SSE-S3 only)', () => {
    const ci = happy();
    ci.configuration.kmsKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Trail acme-management-trail does not encrypt log files with a KMS key (SSE-KMS).');
  });

  it('non-compliant: empty kmsKeyId', () => {
    const ci = happy();
    ci.configuration.kmsKeyId = '';
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted trail', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
