import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { displayName, type FirewallConfiguration } from './network-firewall.js';

export const netfwDeletionProtectionEnabled = defineControl({
  id: 'netfw-deletion-protection-enabled',
  title: 'Network Firewall firewalls have deletion protection enabled',
  description:
    'Checks whether a Network Firewall firewall has deletion protection enabled, so that it cannot be deleted by accident or by an attacker without first changing the setting.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'The inspecting firewall cannot be deleted by accident or by an attacker without a prior change.',
  },
  references: { awsConfigRules: ['netfw-deletion-protection-enabled'], securityHub: ['NetworkFirewall.9'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on deletion protection for the firewall (network-firewall:UpdateFirewallDeleteProtection).',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html',
  },
  evaluate(item) {
    const fw = item.config<FirewallConfiguration>().firewall;
    const name = displayName(item, fw?.firewallName);
    if (fw?.deleteProtection !== true) return nonCompliant(`Firewall ${name} has deletion protection disabled.`);
    return compliant(`Firewall ${name} has deletion protection enabled.`);
  },
});
