import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type WebAclConfiguration, wafv2Name } from './web-acl.js';

export const wafv2WebaclNotEmpty = defineControl({
  id: 'wafv2-webacl-not-empty',
  title: 'AWS WAF web ACLs have at least one rule or rule group',
  description:
    'Checks whether a WAFv2 web ACL contains at least one rule or rule group (its own rules or Firewall Manager rule groups). Without any, every request gets the default action uninspected.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A web ACL without rules passes every request to the default action uninspected.',
  },
  references: { awsConfigRules: ['wafv2-webacl-not-empty'], securityHub: ['WAF.10'] },
  trigger: 'change',
  remediation: {
    text: 'Add rules to the web ACL, starting with the AWS managed rule groups (core rule set, known bad inputs, IP reputation).',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html',
  },
  evaluate(item) {
    const acl = item.config<WebAclConfiguration>();
    const name = wafv2Name(item);
    const count =
      (acl.rules ?? []).length +
      (acl.preProcessFirewallManagerRuleGroups ?? []).length +
      (acl.postProcessFirewallManagerRuleGroups ?? []).length;
    if (count === 0) return nonCompliant(`Web ACL ${name} has no rules or rule groups.`);
    return compliant(`Web ACL ${name} has ${count} ${count === 1 ? 'rule' : 'rules'}.`);
  },
});
