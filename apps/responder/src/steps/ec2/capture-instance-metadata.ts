import { AutoScalingClient, DescribeAutoScalingInstancesCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeSecurityGroupsCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { defineStep, EVIDENCE_PERMISSIONS, lambdaHandler } from '../../step.js';
import { describeInstance, volumeIds } from './instance.js';

export const step = defineStep({
  id: 'capture-instance-metadata',
  description:
    "Saves the instance's description, volumes, security groups and Auto Scaling membership as evidence before any change",
  playbooks: ['ec2-compromise'],
  permissions: [
    {
      sid: 'DescribeInstance',
      actions: [
        'autoscaling:DescribeAutoScalingInstances',
        'ec2:DescribeInstances',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeVolumes',
      ],
      resources: ['*'],
    },
    ...EVIDENCE_PERMISSIONS,
  ],
  async run(ctx) {
    const instance = await describeInstance(ctx);
    const ec2 = client(ctx.env, EC2Client, 'ec2');
    const volumes = volumeIds(instance);
    const groupIds = [
      ...new Set((instance.NetworkInterfaces ?? []).flatMap((n) => (n.Groups ?? []).map((g) => g.GroupId ?? ''))),
    ].filter((g) => g !== '');
    const described = volumes.length > 0 ? await ec2.send(new DescribeVolumesCommand({ VolumeIds: volumes })) : {};
    const groups = groupIds.length > 0 ? await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: groupIds })) : {};
    const asg = await client(ctx.env, AutoScalingClient, 'autoscaling').send(
      new DescribeAutoScalingInstancesCommand({ InstanceIds: [instance.InstanceId ?? ''] }),
    );
    Object.assign(ctx.data, {
      state: instance.State?.Name,
      vpcId: instance.VpcId,
      volumes,
      securityGroups: groupIds,
      autoScalingGroup: asg.AutoScalingInstances?.[0]?.AutoScalingGroupName ?? null,
    });
    await ctx.saveEvidence('instance.json', {
      recordedAt: ctx.now().toISOString(),
      instance,
      volumes: 'Volumes' in described ? described.Volumes : [],
      securityGroups: 'SecurityGroups' in groups ? groups.SecurityGroups : [],
      autoScaling: asg.AutoScalingInstances ?? [],
    });
  },
});

export const handler = lambdaHandler(step);
