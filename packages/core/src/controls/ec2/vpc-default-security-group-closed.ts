import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import type { SecurityGroupConfiguration } from './security-group-rules.js';

export const vpcDefaultSecurityGroupClosed = defineControl({
  id: 'vpc-default-security-group-closed',
  title: 'The default security group of every VPC allows no inbound or outbound traffic',
  description:
    'Checks whether the default security group of a VPC has no inbound and no outbound rules. Security groups other than a VPC default group are not applicable.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02':
      'The default group allows no traffic, so resources only communicate through groups designed for them.',
  },
  references: { awsConfigRules: ['vpc-default-security-group-closed'], securityHub: ['EC2.2'], cis: ['5.4'] },
  trigger: 'change',
  remediation: {
    text: 'Remove every inbound and outbound rule from the default security group and attach purpose-built, least-privilege security groups to resources instead.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  },
  evaluate(item) {
    const sg = item.config<SecurityGroupConfiguration>();
    if (sg.groupName !== 'default') {
      return notApplicable(`Security group ${item.resourceId} is not a VPC default security group.`);
    }
    const vpc = sg.vpcId ? ` of ${sg.vpcId}` : '';
    const inbound = sg.ipPermissions?.length ?? 0;
    const outbound = sg.ipPermissionsEgress?.length ?? 0;
    if (inbound + outbound > 0) {
      const parts: string[] = [];
      if (inbound > 0) parts.push(`${inbound} inbound ${inbound === 1 ? 'rule' : 'rules'}`);
      if (outbound > 0) parts.push(`${outbound} outbound ${outbound === 1 ? 'rule' : 'rules'}`);
      return nonCompliant(`Default security group ${item.resourceId}${vpc} has ${parts.join(' and ')}.`);
    }
    return compliant(`Default security group ${item.resourceId}${vpc} has no inbound or outbound rules.`);
  },
});
