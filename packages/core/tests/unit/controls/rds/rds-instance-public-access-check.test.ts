import { describe, expect, it } from 'vitest';
import { rdsInstancePublicAccessCheck as control } from '../../../../src/controls/rds/rds-instance-public-access-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::RDS::DBInstance', 'encrypted-private');

describe('rds-instance-public-access-check', () => {
  it('compliant: not publicly accessible', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db is not publicly accessible.');
  });

  it('non-compliant: publicly accessible', () => {
    const ci = happy();
    ci.configuration.publiclyAccessible = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db is publicly accessible.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted DB instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
