import { describe, expect, it } from 'vitest';
import { redshiftClusterPublicAccessCheck as control } from '../../../../src/controls/redshift/redshift-cluster-public-access-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');

describe('redshift-cluster-public-access-check', () => {
  it('compliant: not publicly accessible', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw is not publicly accessible.');
  });

  it('non-compliant: publicly accessible', () => {
    const ci = happy();
    ci.configuration.publiclyAccessible = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw is publicly accessible.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
