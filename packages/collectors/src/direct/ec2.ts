import {
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type IpPermission,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { EbsEncryptionByDefaultFact } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const SG = 'AWS::EC2::SecurityGroup';
const VOLUME = 'AWS::EC2::Volume';
const INSTANCE = 'AWS::EC2::Instance';
const VPC = 'AWS::EC2::VPC';
const FLOW_LOG = 'AWS::EC2::FlowLog';

/**
 * AWS Config records a rule's IPv4 sources twice: `ipRanges` as plain CIDR strings and
 * `ipv4Ranges` as objects; the EC2 API has only `IpRanges` objects.
 */
function permission(p: IpPermission): Record<string, unknown> {
  const shaped = configObject({ ...p, IpRanges: undefined });
  shaped['ipv4Ranges'] = (p.IpRanges ?? []).map((r) => configObject(r));
  shaped['ipRanges'] = (p.IpRanges ?? []).map((r) => r.CidrIp).filter((c): c is string => c !== undefined);
  shaped['ipv6Ranges'] ??= [];
  shaped['prefixListIds'] ??= [];
  shaped['userIdGroupPairs'] ??= [];
  return shaped;
}

function arn(ctx: ReaderContext, kind: string, id: string): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:${kind}/${id}`;
}

export const ec2Reader: ServiceReader = {
  service: 'ec2',
  scope: 'regional',
  resourceTypes: [SG, VOLUME, INSTANCE, VPC, FLOW_LOG],
  factTypes: [EbsEncryptionByDefaultFact.type],
  async read(ctx) {
    const ec2 = ctx.clients.get(EC2Client, 'ec2', ctx.region);
    const reads: Promise<unknown>[] = [
      ctx.attempt('GetEbsEncryptionByDefault', [EbsEncryptionByDefaultFact.type], async () => {
        const enabled = (await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault === true;
        if (!enabled) {
          ctx.fact(EbsEncryptionByDefaultFact, { enabled });
          return;
        }
        // The default key only names which key encrypts; the verdict stands without it, so a failure
        // here is recorded (no type left unknown) and the fact is kept without the key.
        try {
          const key = await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
          ctx.fact(EbsEncryptionByDefaultFact, { enabled, kmsKeyId: key.KmsKeyId ?? null });
        } catch (error) {
          ctx.fail('GetEbsDefaultKmsKeyId', [], error);
          ctx.fact(EbsEncryptionByDefaultFact, { enabled });
        }
      }),
    ];
    if (ctx.readResources) {
      reads.push(
        ctx.attempt('DescribeSecurityGroups', [SG], async () => {
          for await (const page of paginateDescribeSecurityGroups({ client: ec2 }, {})) {
            for (const sg of page.SecurityGroups ?? []) {
              const id = sg.GroupId!;
              const configuration = configObject(sg);
              configuration['ipPermissions'] = (sg.IpPermissions ?? []).map(permission);
              configuration['ipPermissionsEgress'] = (sg.IpPermissionsEgress ?? []).map(permission);
              configuration['tags'] ??= [];
              ctx.item({
                resourceType: SG,
                resourceId: id,
                resourceName: sg.GroupName,
                arn: arn(ctx, 'security-group', id),
                tags: tagMap(sg.Tags),
                configuration,
                relationships: sg.VpcId
                  ? [{ resourceType: VPC, resourceId: sg.VpcId, name: 'Is contained in Vpc' }]
                  : [],
              });
            }
          }
        }),
        ctx.attempt('DescribeVolumes', [VOLUME], async () => {
          for await (const page of paginateDescribeVolumes({ client: ec2 }, {})) {
            for (const v of page.Volumes ?? []) {
              const configuration = configObject(v);
              configuration['attachments'] ??= [];
              configuration['kmsKeyId'] ??= null;
              ctx.item({
                resourceType: VOLUME,
                resourceId: v.VolumeId!,
                arn: arn(ctx, 'volume', v.VolumeId!),
                tags: tagMap(v.Tags),
                configuration,
              });
            }
          }
        }),
        ctx.attempt('DescribeInstances', [INSTANCE], async () => {
          for await (const page of paginateDescribeInstances({ client: ec2 }, {})) {
            for (const reservation of page.Reservations ?? []) {
              for (const i of reservation.Instances ?? []) {
                const configuration = configObject(i);
                configuration['publicIpAddress'] ??= null;
                ctx.item({
                  resourceType: INSTANCE,
                  resourceId: i.InstanceId!,
                  arn: arn(ctx, 'instance', i.InstanceId!),
                  tags: tagMap(i.Tags),
                  configuration,
                });
              }
            }
          }
        }),
        ctx.attempt('DescribeVpcs', [VPC], async () => {
          for await (const page of paginateDescribeVpcs({ client: ec2 }, {})) {
            for (const v of page.Vpcs ?? []) {
              ctx.item({
                resourceType: VPC,
                resourceId: v.VpcId!,
                arn: arn(ctx, 'vpc', v.VpcId!),
                tags: tagMap(v.Tags),
                configuration: configObject(v),
              });
            }
          }
        }),
        ctx.attempt('DescribeFlowLogs', [FLOW_LOG], async () => {
          for await (const page of paginateDescribeFlowLogs({ client: ec2 }, {})) {
            for (const fl of page.FlowLogs ?? []) {
              ctx.item({
                resourceType: FLOW_LOG,
                resourceId: fl.FlowLogId!,
                arn: arn(ctx, 'vpc-flow-log', fl.FlowLogId!),
                tags: tagMap(fl.Tags),
                configuration: configObject(fl),
                relationships: fl.ResourceId?.startsWith('vpc-')
                  ? [{ resourceType: VPC, resourceId: fl.ResourceId, name: 'Is associated with Vpc' }]
                  : [],
              });
            }
          }
        }),
      );
    }
    await Promise.all(reads);
  },
};
