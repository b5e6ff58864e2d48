import { describe, expect, it } from 'vitest';
import { ec2ManagedinstanceAssociationComplianceStatusCheck as control } from '../../../../src/controls/ssm/ec2-managedinstance-association-compliance-status-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const ASSOCIATION = '3c1f2a4b-5d6e-4f70-8192-a3b4c5d6e7f8';
const happy = () => fixture('AWS::SSM::AssociationCompliance', 'app-1');

describe('ec2-managedinstance-association-compliance-status-check', () => {
  it('compliant: every association is COMPLIANT', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`All 2 associations of instance ${INSTANCE} are COMPLIANT.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an association failed', () => {
    const ci = happy();
    ci.configuration['AWS:ComplianceItem'].Content.Association[ASSOCIATION].Status = 'NON_COMPLIANT';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has 1 non-compliant association: ${ASSOCIATION} (AWS-GatherSoftwareInventory) NON_COMPLIANT.`,
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: no Association content', () => {
    const ci = happy();
    ci.configuration = {};
    const v = verdict(control, ci);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `The association compliance item of instance ${INSTANCE} records no Association content.`,
    );
  });

  it('not applicable: deleted compliance item', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
