import { describe, expect, it } from 'vitest';
import { s3BucketLevelPublicAccessProhibited as control } from '../../../../src/controls/s3/s3-bucket-level-public-access-prohibited.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

describe('s3-bucket-level-public-access-prohibited', () => {
  it('compliant: all four bucket-level settings on', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has all four bucket-level Block Public Access settings on.');
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: RestrictPublicBuckets off', () => {
    const ci = happy();
    ci.supplementaryConfiguration.PublicAccessBlockConfiguration.restrictPublicBuckets = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data has bucket-level Block Public Access off for RestrictPublicBuckets.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: every setting off (the public website bucket)', () => {
    expect(verdict(control, fixture('AWS::S3::Bucket', 'public-website')).annotation).toBe(
      'Bucket acme-public-assets has bucket-level Block Public Access off for BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets.',
    );
  });

  it('non-compliant: no bucket-level Block Public Access configuration', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.PublicAccessBlockConfiguration;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has no bucket-level Block Public Access configuration.');
  });

  it('compliant with excludedPublicBuckets: the bucket is a known public bucket', () => {
    const v = verdict(control, fixture('AWS::S3::Bucket', 'public-website'), {
      params: { excludedPublicBuckets: 'acme-public-assets, acme-downloads' },
    });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-public-assets is listed in excludedPublicBuckets.');
  });

  it('non-compliant with excludedPublicBuckets: another bucket is excluded', () => {
    const ci = happy();
    ci.supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicAcls = false;
    expect(verdict(control, ci, { params: { excludedPublicBuckets: 'acme-public-assets' } }).compliance).toBe(
      'NON_COMPLIANT',
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
