import { describe, expect, it } from 'vitest';
import { efsEncryptedCheck as control } from '../../../../src/controls/efs/efs-encrypted-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY_ID = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const happy = () => fixture('AWS::EFS::FileSystem', 'encrypted');

describe('efs-encrypted-check', () => {
  it('compliant: encrypted file system', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`EFS file system fs-0a1b2c3d4e5f67890 is encrypted with KMS key ${KEY_ARN}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: not encrypted', () => {
    const ci = happy();
    ci.configuration.Encrypted = false;
    delete ci.configuration.KmsKeyId;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('EFS file system fs-0a1b2c3d4e5f67890 is not encrypted at rest.');
  });

  it('compliant with KmsKeyId: that key', () => {
    expect(verdict(control, happy(), { params: { KmsKeyId: KEY_ID } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with KmsKeyId: another key', () => {
    const other = '1111aaaa-2222-3333-4444-555566667777';
    const v = verdict(control, happy(), { params: { KmsKeyId: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `EFS file system fs-0a1b2c3d4e5f67890 is encrypted with KMS key ${KEY_ARN}, not ${other}.`,
    );
  });

  it('not applicable: deleted file system', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
