import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { type InstanceConfiguration, isTerminated } from './instance.js';

export const ec2InstanceNoPublicIp = defineControl({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instances have no public IPv4 address',
  description:
    'Checks whether EC2 instances have a public IPv4 address (configuration.publicIpAddress), which makes them reachable from the internet wherever security groups and network ACLs allow it.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01':
      'Instances without public addresses sit in private layers, reachable only through the layers in front of them.',
  },
  references: { awsConfigRules: ['ec2-instance-no-public-ip'], securityHub: ['EC2.9'] },
  trigger: 'change',
  remediation: {
    text: 'Launch instances in private subnets without public IP addresses and reach them through load balancers, NAT gateways and Systems Manager Session Manager.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
  },
  evaluate(item) {
    const instance = item.config<InstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const ip = instance.publicIpAddress;
    if (typeof ip === 'string' && ip !== '') {
      return nonCompliant(`Instance ${item.resourceId} has public IPv4 address ${ip}.`);
    }
    return compliant(`Instance ${item.resourceId} has no public IPv4 address.`);
  },
});
