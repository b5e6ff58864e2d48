import { describe, expect, it } from 'vitest';
import {
  bucketRegion,
  configShape,
  iamPolicyDocument,
  parseCredentialReport,
  selectExpression,
} from '../../src/index.js';

describe('building items as AWS Config records them', () => {
  it('lower-cases the first letter of every key, turns dates into ISO strings and drops undefined', () => {
    expect(
      configShape({
        DBInstanceIdentifier: 'db',
        IpPermissions: [{ FromPort: 22 }],
        CreateDate: new Date(0),
        Gone: undefined,
      }),
    ).toEqual({
      dBInstanceIdentifier: 'db',
      ipPermissions: [{ fromPort: 22 }],
      createDate: '1970-01-01T00:00:00.000Z',
    });
  });

  it('URL-encodes IAM policy documents that arrive decoded, and keeps encoded ones', () => {
    const doc = '{"Statement":[{"Action":"*"}]}';
    expect(iamPolicyDocument(doc)).toBe('%7B%22Statement%22%3A%5B%7B%22Action%22%3A%22%2A%22%7D%5D%7D');
    expect(iamPolicyDocument('%7B%7D')).toBe('%7B%7D');
    expect(iamPolicyDocument(undefined)).toBeNull();
  });

  it('maps GetBucketLocation answers to regions', () => {
    expect(bucketRegion(undefined)).toBe('us-east-1');
    expect(bucketRegion('EU')).toBe('eu-west-1');
    expect(bucketRegion('ap-south-1')).toBe('ap-south-1');
  });

  it('builds the advanced query and refuses anything that is not a type name', () => {
    expect(selectExpression(['AWS::S3::Bucket'])).toMatch(/WHERE resourceType IN \('AWS::S3::Bucket'\)$/);
    expect(() => selectExpression(["AWS::S3::Bucket') OR ('1"])).toThrow(RangeError);
  });

  it('parses the credential report, with N/A and no_information as no date', () => {
    const csv = [
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
      '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      'alice,arn:aws:iam::123456789012:user/alice,2024-02-12T09:14:37+00:00,true,no_information,2024-02-12T09:14:37+00:00,N/A,false,true,2024-02-12T09:14:37+00:00,2026-11-28T10:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    ].join('\n');
    const report = parseCredentialReport(csv, '2026-11-29T08:00:00.000Z');
    expect(report.users).toHaveLength(2);
    expect(report.users[0]).toMatchObject({
      user: '<root_account>',
      passwordEnabled: false,
      mfaActive: true,
      accessKey1LastRotated: null,
    });
    expect(report.users[1]).toMatchObject({
      user: 'alice',
      passwordEnabled: true,
      passwordLastUsed: null,
      accessKey1Active: true,
      accessKey1LastUsedDate: '2026-11-28T10:00:00+00:00',
    });
  });
});
