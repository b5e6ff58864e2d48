import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface RuleConfiguration {
  ruleId: string;
  name: string;
  metricName: string;
  predicateList: { dataId?: string; negated?: boolean; type?: string }[];
}

export const wafRegionalRuleNotEmpty = defineControl({
  id: 'waf-regional-rule-not-empty',
  title: 'AWS WAF Classic regional rules have at least one condition',
  description:
    'Checks whether an AWS WAF Classic regional rule has at least one condition (predicate). A rule without conditions matches nothing and inspects no traffic.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFRegional::Rule'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A rule without conditions inspects nothing; the check finds such hollow WAF Classic rules.',
  },
  references: { awsConfigRules: ['waf-regional-rule-not-empty'], securityHub: ['WAF.2'] },
  trigger: 'change',
  remediation: {
    text: 'Add a condition (IP match, string match, SQL injection, ...) to the rule or delete it; better, migrate the web ACL to AWS WAF (WAFv2).',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/classic-web-acl-rules-editing.html',
  },
  evaluate(item) {
    const rule = item.config<RuleConfiguration>();
    const name = rule.name ?? item.resourceName ?? item.resourceId;
    const count = (rule.predicateList ?? []).length;
    if (count === 0) return nonCompliant(`WAF Classic regional rule ${name} has no conditions.`);
    return compliant(`WAF Classic regional rule ${name} has ${count} ${count === 1 ? 'condition' : 'conditions'}.`);
  },
});
