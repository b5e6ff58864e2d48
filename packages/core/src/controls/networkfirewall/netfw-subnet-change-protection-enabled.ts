import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { displayName, type FirewallConfiguration } from './network-firewall.js';

export const netfwSubnetChangeProtectionEnabled = defineControl({
  id: 'netfw-subnet-change-protection-enabled',
  title: 'Network Firewall firewalls have subnet change protection enabled',
  description:
    'Checks whether a Network Firewall firewall has subnet change protection enabled, so that its subnet associations cannot be changed without first changing the setting.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'Firewall subnet associations cannot be changed to route around inspection without a prior change.',
  },
  references: { awsConfigRules: ['netfw-subnet-change-protection-enabled'], securityHub: ['NetworkFirewall.10'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on subnet change protection for the firewall (network-firewall:UpdateSubnetChangeProtection).',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html',
  },
  evaluate(item) {
    const fw = item.config<FirewallConfiguration>().firewall;
    const name = displayName(item, fw?.firewallName);
    if (fw?.subnetChangeProtection !== true) {
      return nonCompliant(`Firewall ${name} has subnet change protection disabled.`);
    }
    return compliant(`Firewall ${name} has subnet change protection enabled.`);
  },
});
