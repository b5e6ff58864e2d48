import { describe, expect, it } from 'vitest';
import { ec2EbsEncryptionByDefault as control } from '../../../../src/controls/ec2/ec2-ebs-encryption-by-default.js';
import { EbsEncryptionByDefaultFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, REGION } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const ebs = (over: Record<string, unknown> = {}) =>
  factItem(EbsEncryptionByDefaultFact, { enabled: true, kmsKeyId: KEY, ...over });

describe('ec2-ebs-encryption-by-default', () => {
  it('compliant: encryption by default enabled', () => {
    const v = accountVerdict(control, [ebs()]);
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::::Account',
      resourceId: ACCOUNT,
      region: REGION,
    });
    expect(v.annotation).toBe(`EBS encryption by default is enabled in ${REGION} with KMS key ${KEY}.`);
  });

  it('non-compliant: encryption by default disabled', () => {
    const v = accountVerdict(control, [ebs({ enabled: false, kmsKeyId: 'alias/aws/ebs' })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`EBS encryption by default is disabled in account ${ACCOUNT} in ${REGION}.`);
  });

  it('insufficient data: no EBS fact in the input', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `The input holds no Rampart::EC2::EbsEncryptionByDefault fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });

  it('insufficient data: the collector was denied', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'ec2',
          operation: 'GetEbsEncryptionByDefault',
          resourceTypes: ['Rampart::EC2::EbsEncryptionByDefault'],
          code: 'UnauthorizedOperation',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('ec2 GetEbsEncryptionByDefault failed with UnauthorizedOperation');
  });
});
