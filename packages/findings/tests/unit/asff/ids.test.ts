import { describe, expect, it } from 'vitest';
import { buildFindings, findingId, generatorId, parseFindingId, productArn } from '../../../src/index.js';
import { ACCOUNT, evaluation, scope } from '../../support/fixtures.js';

describe('finding identity', () => {
  it('is rampart/<account>/<region>/<control>/<first 32 hex of sha256(type|id)>', () => {
    // Expected digests computed independently: python3 -c "hashlib.sha256(b'AWS::S3::Bucket|acme-tmp-exports')"
    expect(findingId(evaluation())).toBe(
      `rampart/${ACCOUNT}/eu-west-1/s3-bucket-server-side-encryption-enabled/5d6ce8f8da4bdbf12c7ecefbe6f0f7eb`,
    );
    expect(
      findingId({
        accountId: ACCOUNT,
        region: 'global',
        controlId: 'root-account-mfa-enabled',
        resourceType: 'AWS::::Account',
        resourceId: ACCOUNT,
      }),
    ).toBe(`rampart/${ACCOUNT}/global/root-account-mfa-enabled/00df6167d98f953964d2888f0518c47f`);
    expect(generatorId('restricted-ssh')).toBe('rampart/restricted-ssh');
  });

  it('never changes across runs: other times, verdicts, annotations, ARNs or home regions keep the Id', () => {
    const first = buildFindings({ evaluations: [evaluation()], scope: scope() }).findings[0]!;
    const later = buildFindings(
      {
        evaluations: [evaluation({ compliance: 'COMPLIANT', annotation: 'Encrypted now.', resourceArn: null })],
        scope: scope({ now: '2027-01-01T00:00:00.000Z' }),
      },
      { homeRegion: 'us-east-1' },
    ).findings[0]!;
    expect(later.Id).toBe(first.Id);
    expect(later.Compliance!.Status).toBe('PASSED');
    expect(later.UpdatedAt).not.toBe(first.UpdatedAt);
    const global = (homeRegion: string) =>
      buildFindings({ evaluations: [evaluation({ region: 'global' })], scope: scope() }, { homeRegion }).findings[0]!;
    expect(global('us-east-1').Id).toBe(global('eu-central-1').Id);
  });

  it('differs for another resource, type, control, account or region', () => {
    const base = findingId(evaluation());
    const variants = [
      evaluation({ resourceId: 'acme-tmp-exports2' }),
      evaluation({ resourceType: 'AWS::S3::AccessPoint' }),
      evaluation({ controlId: 's3-bucket-logging-enabled' }),
      evaluation({ accountId: '210987654321' }),
      evaluation({ region: 'eu-central-1' }),
    ].map(findingId);
    expect(new Set([base, ...variants]).size).toBe(6);
  });

  it('parses back, and rejects Ids Rampart does not write', () => {
    expect(parseFindingId(findingId(evaluation()))).toEqual({
      accountId: ACCOUNT,
      region: 'eu-west-1',
      controlId: 's3-bucket-server-side-encryption-enabled',
      digest: '5d6ce8f8da4bdbf12c7ecefbe6f0f7eb',
    });
    expect(parseFindingId('arn:aws:securityhub:eu-west-1::product/aws/guardduty/abc')).toBeUndefined();
    expect(parseFindingId(`prowler/${ACCOUNT}/eu-west-1/x/5d6ce8f8da4bdbf12c7ecefbe6f0f7eb`)).toBeUndefined();
  });

  it('builds the custom product ARN in the right partition', () => {
    expect(productArn('eu-west-1', ACCOUNT)).toBe(
      `arn:aws:securityhub:eu-west-1:${ACCOUNT}:product/${ACCOUNT}/default`,
    );
    expect(productArn('cn-north-1', ACCOUNT)).toBe(
      `arn:aws-cn:securityhub:cn-north-1:${ACCOUNT}:product/${ACCOUNT}/default`,
    );
    expect(productArn('us-gov-west-1', ACCOUNT)).toMatch(/^arn:aws-us-gov:/);
  });
});
