import { describe, expect, it } from 'vitest';
import { dynamodbTableEncryptedKms as control } from '../../../../src/controls/dynamodb/dynamodb-table-encrypted-kms.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY_ID = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const happy = () => fixture('AWS::DynamoDB::Table', 'kms-encrypted');

describe('dynamodb-table-encrypted-kms', () => {
  it('compliant: encrypted with a KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`DynamoDB table orders is encrypted with KMS key ${KEY_ARN}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: default encryption with an AWS owned key', () => {
    const ci = happy();
    delete ci.configuration.ssedescription;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DynamoDB table orders is encrypted with an AWS owned key, not an AWS KMS key.');
  });

  it('compliant with kmsKeyArns: key listed', () => {
    expect(
      verdict(control, happy(), { params: { kmsKeyArns: `${KEY_ARN},arn:aws:kms:eu-west-1:123456789012:key/other` } })
        .compliance,
    ).toBe('COMPLIANT');
  });

  it('non-compliant with kmsKeyArns: key not listed', () => {
    const v = verdict(control, happy(), {
      params: { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777' },
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `DynamoDB table orders is encrypted with KMS key ${KEY_ARN}, which is not in kmsKeyArns.`,
    );
  });

  it('not applicable: deleted table', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
