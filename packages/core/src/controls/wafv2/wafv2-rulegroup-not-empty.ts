import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type RuleGroupConfiguration, wafv2Name } from './web-acl.js';

export const wafv2RulegroupNotEmpty = defineControl({
  id: 'wafv2-rulegroup-not-empty',
  title: 'AWS WAF rule groups have at least one rule',
  description:
    'Checks whether a WAFv2 rule group contains at least one rule. An empty rule group inspects no traffic although web ACLs reference it.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFv2::RuleGroup'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'An empty WAFv2 rule group inspects no traffic although web ACLs reference it.',
  },
  references: { awsConfigRules: ['wafv2-rulegroup-not-empty'] },
  trigger: 'change',
  remediation: {
    text: 'Add rules to the rule group, or remove it from the web ACLs that reference it and delete it.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-user-created-rule-groups.html',
  },
  evaluate(item) {
    const group = item.config<RuleGroupConfiguration>();
    const name = wafv2Name(item);
    const count = (group.rules ?? []).length;
    if (count === 0) return nonCompliant(`Rule group ${name} has no rules.`);
    return compliant(`Rule group ${name} has ${count} ${count === 1 ? 'rule' : 'rules'}.`);
  },
});
