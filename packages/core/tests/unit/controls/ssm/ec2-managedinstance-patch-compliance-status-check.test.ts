import { describe, expect, it } from 'vitest';
import { ec2ManagedinstancePatchComplianceStatusCheck as control } from '../../../../src/controls/ssm/ec2-managedinstance-patch-compliance-status-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const happy = () => fixture('AWS::SSM::PatchCompliance', 'app-1');

describe('ec2-managedinstance-patch-compliance-status-check', () => {
  it('compliant: every recorded patch is COMPLIANT', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`All 2 patches recorded for instance ${INSTANCE} are COMPLIANT.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: a missing patch', () => {
    const ci = happy();
    Object.assign(ci.configuration['AWS:ComplianceItem'].Content.Patch['ALAS2023-2026-830'], {
      PatchState: 'Missing',
      Status: 'NON_COMPLIANT',
      InstalledTime: null,
    });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has 1 non-compliant patch: kernel-6.1.115-126.197.amzn2023.x86_64 Missing.`,
    );
  });

  it('insufficient data: no Patch content', () => {
    const ci = happy();
    delete ci.configuration['AWS:ComplianceItem'].Content.Patch;
    expect(verdict(control, ci).annotation).toBe(
      `The patch compliance item of instance ${INSTANCE} records no Patch content.`,
    );
  });

  it('not applicable: deleted compliance item', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
