import { describe, expect, it } from 'vitest';
import { rdsSnapshotEncrypted as control } from '../../../../src/controls/rds/rds-snapshot-encrypted.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const snapshot = () => fixture('AWS::RDS::DBSnapshot', 'encrypted-private');
const clusterSnapshot = () => fixture('AWS::RDS::DBClusterSnapshot', 'encrypted-private');

describe('rds-snapshot-encrypted', () => {
  it('compliant: encrypted DB snapshot and DB cluster snapshot', () => {
    const v = verdict(control, snapshot());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`DB snapshot rds:orders-db-2026-11-24-02-05 is encrypted with KMS key ${KEY}.`);
    expect(verdict(control, clusterSnapshot()).annotation).toBe(
      `DB cluster snapshot orders-aurora-final is encrypted with KMS key ${KEY}.`,
    );
  });

  it('non-compliant: DB snapshot not encrypted', () => {
    const ci = snapshot();
    ci.configuration.encrypted = false;
    delete ci.configuration.kmsKeyId;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB snapshot rds:orders-db-2026-11-24-02-05 is not encrypted.');
  });

  it('non-compliant: DB cluster snapshot not encrypted', () => {
    const ci = clusterSnapshot();
    ci.configuration.storageEncrypted = false;
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB cluster snapshot orders-aurora-final is not encrypted.');
  });

  it('not applicable: deleted snapshot', () => {
    const ci = snapshot();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
