import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface VolumeConfiguration {
  volumeId: string;
  state: string;
  attachments: { instanceId?: string; state?: string; deleteOnTermination?: boolean | null }[];
}

export const ec2VolumeInuseCheck = defineControl({
  id: 'ec2-volume-inuse-check',
  title: 'EBS volumes are attached to EC2 instances',
  description:
    'Checks whether EBS volumes are attached to an EC2 instance; unattached volumes keep data nobody uses. With deleteOnTermination set, attached volumes must also have that DeleteOnTermination setting.',
  area: 'infrastructure',
  severity: 'LOW',
  resourceTypes: ['AWS::EC2::Volume'],
  wellArchitected: ['SEC07-BP04'],
  rationale: {
    'SEC07-BP04': 'Unattached volumes are data kept beyond its use; lifecycle management deletes or archives them.',
  },
  references: { awsConfigRules: ['ec2-volume-inuse-check'] },
  trigger: 'change',
  parameters: z.strictObject({
    deleteOnTermination: z
      .union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False', ''])])
      .transform((v) => (typeof v === 'boolean' ? v : v === '' ? undefined : v.toLowerCase() === 'true'))
      .optional(),
  }),
  remediation: {
    text: 'Snapshot unattached volumes you still need and delete them; set DeleteOnTermination on volumes that should not outlive their instance.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html',
  },
  evaluate(item, ctx) {
    const volume = item.config<VolumeConfiguration>();
    const attached = (volume.attachments ?? []).filter((a) => a.state !== 'detached' && a.state !== 'detaching');
    if (attached.length === 0 && volume.state !== 'in-use') {
      return nonCompliant(
        `EBS volume ${item.resourceId} is not attached to any instance (state ${volume.state ?? 'unknown'}).`,
      );
    }
    const wanted = ctx.params.deleteOnTermination;
    if (wanted !== undefined) {
      const wrong = attached.filter((a) => (a.deleteOnTermination ?? false) !== wanted);
      if (wrong.length > 0) {
        return nonCompliant(
          `EBS volume ${item.resourceId} has DeleteOnTermination ${String(!wanted)} on instance ${wrong.map((a) => a.instanceId ?? 'unknown').join(', ')} (required ${String(wanted)}).`,
        );
      }
    }
    const on = attached.map((a) => a.instanceId ?? 'unknown').join(', ');
    return compliant(`EBS volume ${item.resourceId} is attached to ${on || 'an instance'}.`);
  },
});
