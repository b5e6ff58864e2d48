import { EC2Client, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { describeInstance } from './instance.js';

/** States in which there is nothing to stop. The playbook never terminates: the disk and memory are evidence. */
const NOT_RUNNING = new Set(['stopping', 'stopped', 'shutting-down', 'terminated']);

export const step = defineStep({
  id: 'stop-instance',
  description: 'Stops the isolated instance when the run asks for it (stopInstance); never terminates it',
  playbooks: ['ec2-compromise'],
  permissions: [
    { sid: 'DescribeInstance', actions: ['ec2:DescribeInstances'], resources: ['*'] },
    {
      sid: 'StopInstance',
      actions: ['ec2:StopInstances'],
      resources: ['arn:{partition}:ec2:{region}:{account}:instance/*'],
    },
  ],
  async run(ctx) {
    const instance = await describeInstance(ctx);
    const id = instance.InstanceId ?? '';
    const state = instance.State?.Name ?? 'unknown';
    const action = { action: 'ec2:StopInstances', target: id };
    if (NOT_RUNNING.has(state)) {
      ctx.skip({ ...action, detail: `already ${state}` });
      return;
    }
    await ctx.perform({ ...action, detail: `from ${state}` }, () =>
      client(ctx.env, EC2Client, 'ec2').send(new StopInstancesCommand({ InstanceIds: [id] })),
    );
  },
});

export const handler = lambdaHandler(step);
