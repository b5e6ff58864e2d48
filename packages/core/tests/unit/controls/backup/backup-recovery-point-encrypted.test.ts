import { describe, expect, it } from 'vitest';
import { backupRecoveryPointEncrypted as control } from '../../../../src/controls/backup/backup-recovery-point-encrypted.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Backup::RecoveryPoint', 'encrypted');
const RP = 'arn:aws:backup:eu-west-1:123456789012:recovery-point:4f1d7b52-8c0e-4a6b-9d3f-2e5a1c7b9d04';
const TABLE = 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders';

describe('backup-recovery-point-encrypted', () => {
  it('compliant: encrypted recovery point', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Recovery point ${RP} of ${TABLE} is encrypted with arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17.`,
    );
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: recovery point not encrypted', () => {
    const ci = happy();
    ci.configuration.IsEncrypted = false;
    delete ci.configuration.EncryptionKeyArn;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Recovery point ${RP} of ${TABLE} is not encrypted.`);
  });

  it('not applicable: deleted recovery point', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
