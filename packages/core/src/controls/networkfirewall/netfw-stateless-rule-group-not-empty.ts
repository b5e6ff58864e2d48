import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { displayName, type RuleGroupConfiguration } from './network-firewall.js';

export const netfwStatelessRuleGroupNotEmpty = defineControl({
  id: 'netfw-stateless-rule-group-not-empty',
  title: 'Stateless Network Firewall rule groups contain rules',
  description:
    'Checks whether a stateless Network Firewall rule group contains at least one rule. Stateful rule groups are not applicable.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::RuleGroup'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'An empty stateless rule group inspects nothing although a policy uses it.',
  },
  references: { awsConfigRules: ['netfw-stateless-rule-group-not-empty'], securityHub: ['NetworkFirewall.6'] },
  trigger: 'change',
  remediation: {
    text: 'Add rules to the stateless rule group, or remove the empty rule group from the firewall policies that reference it and delete it.',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/rule-group-managing.html',
  },
  evaluate(item) {
    const config = item.config<RuleGroupConfiguration>();
    const name = displayName(item, config.ruleGroupResponse?.ruleGroupName);
    const type = config.ruleGroupResponse?.type;
    if (type !== 'STATELESS')
      return notApplicable(`Rule group ${name} is ${type ?? 'of unknown type'}, not stateless.`);
    const rules = config.ruleGroup?.rulesSource?.statelessRulesAndCustomActions?.statelessRules?.length ?? 0;
    if (rules === 0) return nonCompliant(`Stateless rule group ${name} has no rules.`);
    return compliant(`Stateless rule group ${name} has ${rules} ${rules === 1 ? 'rule' : 'rules'}.`);
  },
});
