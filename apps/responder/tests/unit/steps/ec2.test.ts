import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AutoScalingClient,
  DescribeAutoScalingInstancesCommand,
  DetachInstancesCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateSnapshotCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
  ModifyNetworkInterfaceAttributeCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  IsolationGroupMissingError,
  ResourceNotFoundError,
  STEP_FUNCTIONS,
  ThrottledError,
} from '../../../src/index.js';
import { handler as capture } from '../../../src/steps/ec2/capture-instance-metadata.js';
import { handler as detach } from '../../../src/steps/ec2/detach-from-load-balancing.js';
import { handler as isolate } from '../../../src/steps/ec2/isolate-instance.js';
import { handler as snapshot } from '../../../src/steps/ec2/snapshot-volumes.js';
import { handler as stop } from '../../../src/steps/ec2/stop-instance.js';
import { handler as tag } from '../../../src/steps/ec2/tag-instance.js';
import { awsError, changes, incident, lambdaContext, state, throttled } from '../../fixtures/incidents.js';

const ec2 = mockClient(EC2Client);
const autoScaling = mockClient(AutoScalingClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const s3 = mockClient(S3Client);
const ctx = lambdaContext();
const ID = 'i-0123456789abcdef0';
const ISOLATION = 'sg-0isolation';

function instance(changes: Partial<Instance> = {}): Instance {
  return {
    InstanceId: ID,
    VpcId: 'vpc-1',
    State: { Name: 'running', Code: 16 },
    BlockDeviceMappings: [
      { DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-root' } },
      { DeviceName: '/dev/xvdb', Ebs: { VolumeId: 'vol-data' } },
    ],
    NetworkInterfaces: [
      { NetworkInterfaceId: 'eni-1', Groups: [{ GroupId: 'sg-web' }, { GroupId: 'sg-ssh' }] },
      { NetworkInterfaceId: 'eni-2', Groups: [{ GroupId: 'sg-db' }] },
    ],
    Tags: [],
    ...changes,
  };
}

function describes(i: Instance) {
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [i] }] });
}

beforeEach(() => {
  ec2.reset();
  autoScaling.reset();
  elb.reset();
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
});

describe('capture-instance-metadata', () => {
  it('saves the instance, its volumes, groups and Auto Scaling membership as evidence', async () => {
    describes(instance());
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-root' }, { VolumeId: 'vol-data' }] });
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-web' }] });
    autoScaling.on(DescribeAutoScalingInstancesCommand).resolves({
      AutoScalingInstances: [{ InstanceId: ID, AutoScalingGroupName: 'web', LifecycleState: 'InService' } as never],
    });
    const result = await capture(state(incident('ec2-compromise')), ctx);
    expect(result.data).toMatchObject({
      volumes: ['vol-root', 'vol-data'],
      securityGroups: ['sg-web', 'sg-ssh', 'sg-db'],
      autoScalingGroup: 'web',
    });
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Key: 'incidents/f1a2b3c4d5e6/run-1/capture-instance-metadata/instance.json',
    });
  });

  it('an instance that no longer exists is ResourceNotFoundError', async () => {
    ec2.on(DescribeInstancesCommand).rejects(awsError('InvalidInstanceID.NotFound'));
    await expect(capture(state(incident('ec2-compromise')), ctx)).rejects.toThrow(ResourceNotFoundError);
  });
});

describe('tag-instance', () => {
  it('tags the instance with the incident and finding ids', async () => {
    describes(instance());
    ec2.on(CreateTagsCommand).resolves({});
    await tag(state(incident('ec2-compromise')), ctx);
    expect(ec2).toHaveReceivedCommandWith(CreateTagsCommand, {
      Resources: [ID],
      Tags: [
        { Key: 'rampart:incident', Value: 'f1a2b3c4d5e6' },
        { Key: 'rampart:finding-id', Value: 'f1a2b3c4d5e6' },
        { Key: 'rampart:incident-playbook', Value: 'ec2-compromise' },
      ],
    });
  });

  it('already tagged: changes nothing', async () => {
    describes(
      instance({
        Tags: [
          { Key: 'rampart:incident', Value: 'f1a2b3c4d5e6' },
          { Key: 'rampart:finding-id', Value: 'f1a2b3c4d5e6' },
          { Key: 'rampart:incident-playbook', Value: 'ec2-compromise' },
        ],
      }),
    );
    const result = await tag(state(incident('ec2-compromise')), ctx);
    expect(result.status).toBe('no-change');
    expect(ec2).not.toHaveReceivedCommand(CreateTagsCommand);
  });
});

describe('snapshot-volumes', () => {
  it('snapshots every volume, tagged with the finding id', async () => {
    describes(instance());
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    ec2.on(CreateSnapshotCommand, { VolumeId: 'vol-root' }).resolves({ SnapshotId: 'snap-root' });
    ec2.on(CreateSnapshotCommand, { VolumeId: 'vol-data' }).resolves({ SnapshotId: 'snap-data' });
    const result = await snapshot(state(incident('ec2-compromise')), ctx);
    expect(result.data).toEqual({ snapshots: { 'vol-root': 'snap-root', 'vol-data': 'snap-data' } });
    const tags = ec2.commandCalls(CreateSnapshotCommand)[0]!.args[0].input.TagSpecifications?.[0]?.Tags;
    expect(tags).toContainEqual({ Key: 'rampart:finding-id', Value: 'f1a2b3c4d5e6' });
    expect(tags).toContainEqual({ Key: 'rampart:component', Value: 'incident-response' });
    expect(ec2).toHaveReceivedCommandWith(DescribeSnapshotsCommand, {
      OwnerIds: ['self'],
      Filters: [
        { Name: 'tag:rampart:finding-id', Values: ['f1a2b3c4d5e6'] },
        { Name: 'volume-id', Values: ['vol-root', 'vol-data'] },
      ],
    });
  });

  it('re-run: volumes already snapshotted for this finding are skipped', async () => {
    describes(instance());
    ec2
      .on(DescribeSnapshotsCommand)
      .resolves({ Snapshots: [{ SnapshotId: 'snap-old', VolumeId: 'vol-root', State: 'completed' }] });
    ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: 'snap-data' });
    const result = await snapshot(state(incident('ec2-compromise')), ctx);
    expect(ec2).toHaveReceivedCommandTimes(CreateSnapshotCommand, 1);
    expect(ec2).toHaveReceivedCommandWith(CreateSnapshotCommand, { VolumeId: 'vol-data' });
    expect(result.data).toEqual({ snapshots: { 'vol-root': 'snap-old', 'vol-data': 'snap-data' } });
  });

  it('throttling on CreateSnapshot (RequestLimitExceeded) is ThrottledError', async () => {
    describes(instance());
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    ec2
      .on(CreateSnapshotCommand)
      .rejects(Object.assign(new Error('Request limit exceeded.'), { name: 'RequestLimitExceeded' }));
    await expect(snapshot(state(incident('ec2-compromise')), ctx)).rejects.toThrow(ThrottledError);
  });
});

describe('detach-from-load-balancing', () => {
  // moto implements these APIs, but an instance in a moto Auto Scaling group cannot also be the e2e
  // instance with chosen volumes; this path is covered here.
  it('detaches from its Auto Scaling group keeping capacity, and deregisters from its target groups', async () => {
    autoScaling.on(DescribeAutoScalingInstancesCommand).resolves({
      AutoScalingInstances: [{ InstanceId: ID, AutoScalingGroupName: 'web', LifecycleState: 'InService' } as never],
    });
    autoScaling.on(DetachInstancesCommand).resolves({});
    elb.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [
        { TargetGroupArn: 'arn:tg/web', TargetType: 'instance' },
        { TargetGroupArn: 'arn:tg/other', TargetType: 'instance' },
        { TargetGroupArn: 'arn:tg/ips', TargetType: 'ip' },
      ],
    });
    elb.on(DescribeTargetHealthCommand, { TargetGroupArn: 'arn:tg/web' }).resolves({
      TargetHealthDescriptions: [
        { Target: { Id: ID, Port: 80 }, TargetHealth: { State: 'healthy' } },
        { Target: { Id: 'i-other', Port: 80 }, TargetHealth: { State: 'healthy' } },
      ],
    });
    elb.on(DescribeTargetHealthCommand, { TargetGroupArn: 'arn:tg/other' }).resolves({ TargetHealthDescriptions: [] });
    elb.on(DeregisterTargetsCommand).resolves({});
    const result = await detach(state(incident('ec2-compromise')), ctx);
    expect(changes(result)).toEqual(['autoscaling:DetachInstances', 'elasticloadbalancing:DeregisterTargets']);
    expect(autoScaling).toHaveReceivedCommandWith(DetachInstancesCommand, {
      AutoScalingGroupName: 'web',
      InstanceIds: [ID],
      ShouldDecrementDesiredCapacity: false,
    });
    expect(elb).toHaveReceivedCommandWith(DeregisterTargetsCommand, {
      TargetGroupArn: 'arn:tg/web',
      Targets: [{ Id: ID, Port: 80 }],
    });
    expect(elb).toHaveReceivedCommandTimes(DescribeTargetHealthCommand, 2);
  });

  it('already detached and deregistered: changes nothing', async () => {
    autoScaling.on(DescribeAutoScalingInstancesCommand).resolves({ AutoScalingInstances: [] });
    elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: 'arn:tg/web' }] });
    elb.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [{ Target: { Id: ID, Port: 80 }, TargetHealth: { State: 'draining' } }],
    });
    const result = await detach(state(incident('ec2-compromise')), ctx);
    expect(result.status).toBe('no-change');
    expect(autoScaling).not.toHaveReceivedCommand(DetachInstancesCommand);
    expect(elb).not.toHaveReceivedCommand(DeregisterTargetsCommand);
  });
});

describe('isolate-instance', () => {
  function isolationGroup(rules = false) {
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [
        {
          GroupId: ISOLATION,
          VpcId: 'vpc-1',
          IpPermissions: [],
          IpPermissionsEgress: rules ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] : [],
        },
      ],
    });
  }

  it("replaces every interface's security groups with the isolation group", async () => {
    describes(instance());
    isolationGroup();
    ec2.on(ModifyNetworkInterfaceAttributeCommand).resolves({});
    const result = await isolate(state(incident('ec2-compromise')), ctx);
    expect(ec2).toHaveReceivedCommandTimes(ModifyNetworkInterfaceAttributeCommand, 2);
    expect(ec2).toHaveReceivedCommandWith(ModifyNetworkInterfaceAttributeCommand, {
      NetworkInterfaceId: 'eni-1',
      Groups: [ISOLATION],
    });
    expect(result.data).toEqual({
      isolationGroup: ISOLATION,
      priorGroups: { 'eni-1': ['sg-web', 'sg-ssh'], 'eni-2': ['sg-db'] },
    });
    expect(ec2).toHaveReceivedCommandWith(DescribeSecurityGroupsCommand, {
      Filters: [
        { Name: 'vpc-id', Values: ['vpc-1'] },
        { Name: 'tag:rampart:component', Values: ['incident-response'] },
        { Name: 'tag:rampart:role', Values: ['isolation'] },
      ],
    });
  });

  it('instance already isolated: changes nothing', async () => {
    describes(
      instance({
        NetworkInterfaces: [
          { NetworkInterfaceId: 'eni-1', Groups: [{ GroupId: ISOLATION }] },
          { NetworkInterfaceId: 'eni-2', Groups: [{ GroupId: ISOLATION }] },
        ],
      }),
    );
    isolationGroup();
    const result = await isolate(state(incident('ec2-compromise')), ctx);
    expect(result.status).toBe('no-change');
    expect(ec2).not.toHaveReceivedCommand(ModifyNetworkInterfaceAttributeCommand);
  });

  it('no isolation group, or one with rules, in the VPC: IsolationGroupMissingError', async () => {
    describes(instance());
    isolationGroup(true);
    await expect(isolate(state(incident('ec2-compromise')), ctx)).rejects.toThrow(IsolationGroupMissingError);
    expect(ec2).not.toHaveReceivedCommand(ModifyNetworkInterfaceAttributeCommand);
  });

  it('dry run: plans the replacement per interface', async () => {
    describes(instance());
    isolationGroup();
    const result = await isolate(state(incident('ec2-compromise', { dryRun: true })), ctx);
    expect(result.actions.map((a) => `${a.status} ${a.target} ${a.detail}`)).toEqual([
      `planned eni-1 security groups sg-web, sg-ssh -> ${ISOLATION}`,
      `planned eni-2 security groups sg-db -> ${ISOLATION}`,
    ]);
    expect(ec2).not.toHaveReceivedCommand(ModifyNetworkInterfaceAttributeCommand);
  });

  it('throttling is ThrottledError', async () => {
    ec2.on(DescribeInstancesCommand).rejects(throttled());
    await expect(isolate(state(incident('ec2-compromise')), ctx)).rejects.toThrow(ThrottledError);
  });
});

describe('stop-instance', () => {
  it('stops a running instance', async () => {
    describes(instance());
    ec2.on(StopInstancesCommand).resolves({});
    await stop(state(incident('ec2-compromise', { stopInstance: true })), ctx);
    expect(ec2).toHaveReceivedCommandWith(StopInstancesCommand, { InstanceIds: [ID] });
  });

  it('already stopped: changes nothing', async () => {
    describes(instance({ State: { Name: 'stopped', Code: 80 } }));
    const result = await stop(state(incident('ec2-compromise', { stopInstance: true })), ctx);
    expect(result.status).toBe('no-change');
    expect(ec2).not.toHaveReceivedCommand(StopInstancesCommand);
  });
});

describe('never terminate', () => {
  it('no step calls TerminateInstances or may do so', () => {
    const src = join(import.meta.dirname, '../../../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const f of files) expect(readFileSync(join(src, f), 'utf8')).not.toMatch(/TerminateInstances/);
    const actions = STEP_FUNCTIONS.flatMap((s) => s.permissions.flatMap((p) => p.actions));
    expect(actions.filter((a) => /terminate|^ec2:\*|^autoscaling:(TerminateInstance|\*)/i.test(a))).toEqual([]);
  });
});
