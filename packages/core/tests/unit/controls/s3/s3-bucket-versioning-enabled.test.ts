import { describe, expect, it } from 'vitest';
import { s3BucketVersioningEnabled as control } from '../../../../src/controls/s3/s3-bucket-versioning-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

describe('s3-bucket-versioning-enabled', () => {
  it('compliant: versioning enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has versioning enabled.');
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: versioning never enabled', () => {
    const ci = happy();
    ci.supplementaryConfiguration.BucketVersioningConfiguration.status = 'Off';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data does not have versioning enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: versioning suspended', () => {
    const ci = happy();
    ci.supplementaryConfiguration.BucketVersioningConfiguration.status = 'Suspended';
    expect(verdict(control, ci).annotation).toBe('Bucket acme-app-data has versioning suspended.');
  });

  it('compliant with isMfaDeleteEnabled: MFA delete on', () => {
    const ci = happy();
    ci.supplementaryConfiguration.BucketVersioningConfiguration.isMfaDeleteEnabled = true;
    const v = verdict(control, ci, { params: { isMfaDeleteEnabled: 'true' } });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has versioning enabled with MFA delete.');
  });

  it('non-compliant with isMfaDeleteEnabled: MFA delete off', () => {
    const v = verdict(control, happy(), { params: { isMfaDeleteEnabled: 'true' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has versioning enabled but MFA delete disabled.');
  });

  it('not applicable: deleted bucket', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
