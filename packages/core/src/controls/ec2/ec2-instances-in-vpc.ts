import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { isTerminated } from './instance.js';
import type { ComputeInstanceConfiguration } from './instance-compute.js';

export const ec2InstancesInVpc = defineControl({
  id: 'ec2-instances-in-vpc',
  title: 'EC2 instances run in a VPC',
  description:
    'Checks whether EC2 instances belong to a VPC (configuration vpcId is set), so security groups, network ACLs and flow logs apply to them. With vpcId set, instances must be in that VPC.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01':
      'Instances in a VPC sit in subnets, the network layers that security groups, NACLs and routing build on.',
  },
  references: { awsConfigRules: ['ec2-instances-in-vpc'] },
  trigger: 'change',
  parameters: z.strictObject({
    vpcId: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
  }),
  remediation: {
    text: 'Relaunch the instance in a VPC subnet (from an AMI of it); EC2-Classic instances cannot be moved in place.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-vpc.html',
  },
  evaluate(item, ctx) {
    const instance = item.config<ComputeInstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const vpc = instance.vpcId;
    if (!vpc) return nonCompliant(`Instance ${item.resourceId} is not in a VPC.`);
    const wanted = ctx.params.vpcId;
    if (wanted !== undefined && vpc !== wanted) {
      return nonCompliant(`Instance ${item.resourceId} is in ${vpc}, not in the required VPC ${wanted}.`);
    }
    return compliant(`Instance ${item.resourceId} is in ${vpc}.`);
  },
});
