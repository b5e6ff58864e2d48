import { describe, expect, it } from 'vitest';
import { wafRegionalRulegroupNotEmpty as control } from '../../../../src/controls/waf/waf-regional-rulegroup-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFRegional::RuleGroup', 'blocklists');

describe('waf-regional-rulegroup-not-empty', () => {
  it('compliant: one rule', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional rule group blocklists has 1 rule.');
  });

  it('non-compliant: no rules', () => {
    const ci = happy();
    ci.configuration.rules = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional rule group blocklists has no rules.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted rule group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
