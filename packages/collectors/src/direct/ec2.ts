import {
  DescribeAddressesCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type IpPermission,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { EbsEncryptionByDefaultFact, EbsPublicSnapshotsFact } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const SG = 'AWS::EC2::SecurityGroup';
const VOLUME = 'AWS::EC2::Volume';
const INSTANCE = 'AWS::EC2::Instance';
const VPC = 'AWS::EC2::VPC';
const FLOW_LOG = 'AWS::EC2::FlowLog';
const NETWORK_ACL = 'AWS::EC2::NetworkAcl';
const ROUTE_TABLE = 'AWS::EC2::RouteTable';
const SUBNET = 'AWS::EC2::Subnet';
const NETWORK_INTERFACE = 'AWS::EC2::NetworkInterface';
const EIP = 'AWS::EC2::EIP';

type Relationship = { resourceType: string; resourceId: string; name: string };

const inVpc = (vpcId: string | undefined): Relationship[] =>
  vpcId ? [{ resourceType: VPC, resourceId: vpcId, name: 'Is contained in Vpc' }] : [];

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
  resourceTypes: [SG, VOLUME, INSTANCE, VPC, FLOW_LOG, NETWORK_ACL, ROUTE_TABLE, SUBNET, NETWORK_INTERFACE, EIP],
  factTypes: [EbsEncryptionByDefaultFact.type, EbsPublicSnapshotsFact.type],
  async read(ctx) {
    const ec2 = ctx.clients.get(EC2Client, 'ec2', ctx.region);
    const reads: (Promise<unknown> | false)[] = [];
    if (ctx.wants(EbsPublicSnapshotsFact.type)) {
      reads.push(
        ctx.attempt('DescribeSnapshots', [EbsPublicSnapshotsFact.type], async () => {
          const snapshotIds: string[] = [];
          const pages = paginateDescribeSnapshots(
            { client: ec2 },
            { OwnerIds: ['self'], RestorableByUserIds: ['all'] },
          );
          for await (const page of pages) for (const snap of page.Snapshots ?? []) snapshotIds.push(snap.SnapshotId!);
          ctx.fact(EbsPublicSnapshotsFact, { snapshotIds: snapshotIds.sort() });
        }),
      );
    }
    if (ctx.wants(EbsEncryptionByDefaultFact.type))
      reads.push(
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
      );
    reads.push(...readNetwork(ctx, ec2));
    if (ctx.readResources) {
      reads.push(
        ctx.wants(SG) &&
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
        ctx.wants(VOLUME) &&
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
        ctx.wants(INSTANCE) &&
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
        ctx.wants(VPC) &&
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
        ctx.wants(FLOW_LOG) &&
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

/** NACLs, route tables, subnets, network interfaces and Elastic IPs, as AWS Config records them. */
function readNetwork(ctx: ReaderContext, ec2: EC2Client): Promise<unknown>[] {
  const reads: Promise<unknown>[] = [];
  if (ctx.wants(NETWORK_ACL)) {
    reads.push(
      ctx.attempt('DescribeNetworkAcls', [NETWORK_ACL], async () => {
        for await (const page of paginateDescribeNetworkAcls({ client: ec2 }, {})) {
          for (const acl of page.NetworkAcls ?? []) {
            const configuration = configObject(acl);
            configuration['tags'] ??= [];
            ctx.item({
              resourceType: NETWORK_ACL,
              resourceId: acl.NetworkAclId!,
              arn: arn(ctx, 'network-acl', acl.NetworkAclId!),
              tags: tagMap(acl.Tags),
              configuration,
              relationships: [
                ...(acl.Associations ?? [])
                  .filter((a) => a.SubnetId !== undefined)
                  .map((a) => ({ resourceType: SUBNET, resourceId: a.SubnetId!, name: 'Is attached to Subnet' })),
                ...inVpc(acl.VpcId),
              ],
            });
          }
        }
      }),
    );
  }
  if (ctx.wants(ROUTE_TABLE)) {
    reads.push(
      ctx.attempt('DescribeRouteTables', [ROUTE_TABLE], async () => {
        for await (const page of paginateDescribeRouteTables({ client: ec2 }, {})) {
          for (const table of page.RouteTables ?? []) {
            const configuration = configObject(table);
            configuration['tags'] ??= [];
            configuration['propagatingVgws'] ??= [];
            ctx.item({
              resourceType: ROUTE_TABLE,
              resourceId: table.RouteTableId!,
              arn: arn(ctx, 'route-table', table.RouteTableId!),
              tags: tagMap(table.Tags),
              configuration,
              relationships: [
                ...(table.Associations ?? [])
                  .filter((a) => a.SubnetId !== undefined)
                  .map((a) => ({ resourceType: SUBNET, resourceId: a.SubnetId!, name: 'Contains Subnet' })),
                ...inVpc(table.VpcId),
              ],
            });
          }
        }
      }),
    );
  }
  if (ctx.wants(SUBNET)) {
    reads.push(
      ctx.attempt('DescribeSubnets', [SUBNET], async () => {
        for await (const page of paginateDescribeSubnets({ client: ec2 }, {})) {
          for (const subnet of page.Subnets ?? []) {
            const configuration = configObject(subnet);
            configuration['tags'] ??= [];
            configuration['ipv6CidrBlockAssociationSet'] ??= [];
            ctx.item({
              resourceType: SUBNET,
              resourceId: subnet.SubnetId!,
              arn: subnet.SubnetArn ?? arn(ctx, 'subnet', subnet.SubnetId!),
              tags: tagMap(subnet.Tags),
              configuration,
              relationships: inVpc(subnet.VpcId),
            });
          }
        }
      }),
    );
  }
  if (ctx.wants(NETWORK_INTERFACE)) {
    reads.push(
      ctx.attempt('DescribeNetworkInterfaces', [NETWORK_INTERFACE], async () => {
        for await (const page of paginateDescribeNetworkInterfaces({ client: ec2 }, {})) {
          for (const eni of page.NetworkInterfaces ?? []) {
            const configuration = configObject(eni);
            configuration['groups'] ??= [];
            configuration['tagSet'] ??= [];
            ctx.item({
              resourceType: NETWORK_INTERFACE,
              resourceId: eni.NetworkInterfaceId!,
              arn: arn(ctx, 'network-interface', eni.NetworkInterfaceId!),
              tags: tagMap(eni.TagSet),
              configuration,
              relationships: [
                ...(eni.Groups ?? [])
                  .filter((g) => g.GroupId !== undefined)
                  .map((g) => ({ resourceType: SG, resourceId: g.GroupId!, name: 'Is associated with SecurityGroup' })),
                ...(eni.SubnetId
                  ? [{ resourceType: SUBNET, resourceId: eni.SubnetId, name: 'Is contained in Subnet' }]
                  : []),
                ...inVpc(eni.VpcId),
              ],
            });
          }
        }
      }),
    );
  }
  if (ctx.wants(EIP)) {
    reads.push(
      // DescribeAddresses is not paged: it returns every address of the region.
      ctx.attempt('DescribeAddresses', [EIP], async () => {
        for (const address of (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? []) {
          // EC2-Classic addresses have no allocation id; AWS Config identifies those by public IP.
          const id = address.AllocationId ?? address.PublicIp!;
          const configuration = configObject(address);
          configuration['tags'] ??= [];
          ctx.item({
            resourceType: EIP,
            resourceId: id,
            arn: null,
            tags: tagMap(address.Tags),
            configuration,
            relationships: address.NetworkInterfaceId
              ? [
                  {
                    resourceType: NETWORK_INTERFACE,
                    resourceId: address.NetworkInterfaceId,
                    name: 'Is attached to NetworkInterface',
                  },
                ]
              : [],
          });
        }
      }),
    );
  }
  return reads;
}
