import type { Stack, StackResource } from '../stack.js';
import { isUnknown } from '../unknown.js';
import { isStackResource, satellitesOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, ResourceAdapter } from './types.js';
import { bool, idOr, list, num, record, str, strOrUnknown, tags } from './values.js';

export const SECURITY_GROUP_TOKENS = [
  'aws:ec2/securityGroup:SecurityGroup',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup',
] as const;
const INGRESS_RULE = ['aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule'];
const EGRESS_RULE = ['aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule'];
const LEGACY_RULE = ['aws:ec2/securityGroupRule:SecurityGroupRule'];
export const EBS_VOLUME_TOKENS = ['aws:ebs/volume:Volume'] as const;
const EBS_ENCRYPTION_BY_DEFAULT = ['aws:ebs/encryptionByDefault:EncryptionByDefault'];
const VOLUME_ATTACHMENT = ['aws:ec2/volumeAttachment:VolumeAttachment'];

/** Protocol as EC2 reports it: names for TCP, UDP and ICMP, `-1` for all. */
function protocol(value: unknown): unknown {
  if (isUnknown(value)) return value;
  const p = String(value ?? '-1').toLowerCase();
  return ({ all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp' } as Record<string, string>)[p] ?? p;
}

interface RuleSources {
  cidr4: unknown[];
  cidr6: unknown[];
  prefixLists: unknown[];
  groups: unknown[];
}

/** One IpPermission as AWS Config records it (`ipRanges` is Config's legacy copy of the IPv4 ranges). */
function permission(proto: unknown, fromPort: unknown, toPort: unknown, s: RuleSources): Record<string, unknown> {
  const p = protocol(proto);
  const ports = p === '-1' ? {} : { fromPort: num(fromPort) ?? null, toPort: num(toPort) ?? null };
  return {
    ...ports,
    ipProtocol: p,
    ipv4Ranges: s.cidr4.map((cidrIp) => ({ cidrIp })),
    ipRanges: s.cidr4,
    ipv6Ranges: s.cidr6.map((cidrIpv6) => ({ cidrIpv6 })),
    prefixListIds: s.prefixLists.map((prefixListId) => ({ prefixListId })),
    userIdGroupPairs: s.groups.map((groupId) => ({ groupId })),
  };
}

/** A possibly unknown list input: the marker itself when unknown, else its entries. */
function entries(value: unknown): unknown[] | object {
  return isUnknown(value) ? (value as object) : list(value);
}

function inlineRule(rule: unknown, groupId: string): unknown {
  if (isUnknown(rule)) return rule;
  const r = record(rule);
  const fields = ['cidrBlocks', 'ipv6CidrBlocks', 'prefixListIds', 'securityGroups'].map((k) => entries(r[k]));
  const unknownField = fields.find(isUnknown);
  if (unknownField !== undefined) return unknownField;
  const [cidr4, cidr6, prefixLists, groups] = fields as unknown[][];
  return permission(r['protocol'], r['fromPort'], r['toPort'], {
    cidr4: cidr4!,
    cidr6: cidr6!,
    prefixLists: prefixLists!,
    groups: [...groups!, ...(r['self'] === true ? [groupId] : [])],
  });
}

/** `aws.vpc.SecurityGroupIngressRule` / `EgressRule`: one source per rule. */
function vpcRule(rule: StackResource): unknown {
  const p = rule.props;
  const one = (v: unknown) => (v === undefined || v === null || v === '' ? [] : [v]);
  return permission(p['ipProtocol'], p['fromPort'], p['toPort'], {
    cidr4: one(p['cidrIpv4']),
    cidr6: one(p['cidrIpv6']),
    prefixLists: one(p['prefixListId']),
    groups: one(p['referencedSecurityGroupId']),
  });
}

/** `aws.ec2.SecurityGroupRule` (type ingress or egress). */
function legacyRule(rule: StackResource, groupId: string): unknown {
  const p = rule.props;
  return inlineRule(
    {
      protocol: p['protocol'],
      fromPort: p['fromPort'],
      toPort: p['toPort'],
      cidrBlocks: p['cidrBlocks'],
      ipv6CidrBlocks: p['ipv6CidrBlocks'],
      prefixListIds: p['prefixListIds'],
      securityGroups: p['sourceSecurityGroupId'] === undefined ? [] : [p['sourceSecurityGroupId']],
      self: p['self'],
    },
    groupId,
  );
}

function rulesOf(stack: Stack, group: StackResource, direction: 'ingress' | 'egress', groupId: string): unknown[] {
  const inline = group.props[direction];
  const out: unknown[] = isUnknown(inline) ? [inline] : list(inline).map((r) => inlineRule(r, groupId));
  const separate = satellitesOf(
    stack,
    group,
    SECURITY_GROUP_TOKENS,
    direction === 'ingress' ? INGRESS_RULE : EGRESS_RULE,
    'securityGroupId',
    [],
  );
  for (const s of separate) out.push(isStackResource(s) ? vpcRule(s) : s);
  for (const s of satellitesOf(stack, group, SECURITY_GROUP_TOKENS, LEGACY_RULE, 'securityGroupId', [])) {
    if (!isStackResource(s)) out.push(s);
    else if (s.props['type'] === direction) out.push(legacyRule(s, groupId));
    else if (isUnknown(s.props['type'])) out.push(s.props['type']);
  }
  return out;
}

/**
 * `aws.ec2.SecurityGroup` (inline `ingress`/`egress`), its `aws.vpc.SecurityGroupIngressRule`,
 * `SecurityGroupEgressRule` and `aws.ec2.SecurityGroupRule` resources, and `aws.ec2.DefaultSecurityGroup`.
 * The provider removes the default allow-all egress rule unless the program declares it, so only
 * declared rules are listed.
 */
export const securityGroupAdapter: ResourceAdapter = {
  resourceType: 'AWS::EC2::SecurityGroup',
  tokens: SECURITY_GROUP_TOKENS,
  satellites: [...INGRESS_RULE, ...EGRESS_RULE, ...LEGACY_RULE],
  adapt(group: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const isDefault = group.type === 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
    const groupId = idOr(group.props['id'], group.name);
    const groupName = isDefault ? 'default' : (strOrUnknown(group.props['name']) ?? group.name);
    return {
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: groupId,
      resourceName: typeof groupName === 'string' ? groupName : group.name,
      arn: `arn:${env.partition}:ec2:${env.region}:${env.accountId}:security-group/${groupId}`,
      tags: tags(group.props['tags']),
      configuration: {
        description: strOrUnknown(group.props['description']) ?? 'Managed by Pulumi',
        groupName,
        groupId,
        ownerId: env.accountId,
        vpcId: strOrUnknown(group.props['vpcId']) ?? null,
        ipPermissions: rulesOf(stack, group, 'ingress', groupId),
        ipPermissionsEgress: rulesOf(stack, group, 'egress', groupId),
      },
      supplementaryConfiguration: {},
    };
  },
};

function attachments(stack: Stack, volume: StackResource, volumeId: string): unknown[] {
  return satellitesOf(stack, volume, EBS_VOLUME_TOKENS, VOLUME_ATTACHMENT, 'volumeId', []).map((a) =>
    isStackResource(a)
      ? {
          device: strOrUnknown(a.props['deviceName']) ?? null,
          instanceId: strOrUnknown(a.props['instanceId']) ?? null,
          state: 'attached',
          volumeId,
          deleteOnTermination: false,
        }
      : a,
  );
}

/**
 * `aws.ebs.Volume` with its `aws.ec2.VolumeAttachment` resources. An unset `encrypted` is true only when the same stack turns on EBS encryption by
 * default (`aws.ebs.EncryptionByDefault`); the account's setting is not visible at preview.
 */
export const ebsVolumeAdapter: ResourceAdapter = {
  resourceType: 'AWS::EC2::Volume',
  tokens: EBS_VOLUME_TOKENS,
  satellites: VOLUME_ATTACHMENT,
  adapt(volume: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const volumeId = idOr(volume.props['id'], volume.name);
    const byDefault = stack.ofType(EBS_ENCRYPTION_BY_DEFAULT).some((r) => r.props['enabled'] !== false);
    return {
      resourceType: 'AWS::EC2::Volume',
      resourceId: volumeId,
      arn: `arn:${env.partition}:ec2:${env.region}:${env.accountId}:volume/${volumeId}`,
      tags: tags(volume.props['tags']),
      configuration: {
        volumeId,
        attachments: attachments(stack, volume, volumeId),
        availabilityZone: strOrUnknown(volume.props['availabilityZone']) ?? null,
        encrypted: bool(volume.props['encrypted'], byDefault),
        kmsKeyId: strOrUnknown(volume.props['kmsKeyId']) ?? null,
        size: num(volume.props['size']) ?? null,
        snapshotId: str(volume.props['snapshotId']) ?? null,
        state: stack.ofType(VOLUME_ATTACHMENT).length > 0 ? 'in-use' : 'available',
        volumeType: str(volume.props['type']) ?? 'gp3',
        multiAttachEnabled: volume.props['multiAttachEnabled'] === true,
      },
      supplementaryConfiguration: {},
    };
  },
};
