import { describe, expect, it } from 'vitest';
import { wafRegionalWebaclNotEmpty as control } from '../../../../src/controls/waf/waf-regional-webacl-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFRegional::WebACL', 'legacy');

describe('waf-regional-webacl-not-empty', () => {
  it('compliant: one rule group', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional web ACL legacy-acl has 1 rule or rule group.');
  });

  it('non-compliant: no rules or rule groups', () => {
    const ci = happy();
    ci.configuration.rulesList = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('WAF Classic regional web ACL legacy-acl has no rules or rule groups.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted web ACL', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
