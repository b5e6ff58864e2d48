import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface WebAclConfiguration {
  webACLId: string;
  name: string;
  metricName: string;
  defaultAction: unknown;
  rulesList: { ruleId?: string; priority?: number; type?: string }[];
  associationList?: { resourceARN?: string }[];
}

export const wafRegionalWebaclNotEmpty = defineControl({
  id: 'waf-regional-webacl-not-empty',
  title: 'AWS WAF Classic regional web ACLs have at least one rule or rule group',
  description:
    'Checks whether an AWS WAF Classic regional web ACL contains at least one rule or rule group. Without any, every request gets the default action uninspected.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFRegional::WebACL'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A WAF Classic web ACL without rules passes every request to the default action uninspected.',
  },
  references: { awsConfigRules: ['waf-regional-webacl-not-empty'], securityHub: ['WAF.4'] },
  trigger: 'change',
  remediation: {
    text: 'Add rules or rule groups to the web ACL; better, migrate it to AWS WAF (WAFv2) and use AWS managed rule groups.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-migrating-from-classic.html',
  },
  evaluate(item) {
    const acl = item.config<WebAclConfiguration>();
    const name = acl.name ?? item.resourceName ?? item.resourceId;
    const count = (acl.rulesList ?? []).length;
    if (count === 0) return nonCompliant(`WAF Classic regional web ACL ${name} has no rules or rule groups.`);
    const noun = count === 1 ? 'rule or rule group' : 'rules and rule groups';
    return compliant(`WAF Classic regional web ACL ${name} has ${count} ${noun}.`);
  },
});
