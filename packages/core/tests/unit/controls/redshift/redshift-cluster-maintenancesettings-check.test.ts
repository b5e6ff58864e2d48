import { describe, expect, it } from 'vitest';
import { redshiftClusterMaintenancesettingsCheck as control } from '../../../../src/controls/redshift/redshift-cluster-maintenancesettings-check.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');

describe('redshift-cluster-maintenancesettings-check', () => {
  it('compliant: version upgrades allowed, snapshots kept 7 days', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Redshift cluster orders-dw allows version upgrades and keeps automated snapshots 7 days.',
    );
  });

  it('non-compliant: version upgrades not allowed', () => {
    const ci = happy();
    ci.configuration.allowVersionUpgrade = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw does not allow version upgrades.');
  });

  it('non-compliant with automatedSnapshotRetentionPeriod: retention too short', () => {
    const v = verdict(control, happy(), { params: { automatedSnapshotRetentionPeriod: '14' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw keeps automated snapshots 7 days, fewer than 14.');
  });

  it('non-compliant with preferredMaintenanceWindow: another window', () => {
    expect(
      verdict(control, happy(), { params: { preferredMaintenanceWindow: 'Sun:04:00-Sun:04:30' } }).compliance,
    ).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { preferredMaintenanceWindow: 'Mon:09:30-Mon:10:00' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Redshift cluster orders-dw has maintenance window sun:04:00-sun:04:30, not Mon:09:30-Mon:10:00.',
    );
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
