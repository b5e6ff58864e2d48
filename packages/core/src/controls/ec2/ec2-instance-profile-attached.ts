import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { isTerminated } from './instance.js';
import type { ComputeInstanceConfiguration } from './instance-compute.js';

export const ec2InstanceProfileAttached = defineControl({
  id: 'ec2-instance-profile-attached',
  title: 'EC2 instances have an IAM instance profile attached',
  description:
    'Checks whether EC2 instances have an IAM instance profile, so software on them gets temporary role credentials instead of stored keys. With IamInstanceProfileArnList set, the profile must be one of those ARNs.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC02-BP02'],
  rationale: {
    'SEC02-BP02':
      'An instance profile gives software on the instance temporary role credentials instead of stored access keys.',
  },
  references: { awsConfigRules: ['ec2-instance-profile-attached'] },
  trigger: 'change',
  parameters: z.strictObject({ IamInstanceProfileArnList: param.csv() }),
  remediation: {
    text: 'Attach an instance profile whose role grants only what the workload needs (ec2:AssociateIamInstanceProfile), and remove any access keys stored on the instance.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  },
  evaluate(item, ctx) {
    const instance = item.config<ComputeInstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const arn = instance.iamInstanceProfile?.arn;
    if (!arn) return nonCompliant(`Instance ${item.resourceId} has no IAM instance profile attached.`);
    const allowed = ctx.params.IamInstanceProfileArnList;
    if (allowed.length > 0 && !allowed.includes(arn)) {
      return nonCompliant(
        `Instance ${item.resourceId} has instance profile ${arn}, which is not in IamInstanceProfileArnList.`,
      );
    }
    return compliant(`Instance ${item.resourceId} has instance profile ${arn}.`);
  },
});
