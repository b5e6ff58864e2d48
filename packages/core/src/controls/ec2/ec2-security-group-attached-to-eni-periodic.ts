import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import type { SecurityGroupConfiguration } from './security-group-rules.js';

const NETWORK_INTERFACE = 'AWS::EC2::NetworkInterface';
const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

export const ec2SecurityGroupAttachedToEniPeriodic = defineControl({
  id: 'ec2-security-group-attached-to-eni-periodic',
  title: 'Non-default security groups are attached to at least one network interface',
  description:
    'Checks whether each non-default security group owned by the account is attached to a network interface (an AWS::EC2::NetworkInterface in the same account and region lists it). Default groups and groups of other accounts are not applicable.',
  area: 'infrastructure',
  severity: 'LOW',
  resourceTypes: [SECURITY_GROUP],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02':
      'Unused security groups are traffic rules nobody reviews that can be attached by mistake; removing them keeps flow control deliberate.',
  },
  references: { awsConfigRules: ['ec2-security-group-attached-to-eni-periodic'] },
  trigger: 'periodic',
  needs: [NETWORK_INTERFACE],
  remediation: {
    text: 'Delete security groups that no network interface uses, so that unused rules cannot be attached by mistake later.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-security-groups.html',
  },
  evaluate(item, ctx) {
    const sg = item.config<SecurityGroupConfiguration & { ownerId: string }>();
    if (sg.groupName === 'default') {
      return notApplicable(`Security group ${item.resourceId} is the default security group of its VPC.`);
    }
    if (sg.ownerId !== undefined && sg.ownerId !== item.accountId) {
      return notApplicable(`Security group ${item.resourceId} is owned by account ${sg.ownerId}.`);
    }
    const count =
      ctx
        .memo('ec2.networkInterfacesBySecurityGroup', () => interfacesBySecurityGroup(ctx.items(NETWORK_INTERFACE)))
        .get(item.resourceId) ?? 0;
    if (count === 0) {
      return nonCompliant(`Security group ${item.resourceId} is not attached to any network interface.`);
    }
    const noun = count === 1 ? 'network interface' : 'network interfaces';
    return compliant(`Security group ${item.resourceId} is attached to ${count} ${noun}.`);
  },
});

/** How many live network interfaces use each security group, built once per account and region. */
function interfacesBySecurityGroup(items: readonly ConfigItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const eni of items) {
    if (eni.deleted) continue;
    const groups = new Set<string>();
    for (const g of eni.config<{ groups: { groupId?: string }[] }>().groups ?? []) {
      if (g.groupId) groups.add(g.groupId);
    }
    for (const r of eni.relationships) {
      if (r.resourceType === SECURITY_GROUP && r.resourceId) groups.add(r.resourceId);
    }
    for (const id of groups) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
