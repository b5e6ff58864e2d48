import { describe, expect, it } from 'vitest';
import { wafv2RulegroupNotEmpty as control } from '../../../../src/controls/wafv2/wafv2-rulegroup-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFv2::RuleGroup', 'geo-block');

describe('wafv2-rulegroup-not-empty', () => {
  it('compliant: one rule', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Rule group geo-block has 1 rule.');
  });

  it('non-compliant: no rules', () => {
    const ci = happy();
    ci.configuration.rules = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Rule group geo-block has no rules.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted rule group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
