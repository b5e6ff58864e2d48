import { CreateSnapshotCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { describeInstance, FINDING_TAG, INCIDENT_TAG, tagValue, volumeIds } from './instance.js';

export const step = defineStep({
  id: 'snapshot-volumes',
  description:
    'Snapshots every EBS volume of the instance, each snapshot tagged with the finding id (one per volume per finding)',
  playbooks: ['ec2-compromise'],
  permissions: [
    { sid: 'Describe', actions: ['ec2:DescribeInstances', 'ec2:DescribeSnapshots'], resources: ['*'] },
    {
      sid: 'SnapshotVolumes',
      actions: ['ec2:CreateSnapshot'],
      resources: ['arn:{partition}:ec2:{region}:{account}:volume/*', 'arn:{partition}:ec2:{region}::snapshot/*'],
    },
    { sid: 'TagSnapshots', actions: ['ec2:CreateTags'], resources: ['arn:{partition}:ec2:{region}::snapshot/*'] },
  ],
  async run(ctx) {
    const instance = await describeInstance(ctx);
    const volumes = volumeIds(instance);
    const ec2 = client(ctx.env, EC2Client, 'ec2');
    const findingTag = tagValue(ctx.incident.findingId);
    const existing = new Map<string, string>();
    if (volumes.length > 0) {
      let token: string | undefined;
      do {
        const page = await ec2.send(
          new DescribeSnapshotsCommand({
            OwnerIds: ['self'],
            Filters: [
              { Name: `tag:${FINDING_TAG}`, Values: [findingTag] },
              { Name: 'volume-id', Values: volumes },
            ],
            NextToken: token,
          }),
        );
        for (const s of page.Snapshots ?? []) {
          if (s.VolumeId && s.SnapshotId && s.State !== 'error') existing.set(s.VolumeId, s.SnapshotId);
        }
        token = page.NextToken;
      } while (token !== undefined);
    }
    const snapshots: Record<string, string | null> = {};
    for (const volumeId of volumes) {
      const action = { action: 'ec2:CreateSnapshot', target: volumeId };
      const done = existing.get(volumeId);
      if (done !== undefined) {
        snapshots[volumeId] = done;
        ctx.skip({ ...action, detail: `${done} already taken for this finding` });
        continue;
      }
      const out = await ctx.perform({ ...action, detail: `tagged ${FINDING_TAG}=${findingTag}` }, () =>
        ec2.send(
          new CreateSnapshotCommand({
            VolumeId: volumeId,
            Description: `Rampart incident ${ctx.incident.incidentId}: ${volumeId} of ${instance.InstanceId}`.slice(
              0,
              255,
            ),
            TagSpecifications: [
              {
                ResourceType: 'snapshot',
                Tags: [
                  { Key: FINDING_TAG, Value: findingTag },
                  { Key: INCIDENT_TAG, Value: tagValue(ctx.incident.incidentId) },
                  { Key: 'rampart:component', Value: 'incident-response' },
                  { Key: 'rampart:source-instance', Value: instance.InstanceId ?? '' },
                ],
              },
            ],
          }),
        ),
      );
      snapshots[volumeId] = out?.SnapshotId ?? null;
    }
    if (volumes.length === 0)
      ctx.skip({ action: 'ec2:CreateSnapshot', target: instance.InstanceId ?? '', detail: 'no EBS volumes' });
    ctx.data['snapshots'] = snapshots;
  },
});

export const handler = lambdaHandler(step);
