import { describe, expect, it } from 'vitest';
import { wafRegionalRuleNotEmpty as control } from '../../../../src/controls/waf/waf-regional-rule-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFRegional::Rule', 'ip-blocklist');

describe('waf-regional-rule-not-empty', () => {
  it('compliant: one IP match condition', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional rule ip-blocklist has 1 condition.');
  });

  it('non-compliant: no conditions', () => {
    const ci = happy();
    ci.configuration.predicateList = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional rule ip-blocklist has no conditions.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted rule', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
