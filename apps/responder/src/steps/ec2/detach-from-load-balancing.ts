import {
  AutoScalingClient,
  DescribeAutoScalingInstancesCommand,
  DetachInstancesCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { instanceId } from './instance.js';

/** Lifecycle states in which the instance is already leaving its group. */
const LEAVING = new Set([
  'Detaching',
  'Detached',
  'Terminating',
  'Terminating:Wait',
  'Terminating:Proceed',
  'Terminated',
]);

export const step = defineStep({
  id: 'detach-from-load-balancing',
  description:
    'Detaches the instance from its Auto Scaling group (which launches a replacement) and deregisters it from every target group, before isolation would fail its health checks and get it terminated',
  playbooks: ['ec2-compromise'],
  permissions: [
    {
      sid: 'Describe',
      actions: [
        'autoscaling:DescribeAutoScalingInstances',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetHealth',
      ],
      resources: ['*'],
    },
    {
      sid: 'DetachFromAutoScaling',
      actions: ['autoscaling:DetachInstances'],
      resources: ['arn:{partition}:autoscaling:{region}:{account}:autoScalingGroup:*:autoScalingGroupName/*'],
    },
    {
      sid: 'DeregisterTargets',
      actions: ['elasticloadbalancing:DeregisterTargets'],
      resources: ['arn:{partition}:elasticloadbalancing:{region}:{account}:targetgroup/*/*'],
    },
  ],
  async run(ctx) {
    const id = instanceId(ctx);
    const autoScaling = client(ctx.env, AutoScalingClient, 'autoscaling');
    const membership = await autoScaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [id] }));
    const group = membership.AutoScalingInstances?.[0];
    if (group?.AutoScalingGroupName === undefined) {
      ctx.skip({ action: 'autoscaling:DetachInstances', target: id, detail: 'not in an Auto Scaling group' });
    } else if (LEAVING.has(group.LifecycleState ?? '')) {
      ctx.skip({
        action: 'autoscaling:DetachInstances',
        target: `${group.AutoScalingGroupName}/${id}`,
        detail: `already ${group.LifecycleState}`,
      });
    } else {
      const name = group.AutoScalingGroupName;
      await ctx.perform(
        {
          action: 'autoscaling:DetachInstances',
          target: `${name}/${id}`,
          detail: 'desired capacity kept: a replacement launches',
        },
        () =>
          autoScaling.send(
            new DetachInstancesCommand({
              AutoScalingGroupName: name,
              InstanceIds: [id],
              ShouldDecrementDesiredCapacity: false,
            }),
          ),
      );
      ctx.data['autoScalingGroup'] = name;
    }

    const elb = client(ctx.env, ElasticLoadBalancingV2Client, 'elbv2');
    const deregistered: string[] = [];
    let marker: string | undefined;
    do {
      const page = await elb.send(new DescribeTargetGroupsCommand({ Marker: marker, PageSize: 400 }));
      for (const tg of page.TargetGroups ?? []) {
        if (tg.TargetType !== undefined && tg.TargetType !== 'instance') continue;
        const arn = tg.TargetGroupArn ?? '';
        const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
        const targets = (health.TargetHealthDescriptions ?? [])
          .filter(
            (d) => d.Target?.Id === id && d.TargetHealth?.State !== 'draining' && d.TargetHealth?.State !== 'unused',
          )
          .map((d) => ({ Id: id, ...(d.Target?.Port !== undefined ? { Port: d.Target.Port } : {}) }));
        if (targets.length === 0) continue;
        await ctx.perform(
          {
            action: 'elasticloadbalancing:DeregisterTargets',
            target: arn,
            detail: `${id} on port(s) ${targets.map((t) => t.Port ?? '-').join(', ')}`,
          },
          () => elb.send(new DeregisterTargetsCommand({ TargetGroupArn: arn, Targets: targets })),
        );
        deregistered.push(arn);
      }
      marker = page.NextMarker;
    } while (marker !== undefined);
    if (deregistered.length === 0) {
      ctx.skip({
        action: 'elasticloadbalancing:DeregisterTargets',
        target: id,
        detail: 'registered in no target group',
      });
    }
    ctx.data['targetGroups'] = deregistered;
  },
});

export const handler = lambdaHandler(step);
