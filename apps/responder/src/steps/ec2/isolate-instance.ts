import {
  DescribeSecurityGroupsCommand,
  EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { IsolationGroupMissingError } from '../../errors.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { describeInstance } from './instance.js';

/** Tags of the pre-deployed isolation security group (IncidentResponse component). */
export const ISOLATION_TAGS = { 'rampart:component': 'incident-response', 'rampart:role': 'isolation' } as const;

function hasNoRules(group: SecurityGroup): boolean {
  return (group.IpPermissions ?? []).length === 0 && (group.IpPermissionsEgress ?? []).length === 0;
}

export const step = defineStep({
  id: 'isolate-instance',
  description:
    "Replaces the security groups of every network interface of the instance with the VPC's pre-deployed isolation group (no rules)",
  playbooks: ['ec2-compromise'],
  permissions: [
    { sid: 'Describe', actions: ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups'], resources: ['*'] },
    {
      sid: 'ReplaceSecurityGroups',
      actions: ['ec2:ModifyNetworkInterfaceAttribute'],
      resources: [
        'arn:{partition}:ec2:{region}:{account}:network-interface/*',
        'arn:{partition}:ec2:{region}:{account}:security-group/*',
      ],
    },
  ],
  async run(ctx) {
    const instance = await describeInstance(ctx);
    const ec2 = client(ctx.env, EC2Client, 'ec2');
    const vpcId = instance.VpcId;
    if (vpcId === undefined) throw new IsolationGroupMissingError(`Instance ${instance.InstanceId} is not in a VPC`);
    const found = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          ...Object.entries(ISOLATION_TAGS).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] })),
        ],
      }),
    );
    const isolation = (found.SecurityGroups ?? []).find(hasNoRules);
    if (isolation?.GroupId === undefined) {
      throw new IsolationGroupMissingError(
        `No security group without rules tagged rampart:component=incident-response and rampart:role=isolation in ${vpcId}; deploy the IncidentResponse component with this VPC in isolationVpcIds`,
      );
    }
    const groupId = isolation.GroupId;
    ctx.data['isolationGroup'] = groupId;
    const prior: Record<string, string[]> = {};
    for (const eni of instance.NetworkInterfaces ?? []) {
      const eniId = eni.NetworkInterfaceId ?? '';
      const groups = (eni.Groups ?? []).map((g) => g.GroupId ?? '');
      prior[eniId] = groups;
      const action = { action: 'ec2:ModifyNetworkInterfaceAttribute', target: eniId };
      if (groups.length === 1 && groups[0] === groupId) {
        ctx.skip({ ...action, detail: `already isolated with ${groupId}` });
        continue;
      }
      await ctx.perform({ ...action, detail: `security groups ${groups.join(', ') || '(none)'} -> ${groupId}` }, () =>
        ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Groups: [groupId] })),
      );
    }
    ctx.data['priorGroups'] = prior;
  },
});

export const handler = lambdaHandler(step);
