import { describe, expect, it } from 'vitest';
import { netfwStatelessRuleGroupNotEmpty as control } from '../../../../src/controls/networkfirewall/netfw-stateless-rule-group-not-empty.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::RuleGroup', 'stateless');

describe('netfw-stateless-rule-group-not-empty', () => {
  it('compliant: stateless rule group with rules', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Stateless rule group block-bogons has 2 rules.');
  });

  it('non-compliant: stateless rule group without rules', () => {
    const ci = happy();
    ci.configuration.ruleGroup.rulesSource.statelessRulesAndCustomActions.statelessRules = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Stateless rule group block-bogons has no rules.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: stateful rule group', () => {
    const ci = happy();
    ci.configuration.ruleGroupResponse.type = 'STATEFUL';
    ci.configuration.ruleGroup.rulesSource = { rulesString: 'pass tls $HOME_NET any -> $EXTERNAL_NET 443 (sid:1;)' };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Rule group block-bogons is STATEFUL, not stateless.');
  });

  it('not applicable: deleted rule group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
