import { describe, expect, it } from 'vitest';
import { s3BucketSslRequestsOnly as control } from '../../../../src/controls/s3/s3-bucket-ssl-requests-only.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::S3::Bucket', 'encrypted');

const denyHttp = (over: Json = {}): Json => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::acme-app-data', 'arn:aws:s3:::acme-app-data/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...over,
});

const withPolicy = (...statements: Json[]): Json => {
  const ci = happy();
  ci.supplementaryConfiguration.BucketPolicy.policyText = JSON.stringify({
    Version: '2012-10-17',
    Statement: statements,
  });
  return ci;
};

describe('s3-bucket-ssl-requests-only', () => {
  it('compliant: Deny s3:* for everyone on the bucket and its objects when aws:SecureTransport is false', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data policy statement DenyInsecureTransport denies requests without SSL.',
    );
  });

  it('compliant: the same bucket in the Config API shape (JSON strings)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: Action "*", Principal {"AWS": "*"}, one wildcard resource, boolean false', () => {
    const ci = withPolicy(
      denyHttp({
        Action: '*',
        Principal: { AWS: '*' },
        Resource: 'arn:aws:s3:::acme-app-data*',
        Condition: { Bool: { 'aws:SecureTransport': false } },
      }),
    );
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no bucket policy', () => {
    const ci = happy();
    ci.supplementaryConfiguration.BucketPolicy.policyText = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Bucket acme-app-data has no bucket policy, so it accepts requests without SSL.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the policy only allows HTTPS instead of denying HTTP', () => {
    const ci = withPolicy(
      denyHttp({ Effect: 'Allow', Action: 's3:GetObject', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
    );
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data policy has no statement that denies requests without SSL (aws:SecureTransport false).',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the deny covers the objects but not the bucket', () => {
    const v = verdict(control, withPolicy(denyHttp({ Resource: 'arn:aws:s3:::acme-app-data/*' })));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Bucket acme-app-data policy statement DenyInsecureTransport denies requests without SSL only for some principals, actions or resources.',
    );
  });

  it('non-compliant: the deny covers only s3:GetObject', () => {
    expect(verdict(control, withPolicy(denyHttp({ Action: 's3:GetObject' }))).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the deny names one account instead of every principal', () => {
    const ci = withPolicy(denyHttp({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }));
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: another condition narrows the deny', () => {
    const ci = withPolicy(
      denyHttp({
        Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      }),
    );
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
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
    ci.supplementaryConfiguration.BucketPolicy.policyText = '{not json';
    expect(verdict(control, ci).compliance).toBe('ERROR');
  });
});
