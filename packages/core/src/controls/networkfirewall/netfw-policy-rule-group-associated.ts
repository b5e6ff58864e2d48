import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { displayName, type FirewallPolicyConfiguration } from './network-firewall.js';

export const netfwPolicyRuleGroupAssociated = defineControl({
  id: 'netfw-policy-rule-group-associated',
  title: 'Network Firewall policies have at least one rule group associated',
  description:
    'Checks whether a Network Firewall policy references at least one stateless or stateful rule group; a policy without rule groups inspects nothing beyond its default actions.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A firewall policy with rule groups inspects traffic beyond its default actions.',
  },
  references: { awsConfigRules: ['netfw-policy-rule-group-associated'], securityHub: ['NetworkFirewall.3'] },
  trigger: 'change',
  remediation: {
    text: 'Add stateless or stateful rule groups (for example AWS managed threat signature rule groups) to the firewall policy.',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-policy-updating.html',
  },
  evaluate(item) {
    const config = item.config<FirewallPolicyConfiguration>();
    const name = displayName(item, config.firewallPolicyResponse?.firewallPolicyName);
    const stateless = config.firewallPolicy?.statelessRuleGroupReferences?.length ?? 0;
    const stateful = config.firewallPolicy?.statefulRuleGroupReferences?.length ?? 0;
    if (stateless + stateful === 0) return nonCompliant(`Firewall policy ${name} has no rule groups associated.`);
    return compliant(`Firewall policy ${name} has ${stateless} stateless and ${stateful} stateful rule groups.`);
  },
});
