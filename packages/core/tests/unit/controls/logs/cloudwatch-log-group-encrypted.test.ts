import { describe, expect, it } from 'vitest';
import { cloudwatchLogGroupEncrypted as control } from '../../../../src/controls/logs/cloudwatch-log-group-encrypted.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY_ID = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const happy = () => fixture('AWS::Logs::LogGroup', 'encrypted');

describe('cloudwatch-log-group-encrypted', () => {
  it('compliant: log group encrypted with a KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Log group aws-cloudtrail-logs-acme is encrypted with KMS key ${KEY_ARN}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no KMS key (service-owned encryption only)', () => {
    const ci = happy();
    delete ci.configuration.kmsKeyId;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Log group aws-cloudtrail-logs-acme is not encrypted with a KMS key.');
  });

  it('compliant with KmsKeyId: the same key, given as ARN or key id', () => {
    expect(verdict(control, happy(), { params: { KmsKeyId: KEY_ARN } }).compliance).toBe('COMPLIANT');
    expect(verdict(control, happy(), { params: { KmsKeyId: KEY_ID } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with KmsKeyId: encrypted with another key', () => {
    const other = 'arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777';
    const v = verdict(control, happy(), { params: { KmsKeyId: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Log group aws-cloudtrail-logs-acme is encrypted with KMS key ${KEY_ARN}, not ${other}.`);
  });

  it('not applicable: deleted log group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
