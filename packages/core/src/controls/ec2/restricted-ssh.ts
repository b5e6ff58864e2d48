import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { coversPort, isTcp, openSources, type SecurityGroupConfiguration } from './security-group-rules.js';

export const restrictedSsh = defineControl({
  id: 'restricted-ssh',
  title: 'Security groups do not allow SSH (port 22) from anywhere',
  description:
    'Checks whether security groups allow incoming TCP traffic on port 22 from 0.0.0.0/0 or ::/0, including rules for all protocols and port ranges that contain 22.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  wellArchitected: ['SEC05-BP02', 'SEC06-BP03'],
  rationale: {
    'SEC05-BP02': 'Security groups do not open SSH to the whole internet.',
    'SEC06-BP03':
      'Closing SSH from anywhere removes the easiest path to interactive access; Session Manager replaces it.',
  },
  // Security Hub retired EC2.13 (port 22 only); EC2.53/EC2.54 (CIS 5.2/5.3) check a wider port set.
  references: { awsConfigRules: ['restricted-ssh'] },
  trigger: 'change',
  remediation: {
    text: 'Remove ingress rules that open port 22 to 0.0.0.0/0 or ::/0; use Systems Manager Session Manager or restrict the source to known addresses.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(item) {
    const sg = item.config<SecurityGroupConfiguration>();
    const open = new Set<string>();
    for (const p of sg.ipPermissions ?? []) {
      if (!isTcp(p) || !coversPort(p, 22)) continue;
      for (const source of openSources(p)) open.add(source);
    }
    if (open.size > 0) {
      return nonCompliant(`Security group ${item.resourceId} opens port 22 to ${[...open].join(' and ')}.`);
    }
    return compliant(`Security group ${item.resourceId} does not open port 22 to the internet.`);
  },
});
