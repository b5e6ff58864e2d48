import { describe, expect, it } from 'vitest';
import { s3BucketLoggingEnabled as control } from '../../../../src/controls/s3/s3-bucket-logging-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

describe('s3-bucket-logging-enabled', () => {
  it('compliant: server access logs go to acme-access-logs', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data logs server access to acme-access-logs with prefix "acme-app-data/".',
    );
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: logging not enabled', () => {
    const ci = happy();
    ci.supplementaryConfiguration.BucketLoggingConfiguration = { destinationBucketName: null, logFilePrefix: null };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data does not have server access logging enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: no logging configuration recorded', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.BucketLoggingConfiguration;
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant with targetBucket and targetPrefix: both match', () => {
    const v = verdict(control, happy(), {
      params: { targetBucket: 'acme-access-logs', targetPrefix: 'acme-app-data/' },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant with targetBucket: logs go to another bucket', () => {
    const v = verdict(control, happy(), { params: { targetBucket: 'acme-central-logs' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data logs to acme-access-logs, not to the required bucket acme-central-logs.',
    );
  });

  it('non-compliant with targetPrefix: logs use another prefix', () => {
    const v = verdict(control, happy(), { params: { targetPrefix: 's3-access/' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data logs with prefix "acme-app-data/", not with the required prefix "s3-access/".',
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
