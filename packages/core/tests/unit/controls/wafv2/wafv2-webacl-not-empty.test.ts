import { describe, expect, it } from 'vitest';
import { wafv2WebaclNotEmpty as control } from '../../../../src/controls/wafv2/wafv2-webacl-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFv2::WebACL', 'regional-managed');

describe('wafv2-webacl-not-empty', () => {
  it('compliant: three rules', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Web ACL rampart-regional has 3 rules.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: only a Firewall Manager rule group', () => {
    const ci = happy();
    ci.configuration.rules = [];
    ci.configuration.postProcessFirewallManagerRuleGroups = [{ name: 'FMManagedWebACLV2-baseline', priority: 0 }];
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no rules or rule groups', () => {
    const ci = happy();
    ci.configuration.rules = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Web ACL rampart-regional has no rules or rule groups.');
  });

  it('not applicable: deleted web ACL', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
