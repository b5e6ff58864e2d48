import { describe, expect, it } from 'vitest';
import { rdsStorageEncrypted as control } from '../../../../src/controls/rds/rds-storage-encrypted.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY_ID = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const happy = () => fixture('AWS::RDS::DBInstance', 'encrypted-private');

describe('rds-storage-encrypted', () => {
  it('compliant: storage encrypted', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`DB instance orders-db has storage encrypted with KMS key ${KEY_ARN}.`);
    expect(v.resourceId).toBe('db-4KQZ7XJ2M3NLPR5TVW6YH8ABCD');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: storage not encrypted', () => {
    const ci = happy();
    ci.configuration.storageEncrypted = false;
    ci.configuration.kmsKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db does not have storage encryption enabled.');
  });

  it('compliant with kmsKeyId: encrypted with that key (id or ARN)', () => {
    expect(verdict(control, happy(), { params: { kmsKeyId: KEY_ID } }).compliance).toBe('COMPLIANT');
    expect(verdict(control, happy(), { params: { kmsKeyId: KEY_ARN } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with kmsKeyId: encrypted with another key', () => {
    const other = '1111aaaa-2222-3333-4444-555566667777';
    const v = verdict(control, happy(), { params: { kmsKeyId: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`DB instance orders-db is encrypted with KMS key ${KEY_ARN}, not ${other}.`);
  });

  it('not applicable: deleted DB instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
