import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { client } from '../../clients.js';
import { errorCode, ResourceNotFoundError } from '../../errors.js';
import type { StepContext } from '../../step.js';

/** Tags the playbook puts on the instance and its snapshots. */
export const INCIDENT_TAG = 'rampart:incident';
export const FINDING_TAG = 'rampart:finding-id';

/** A tag value EC2 accepts (at most 256 characters). */
export function tagValue(value: string): string {
  return value.slice(0, 256);
}

export function instanceId(ctx: StepContext): string {
  if (ctx.incident.target.type !== 'ec2-instance') throw new Error(`${ctx.step} acts on EC2 instances only`);
  return ctx.incident.target.instanceId;
}

export async function describeInstance(ctx: StepContext): Promise<Instance> {
  const id = instanceId(ctx);
  try {
    const out = await client(ctx.env, EC2Client, 'ec2').send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    const instance = out.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === id);
    if (instance !== undefined) return instance;
  } catch (error) {
    if (errorCode(error) !== 'InvalidInstanceID.NotFound') throw error;
  }
  throw new ResourceNotFoundError(`Instance ${id} does not exist`);
}

export function volumeIds(instance: Instance): string[] {
  return (instance.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs?.VolumeId ? [m.Ebs.VolumeId] : []));
}
