import { describe, expect, it } from 'vitest';
import { rdsSnapshotsPublicProhibited as control } from '../../../../src/controls/rds/rds-snapshots-public-prohibited.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const snapshot = () => fixture('AWS::RDS::DBSnapshot', 'encrypted-private');
const clusterSnapshot = () => fixture('AWS::RDS::DBClusterSnapshot', 'encrypted-private');

describe('rds-snapshots-public-prohibited', () => {
  it('compliant: private snapshots (cluster snapshot shared with one account)', () => {
    const v = verdict(control, snapshot());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DB snapshot rds:orders-db-2026-11-24-02-05 is not public.');
    expect(verdict(control, toApiShape(clusterSnapshot())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: DB snapshot restorable by all', () => {
    const ci = snapshot();
    ci.supplementaryConfiguration.DBSnapshotAttributes = [{ attributeName: 'restore', attributeValues: ['all'] }];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB snapshot rds:orders-db-2026-11-24-02-05 is public: anyone can restore it.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: DB cluster snapshot restorable by all (API shape)', () => {
    const ci = clusterSnapshot();
    ci.supplementaryConfiguration.DBClusterSnapshotAttributes[0].attributeValues.push('all');
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB cluster snapshot orders-aurora-final is public: anyone can restore it.');
  });

  it('not applicable: deleted snapshot', () => {
    const ci = snapshot();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
