import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { isTerminated } from './instance.js';
import type { ComputeInstanceConfiguration } from './instance-compute.js';

export const ec2InstanceMultipleEniCheck = defineControl({
  id: 'ec2-instance-multiple-eni-check',
  title: 'EC2 instances do not use multiple network interfaces',
  description:
    'Checks whether EC2 instances have more than one network interface (ENI or EFA) attached; several interfaces can bridge subnets and bypass network controls. Interfaces listed in NetworkInterfaceIds are allowed and not counted.',
  area: 'infrastructure',
  severity: 'LOW',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02':
      'An instance with interfaces in several subnets can bridge network layers and bypass their traffic controls.',
  },
  references: { awsConfigRules: ['ec2-instance-multiple-eni-check'], securityHub: ['EC2.17'] },
  trigger: 'change',
  parameters: z.strictObject({ NetworkInterfaceIds: param.csv() }),
  remediation: {
    text: 'Detach the additional network interfaces unless the instance is an approved appliance (then list its interfaces in NetworkInterfaceIds).',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
  },
  evaluate(item, ctx) {
    const instance = item.config<ComputeInstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const allowed = new Set(ctx.params.NetworkInterfaceIds);
    const ids = (instance.networkInterfaces ?? []).map((ni) => ni.networkInterfaceId ?? 'unknown');
    const counted = ids.filter((id) => !allowed.has(id));
    if (counted.length > 1) {
      return nonCompliant(
        `Instance ${item.resourceId} has ${counted.length} network interfaces attached (${counted.join(', ')}).`,
      );
    }
    return compliant(
      `Instance ${item.resourceId} has ${ids.length} network interface${ids.length === 1 ? '' : 's'} attached${ids.length > counted.length ? `, ${ids.length - counted.length} of them allowed by NetworkInterfaceIds` : ''}.`,
    );
  },
});
