import { CreateTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { describeInstance, FINDING_TAG, INCIDENT_TAG, tagValue } from './instance.js';

export const step = defineStep({
  id: 'tag-instance',
  description:
    'Tags the instance with the incident and finding ids, so people and automation know it is under investigation',
  playbooks: ['ec2-compromise'],
  permissions: [
    { sid: 'DescribeInstance', actions: ['ec2:DescribeInstances'], resources: ['*'] },
    {
      sid: 'TagInstance',
      actions: ['ec2:CreateTags'],
      resources: ['arn:{partition}:ec2:{region}:{account}:instance/*'],
    },
  ],
  async run(ctx) {
    const instance = await describeInstance(ctx);
    const wanted: Record<string, string> = {
      [INCIDENT_TAG]: tagValue(ctx.incident.incidentId),
      [FINDING_TAG]: tagValue(ctx.incident.findingId),
      'rampart:incident-playbook': ctx.incident.playbook,
    };
    const current = new Map((instance.Tags ?? []).map((t) => [t.Key, t.Value]));
    const missing = Object.entries(wanted).filter(([k, v]) => current.get(k) !== v);
    const action = { action: 'ec2:CreateTags', target: instance.InstanceId ?? '' };
    if (missing.length === 0) {
      ctx.skip({ ...action, detail: 'already tagged' });
      return;
    }
    await ctx.perform({ ...action, detail: missing.map(([k, v]) => `${k}=${v}`).join(', ') }, () =>
      client(ctx.env, EC2Client, 'ec2').send(
        new CreateTagsCommand({
          Resources: [instance.InstanceId ?? ''],
          Tags: missing.map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
  },
});

export const handler = lambdaHandler(step);
