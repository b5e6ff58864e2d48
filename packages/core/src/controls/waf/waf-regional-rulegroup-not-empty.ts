import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface RuleGroupConfiguration {
  ruleGroupId: string;
  name: string;
  metricName: string;
  rules: { ruleId?: string; priority?: number; action?: { type?: string }; type?: string }[];
}

export const wafRegionalRulegroupNotEmpty = defineControl({
  id: 'waf-regional-rulegroup-not-empty',
  title: 'AWS WAF Classic regional rule groups have at least one rule',
  description:
    'Checks whether an AWS WAF Classic regional rule group contains at least one rule. An empty rule group inspects no traffic although a web ACL uses it.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFRegional::RuleGroup'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'An empty WAF Classic rule group inspects no traffic although a web ACL uses it.',
  },
  references: { awsConfigRules: ['waf-regional-rulegroup-not-empty'], securityHub: ['WAF.3'] },
  trigger: 'change',
  remediation: {
    text: 'Add rules to the rule group or delete it; better, migrate to AWS WAF (WAFv2) rule groups.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/classic-rule-group-editing.html',
  },
  evaluate(item) {
    const group = item.config<RuleGroupConfiguration>();
    const name = group.name ?? item.resourceName ?? item.resourceId;
    const count = (group.rules ?? []).length;
    if (count === 0) return nonCompliant(`WAF Classic regional rule group ${name} has no rules.`);
    return compliant(`WAF Classic regional rule group ${name} has ${count} ${count === 1 ? 'rule' : 'rules'}.`);
  },
});
