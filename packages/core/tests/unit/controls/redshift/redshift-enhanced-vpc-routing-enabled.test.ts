import { describe, expect, it } from 'vitest';
import { redshiftEnhancedVpcRoutingEnabled as control } from '../../../../src/controls/redshift/redshift-enhanced-vpc-routing-enabled.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');

describe('redshift-enhanced-vpc-routing-enabled', () => {
  it('compliant: enhanced VPC routing on', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw uses enhanced VPC routing.');
  });

  it('non-compliant: enhanced VPC routing off', () => {
    const ci = happy();
    ci.configuration.enhancedVpcRouting = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw does not use enhanced VPC routing.');
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
