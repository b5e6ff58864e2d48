import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface NetworkAclConfiguration {
  networkAclId: string;
  vpcId: string;
  isDefault: boolean;
  associations: { networkAclAssociationId?: string; networkAclId?: string; subnetId?: string }[];
}

export const vpcNetworkAclUnusedCheck = defineControl({
  id: 'vpc-network-acl-unused-check',
  title: 'Network ACLs are associated with at least one subnet',
  description:
    'Checks whether each network ACL is in use: it must be associated with at least one subnet. Unused network ACLs are clutter that can be attached by mistake later.',
  area: 'infrastructure',
  severity: 'LOW',
  resourceTypes: ['AWS::EC2::NetworkAcl'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02': 'Unused network ACLs are unreviewed traffic rules that can be attached to a subnet by mistake.',
  },
  references: { awsConfigRules: ['vpc-network-acl-unused-check'], securityHub: ['EC2.16'] },
  trigger: 'change',
  remediation: {
    text: 'Delete network ACLs that no subnet uses, or associate the ACL with the subnets it was meant to protect.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  },
  evaluate(item) {
    const acl = item.config<NetworkAclConfiguration>();
    const subnets = [...new Set((acl.associations ?? []).map((a) => a.subnetId).filter((s): s is string => !!s))];
    if (subnets.length === 0) {
      return nonCompliant(`Network ACL ${item.resourceId} is not associated with any subnet.`);
    }
    const noun = subnets.length === 1 ? 'subnet' : 'subnets';
    return compliant(`Network ACL ${item.resourceId} is associated with ${noun} ${subnets.join(', ')}.`);
  },
});
