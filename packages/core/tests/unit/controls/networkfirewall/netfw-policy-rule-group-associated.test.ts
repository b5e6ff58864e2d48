import { describe, expect, it } from 'vitest';
import { netfwPolicyRuleGroupAssociated as control } from '../../../../src/controls/networkfirewall/netfw-policy-rule-group-associated.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::FirewallPolicy', 'strict');

describe('netfw-policy-rule-group-associated', () => {
  it('compliant: stateless and stateful rule groups', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Firewall policy egress-inspection has 1 stateless and 2 stateful rule groups.');
  });

  it('compliant: only stateful rule groups', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessRuleGroupReferences = [];
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no rule groups', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessRuleGroupReferences = [];
    delete ci.configuration.firewallPolicy.statefulRuleGroupReferences;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Firewall policy egress-inspection has no rule groups associated.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted policy', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
