import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface SubnetConfiguration {
  subnetId: string;
  vpcId: string;
  mapPublicIpOnLaunch: boolean;
}

export const subnetAutoAssignPublicIpDisabled = defineControl({
  id: 'subnet-auto-assign-public-ip-disabled',
  title: 'Subnets do not assign public IPv4 addresses automatically',
  description:
    'Checks whether a subnet assigns a public IPv4 address to every network interface launched in it (MapPublicIpOnLaunch). Such subnets expose instances to the internet by default.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Subnet'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01': 'Subnets that do not hand out public addresses keep instances in a private layer by default.',
  },
  references: { awsConfigRules: ['subnet-auto-assign-public-ip-disabled'], securityHub: ['EC2.15'] },
  trigger: 'change',
  remediation: {
    text: 'Turn off "Enable auto-assign public IPv4 address" on the subnet, and give public addresses only to the resources that need them (load balancers, NAT gateways, Elastic IPs).',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
  },
  evaluate(item) {
    const subnet = item.config<SubnetConfiguration>();
    if (subnet.mapPublicIpOnLaunch === true) {
      return nonCompliant(`Subnet ${item.resourceId} assigns a public IPv4 address to instances launched in it.`);
    }
    return compliant(`Subnet ${item.resourceId} does not assign public IPv4 addresses automatically.`);
  },
});
