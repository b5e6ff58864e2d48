import { describe, expect, it } from 'vitest';
import { rdsAutomaticMinorVersionUpgradeEnabled as control } from '../../../../src/controls/rds/rds-automatic-minor-version-upgrade-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::RDS::DBInstance', 'encrypted-private');

describe('rds-automatic-minor-version-upgrade-enabled', () => {
  it('compliant: automatic minor version upgrade on', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db has automatic minor version upgrade enabled.');
  });

  it('non-compliant: automatic minor version upgrade off', () => {
    const ci = happy();
    ci.configuration.autoMinorVersionUpgrade = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db does not have automatic minor version upgrade enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted DB instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
