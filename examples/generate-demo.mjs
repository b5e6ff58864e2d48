#!/usr/bin/env node
// Writes examples/demo-account.jsonl: a version-1 Rampart snapshot of "Acme Payments", a small,
// fictional AWS account (111122223333, eu-west-1) used by `rampart demo`.
//
// The account is mostly well run, with the gaps a real one tends to have: a dual-homed bastion with
// SSH open to the world, a forgotten Windows box behind a Classic Load Balancer with plain HTTP, an
// unencrypted legacy bucket, database and snapshot, an old access key, a weak password policy, an
// internal back-office ALB nobody hardened, an API stage without WAF, a public Lambda function URL,
// a privileged ECS sidecar, a lazy kms:* grant, a pending-reboot kernel patch, untriaged GuardDuty
// findings, no Shield Advanced, one incident-response playbook not deployed, a build project with
// an access key pasted into it, a research notebook on the internet, a public DMS instance left from
// the 2023 migration, an ad-hoc EMR cluster on a public IP, databases that accept plaintext, ...
//
// Configuration items keep the field names and structures AWS Config records. Most are in the
// invoking-event shape; some are in the Config API shape (GetResourceConfigHistory: `configuration`
// and `supplementaryConfiguration` values as JSON strings, epoch-second capture times) and a few are
// SelectResourceConfig rows (tags as a key/value list), so the demo exercises all three.
//
// Deterministic: no clock, no randomness. Identifiers are derived from names with a hash.
// Run: node examples/generate-demo.mjs

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const GLOBAL = 'global';
const CAPTURED_AT = '2026-11-29T08:00:00Z';
const OUT = fileURLToPath(new URL('./demo-account.jsonl', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Deterministic identifiers

/** 32-bit FNV-1a. */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `length` characters from `alphabet`, derived from `seed`. */
function derive(seed, length, alphabet) {
  let out = '';
  let h = fnv(seed);
  for (let i = 0; out.length < length; i++) {
    h = fnv(`${seed}#${i}#${h}`);
    let x = h;
    for (let j = 0; j < 4 && out.length < length; j++) {
      out += alphabet[x % alphabet.length];
      x = Math.floor(x / alphabet.length);
    }
  }
  return out;
}

const HEX = '0123456789abcdef';
const hex = (seed, n) => derive(seed, n, HEX);
/** EC2-style id: `sg-0` + 16 hex digits. */
const ec2Id = (prefix, seed) => `${prefix}-0${hex(`${prefix}:${seed}`, 16)}`;
/** IAM unique id: `AIDA` / `AROA` / `AGPA` / `ANPA` + 17 characters. */
const iamId = (prefix, seed) => `${prefix}${derive(`${prefix}:${seed}`, 17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
/** A version-4 style UUID. */
const uuid = (seed) => {
  const h = hex(`uuid:${seed}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[fnv(seed) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A capture time in the ten days before the snapshot, derived from the seed. */
function captureTime(seed) {
  const base = Date.parse('2026-11-19T06:00:00.000Z');
  const offset = fnv(`t:${seed}`) % (10 * 24 * 3600 * 1000 - 3 * 3600 * 1000);
  return new Date(base + offset).toISOString();
}

const S3_OWNER = 'c4f7e1d09a8b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f';

// ---------------------------------------------------------------------------------------------
// Item shapes

/** An invoking-event configuration item (`configurationItemVersion` 1.3). */
function ci({
  type,
  id,
  name = null,
  arn = null,
  region = REGION,
  az = 'Not Applicable',
  created = null,
  tags = {},
  relationships = [],
  configuration,
  supplementary = {},
  status = 'OK',
}) {
  const time = captureTime(`${type}/${id}`);
  return {
    version: '1.3',
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: time,
    configurationStateId: Date.parse(time),
    awsAccountId: ACCOUNT,
    configurationItemStatus: status,
    resourceType: type,
    resourceId: id,
    resourceName: name,
    ARN: arn,
    awsRegion: region,
    availabilityZone: az,
    configurationStateMd5Hash: '',
    resourceCreationTime: created,
    tags,
    relatedEvents: [],
    relationships: relationships.map(([resourceType, resourceId, relName, resourceName = null]) => ({
      resourceId,
      resourceName,
      resourceType,
      name: relName,
    })),
    configuration,
    supplementaryConfiguration: supplementary,
  };
}

/** The same item as GetResourceConfigHistory returns it (Config API shape). */
function api(item) {
  const supplementary = {};
  for (const [key, value] of Object.entries(item.supplementaryConfiguration ?? {})) {
    supplementary[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return {
    version: '1.3',
    accountId: item.awsAccountId,
    configurationItemCaptureTime: Date.parse(item.configurationItemCaptureTime) / 1000,
    configurationItemStatus: item.configurationItemStatus,
    configurationStateId: String(item.configurationStateId),
    configurationItemMD5Hash: '',
    arn: item.ARN,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    awsRegion: item.awsRegion,
    availabilityZone: item.availabilityZone,
    resourceCreationTime: item.resourceCreationTime === null ? null : Date.parse(item.resourceCreationTime) / 1000,
    tags: item.tags,
    relatedEvents: [],
    relationships: item.relationships.map((r) => ({
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      relationshipName: r.name,
    })),
    configuration: JSON.stringify(item.configuration),
    supplementaryConfiguration: supplementary,
  };
}

/** The same item as a SelectResourceConfig result row (`SELECT *`): tags as a key/value list. */
function select(item) {
  return {
    version: '1.3',
    accountId: item.awsAccountId,
    configurationItemCaptureTime: item.configurationItemCaptureTime,
    configurationItemStatus: item.configurationItemStatus,
    configurationStateId: String(item.configurationStateId),
    arn: item.ARN,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    awsRegion: item.awsRegion,
    availabilityZone: item.availabilityZone,
    resourceCreationTime: item.resourceCreationTime,
    tags: Object.entries(item.tags ?? {}).map(([key, value]) => ({ key, value })),
    relationships: item.relationships.map((r) => ({
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      relationshipName: r.name,
    })),
    configuration: item.configuration,
    supplementaryConfiguration: item.supplementaryConfiguration,
  };
}

/** A Rampart account-level fact in the CI envelope. */
function fact(type, scope, configuration) {
  const region = scope === 'global' ? GLOBAL : REGION;
  return {
    resourceType: type,
    resourceId: scope === 'global' ? ACCOUNT : `${ACCOUNT}/${REGION}`,
    awsAccountId: ACCOUNT,
    awsRegion: region,
    configurationItemCaptureTime: '2026-11-29T07:59:30.000Z',
    configuration,
  };
}

const tagList = (tags) => Object.entries(tags).map(([key, value]) => ({ key, value }));

/** IAM policy documents as AWS Config stores them: URL-encoded JSON (`*` as %2A, as AWS Config writes it). */
const urlEncoded = (doc) => encodeURIComponent(JSON.stringify(doc, null, 4)).replace(/\*/g, '%2A');

const items = [];
const add = (item) => {
  items.push(item);
  return item;
};

// ---------------------------------------------------------------------------------------------
// KMS keys

const arnKey = (keyId) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;
const KEY = {
  data: uuid('kms:acme-app-data'),
  logs: uuid('kms:acme-logs'),
  rds: uuid('kms:acme-rds'),
  migration: uuid('kms:acme-migration-2023'),
  awsS3: uuid('kms:aws/s3'),
  signing: uuid('kms:acme-webhook-signing'),
};

function kmsKey(
  keyId,
  {
    name,
    description,
    manager = 'CUSTOMER',
    state = 'Enabled',
    deletionDate = null,
    spec = 'SYMMETRIC_DEFAULT',
    usage = 'ENCRYPT_DECRYPT',
    rotation,
    created,
    tags = {},
    policy,
  },
) {
  const signing = usage === 'SIGN_VERIFY';
  return ci({
    type: 'AWS::KMS::Key',
    id: keyId,
    arn: arnKey(keyId),
    created,
    tags: name ? { Name: name, ...tags } : tags,
    configuration: {
      awsaccountId: ACCOUNT,
      keyId,
      arn: arnKey(keyId),
      creationDate: created,
      enabled: state === 'Enabled',
      description,
      keyUsage: usage,
      keyState: state,
      deletionDate,
      validTo: null,
      origin: 'AWS_KMS',
      customKeyStoreId: null,
      cloudHsmClusterId: null,
      expirationModel: null,
      keyManager: manager,
      customerMasterKeySpec: spec,
      keySpec: spec,
      encryptionAlgorithms: signing ? [] : ['SYMMETRIC_DEFAULT'],
      signingAlgorithms: signing ? ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'] : [],
      macAlgorithms: [],
      multiRegion: false,
      multiRegionConfiguration: null,
      pendingDeletionWindowInDays: state === 'PendingDeletion' ? 30 : null,
    },
    supplementary: {
      ...(rotation === undefined ? {} : { KeyRotationStatus: rotation }),
      // Not recorded by AWS Config: Rampart's collector adds kms:GetKeyPolicy's document.
      ...(policy ? { Policy: JSON.stringify(policy, null, 2) } : {}),
    },
  });
}

// Key policies (kms:GetKeyPolicy). Keys are administered by the platform pipeline's role.
const KEY_ADMIN = `arn:aws:iam::${ACCOUNT}:role/acme-platform-provisioner`;
const keyPolicy = (...statements) => ({
  Version: '2012-10-17',
  Id: 'key-policy-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: KEY_ADMIN },
      Action: [
        'kms:Create*',
        'kms:Describe*',
        'kms:Enable*',
        'kms:List*',
        'kms:Put*',
        'kms:Update*',
        'kms:Revoke*',
        'kms:Disable*',
        'kms:Get*',
        'kms:Delete*',
        'kms:TagResource',
        'kms:UntagResource',
        'kms:ScheduleKeyDeletion',
        'kms:CancelKeyDeletion',
      ],
      Resource: '*',
    },
    ...statements,
  ],
});
const keyUsers = (
  sid,
  roles,
  actions = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: roles.map((r) => `arn:aws:iam::${ACCOUNT}:role/${r}`) },
  Action: actions,
  Resource: '*',
});

add(
  kmsKey(KEY.data, {
    name: 'acme-app-data',
    description: 'Application data (S3, EBS, Secrets Manager)',
    rotation: true,
    created: '2024-03-11T09:02:17.331Z',
    tags: { team: 'platform' },
    policy: keyPolicy(keyUsers('Allow use of the key', ['acme-payments-api', 'acme-ec2-app', 'acme-data-pipeline'])),
  }),
);
add(
  kmsKey(KEY.logs, {
    name: 'acme-logs',
    description: 'CloudTrail, CloudWatch Logs and SNS alerts',
    rotation: true,
    created: '2024-03-11T09:04:52.118Z',
    tags: { team: 'security' },
    policy: keyPolicy(
      {
        Sid: 'Allow CloudTrail to encrypt logs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail` },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
        },
      },
      {
        Sid: 'Allow CloudWatch Logs',
        Effect: 'Allow',
        Principal: { Service: `logs.${REGION}.amazonaws.com` },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Condition: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:*` },
        },
      },
      {
        Sid: 'Allow EventBridge to publish to the encrypted alerts topic',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
      },
    ),
  }),
);
add(
  api(
    kmsKey(KEY.rds, {
      name: 'acme-rds',
      description: 'RDS storage encryption',
      rotation: false,
      created: '2024-05-20T14:31:09.904Z',
      tags: { team: 'platform' },
      policy: keyPolicy({
        Sid: 'Allow access through RDS for all principals in the account that are authorized to use RDS',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:ListGrants',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `rds.${REGION}.amazonaws.com` } },
      }),
    }),
  ),
);
add(
  api(
    kmsKey(KEY.migration, {
      name: 'acme-migration-2023',
      description: 'Temporary key for the 2023 data-centre migration',
      state: 'PendingDeletion',
      deletionDate: '2026-12-17T10:14:00.000Z',
      rotation: false,
      created: '2023-02-06T11:47:35.220Z',
      policy: keyPolicy({
        Sid: 'AllowMigrationVendorRoles',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/acme-migration-*' } },
      }),
    }),
  ),
);
add(
  kmsKey(KEY.awsS3, {
    description: 'Default key that protects my S3 objects when no other key is defined',
    manager: 'AWS',
    rotation: true,
    created: '2024-03-12T16:20:41.007Z',
    policy: {
      Version: '2012-10-17',
      Id: 'auto-s3-2',
      Statement: [
        {
          Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `s3.${REGION}.amazonaws.com` } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
          Resource: '*',
        },
      ],
    },
  }),
);
add(
  kmsKey(KEY.signing, {
    name: 'acme-webhook-signing',
    description: 'Signs outgoing payment webhooks',
    spec: 'RSA_2048',
    usage: 'SIGN_VERIFY',
    rotation: false,
    created: '2025-01-15T08:12:54.660Z',
    tags: { team: 'payments' },
    policy: keyPolicy({
      Sid: 'AllowPaymentsApiSigning',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/acme-payments-api` },
      Action: 'kms:*',
      Resource: '*',
    }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Network: VPCs, subnets, flow log, security groups

const VPC = { prod: ec2Id('vpc', 'acme-prod'), default: ec2Id('vpc', 'default') };
const SUBNET = {
  privA: ec2Id('subnet', 'prod-private-a'),
  privB: ec2Id('subnet', 'prod-private-b'),
  pubA: ec2Id('subnet', 'prod-public-a'),
  pubB: ec2Id('subnet', 'prod-public-b'),
  fwA: ec2Id('subnet', 'prod-firewall-a'),
  fwB: ec2Id('subnet', 'prod-firewall-b'),
  defA: ec2Id('subnet', 'default-a'),
};
/** Where each subnet is: VPC, availability zone suffix, CIDR. */
const SUBNET_INFO = {
  privA: { vpc: 'prod', az: 'a', cidr: '10.40.1.0/24', name: 'acme-prod-private-a' },
  privB: { vpc: 'prod', az: 'b', cidr: '10.40.2.0/24', name: 'acme-prod-private-b' },
  pubA: { vpc: 'prod', az: 'a', cidr: '10.40.101.0/24', name: 'acme-prod-public-a' },
  pubB: { vpc: 'prod', az: 'b', cidr: '10.40.102.0/24', name: 'acme-prod-public-b' },
  fwA: { vpc: 'prod', az: 'a', cidr: '10.40.201.0/28', name: 'acme-prod-firewall-a' },
  fwB: { vpc: 'prod', az: 'b', cidr: '10.40.202.0/28', name: 'acme-prod-firewall-b' },
  defA: { vpc: 'default', az: 'a', cidr: '172.31.0.0/20', name: null },
};

const SG = {
  prodDefault: ec2Id('sg', 'prod-default'),
  defDefault: ec2Id('sg', 'default-default'),
  alb: ec2Id('sg', 'acme-web-alb'),
  app: ec2Id('sg', 'acme-app'),
  db: ec2Id('sg', 'acme-db'),
  bastion: ec2Id('sg', 'acme-bastion'),
  windows: ec2Id('sg', 'acme-legacy-windows'),
  isolation: ec2Id('sg', 'rampart-ir-isolation'),
  endpoints: ec2Id('sg', 'acme-vpc-endpoints'),
  reporting: ec2Id('sg', 'acme-reporting-db'),
  monitoring: ec2Id('sg', 'acme-monitoring'),
  portalElb: ec2Id('sg', 'acme-legacy-portal-elb'),
  backofficeAlb: ec2Id('sg', 'acme-backoffice-alb'),
};
const SG_NAME = {
  prodDefault: 'default',
  defDefault: 'default',
  alb: 'acme-web-alb',
  app: 'acme-app',
  db: 'acme-db',
  bastion: 'acme-bastion',
  windows: 'acme-legacy-windows',
  isolation: 'rampart-ir-isolation',
  endpoints: 'acme-vpc-endpoints',
  reporting: 'acme-reporting-db',
  monitoring: 'acme-monitoring',
  portalElb: 'acme-legacy-portal-elb',
  backofficeAlb: 'acme-backoffice-alb',
};

function vpc(id, { name, cidr, isDefault, contains }) {
  return ci({
    type: 'AWS::EC2::VPC',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${id}`,
    tags: name ? { Name: name } : {},
    relationships: contains,
    configuration: {
      cidrBlock: cidr,
      dhcpOptionsId: ec2Id('dopt', 'main'),
      state: 'available',
      vpcId: id,
      ownerId: ACCOUNT,
      instanceTenancy: 'default',
      ipv6CidrBlockAssociationSet: [],
      cidrBlockAssociationSet: [
        {
          associationId: ec2Id('vpc-cidr-assoc', id),
          cidrBlock: cidr,
          cidrBlockState: { state: 'associated', statusMessage: null },
        },
      ],
      isDefault,
      tags: name ? tagList({ Name: name }) : [],
    },
  });
}

add(
  vpc(VPC.prod, {
    name: 'acme-prod',
    cidr: '10.40.0.0/16',
    isDefault: false,
    contains: [
      ['AWS::EC2::NetworkAcl', ec2Id('acl', 'prod'), 'Contains NetworkAcl'],
      ...Object.entries(SG)
        .filter(([k]) => !['defDefault', 'windows', 'portalElb'].includes(k))
        .map(([, sg]) => ['AWS::EC2::SecurityGroup', sg, 'Contains SecurityGroup']),
      ...['privA', 'privB', 'pubA', 'pubB', 'fwA', 'fwB'].map((s) => [
        'AWS::EC2::Subnet',
        SUBNET[s],
        'Contains Subnet',
      ]),
    ],
  }),
);
add(
  vpc(VPC.default, {
    name: null,
    cidr: '172.31.0.0/16',
    isDefault: true,
    contains: [
      ['AWS::EC2::NetworkAcl', ec2Id('acl', 'default'), 'Contains NetworkAcl'],
      ['AWS::EC2::SecurityGroup', SG.defDefault, 'Contains SecurityGroup'],
      ['AWS::EC2::SecurityGroup', SG.windows, 'Contains SecurityGroup'],
      ['AWS::EC2::SecurityGroup', SG.portalElb, 'Contains SecurityGroup'],
      ['AWS::EC2::Subnet', SUBNET.defA, 'Contains Subnet'],
    ],
  }),
);

const FLOW_LOG = ec2Id('fl', 'acme-prod');
/** The default flow log record format: `${version} ${account-id} ...`. */
const FLOW_LOG_FORMAT = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
]
  .map((field) => `\${${field}}`)
  .join(' ');
add(
  ci({
    type: 'AWS::EC2::FlowLog',
    id: FLOW_LOG,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-flow-log/${FLOW_LOG}`,
    created: '2024-03-12T10:05:44.310Z',
    relationships: [['AWS::EC2::VPC', VPC.prod, 'Is associated with Vpc']],
    configuration: {
      creationTime: '2024-03-12T10:05:44.310Z',
      deliverLogsErrorMessage: null,
      deliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/acme-vpc-flow-logs`,
      deliverLogsStatus: 'SUCCESS',
      flowLogId: FLOW_LOG,
      flowLogStatus: 'ACTIVE',
      logGroupName: '/aws/vpc/flow-logs/acme-prod',
      resourceId: VPC.prod,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vpc/flow-logs/acme-prod`,
      logFormat: FLOW_LOG_FORMAT,
      destinationOptions: null,
      tags: [],
      maxAggregationInterval: 600,
    },
  }),
);

/** One ingress or egress rule as AWS Config records it. */
function rule({ protocol = 'tcp', from, to = from, cidrs = [], cidrs6 = [], groups = [] }) {
  const all = protocol === '-1';
  return {
    ...(all ? {} : { fromPort: from }),
    ipProtocol: protocol,
    ipv6Ranges: cidrs6.map((c) => ({ cidrIpv6: c })),
    prefixListIds: [],
    ...(all ? {} : { toPort: to }),
    userIdGroupPairs: groups.map((g) => ({ groupId: g, userId: ACCOUNT })),
    ipv4Ranges: cidrs.map((c) => ({ cidrIp: c })),
    ipRanges: cidrs,
  };
}
const EGRESS_ALL = [rule({ protocol: '-1', cidrs: ['0.0.0.0/0'] })];

function securityGroup(id, { name, description, vpcId, ingress, egress = EGRESS_ALL, tags = {} }) {
  const allTags = name === 'default' ? tags : { Name: name, ...tags };
  return ci({
    type: 'AWS::EC2::SecurityGroup',
    id,
    name,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`,
    tags: allTags,
    relationships: [['AWS::EC2::VPC', vpcId, 'Is contained in Vpc']],
    configuration: {
      description,
      groupName: name,
      ipPermissions: ingress,
      ownerId: ACCOUNT,
      groupId: id,
      ipPermissionsEgress: egress,
      tags: tagList(allTags),
      vpcId,
    },
  });
}

add(
  securityGroup(SG.prodDefault, {
    name: 'default',
    description: 'default VPC security group',
    vpcId: VPC.prod,
    ingress: [],
    egress: [],
  }),
);
add(
  securityGroup(SG.defDefault, {
    name: 'default',
    description: 'default VPC security group',
    vpcId: VPC.default,
    ingress: [rule({ protocol: '-1', groups: [SG.defDefault] })],
  }),
);
add(
  securityGroup(SG.alb, {
    name: 'acme-web-alb',
    description: 'Public HTTPS listener of the payments ALB',
    vpcId: VPC.prod,
    ingress: [rule({ from: 443, cidrs: ['0.0.0.0/0'], cidrs6: ['::/0'] })],
    tags: { team: 'platform' },
  }),
);
add(
  api(
    securityGroup(SG.app, {
      name: 'acme-app',
      description: 'Payments API containers and web instances',
      vpcId: VPC.prod,
      ingress: [rule({ from: 8080, groups: [SG.alb] }), rule({ from: 22, groups: [SG.bastion] })],
      tags: { team: 'payments' },
    }),
  ),
);
add(
  securityGroup(SG.db, {
    name: 'acme-db',
    description: 'PostgreSQL from the application tier',
    vpcId: VPC.prod,
    ingress: [rule({ from: 5432, groups: [SG.app] })],
    egress: [],
    tags: { team: 'platform' },
  }),
);
add(
  securityGroup(SG.bastion, {
    name: 'acme-bastion',
    description: 'SSH bastion',
    vpcId: VPC.prod,
    ingress: [rule({ from: 22, cidrs: ['0.0.0.0/0'] })],
    tags: { team: 'platform' },
  }),
);
add(
  securityGroup(SG.windows, {
    name: 'acme-legacy-windows',
    description: 'launch-wizard-3 created 2022-08-17T14:02:11.512Z',
    vpcId: VPC.default,
    ingress: [rule({ from: 3389, cidrs: ['0.0.0.0/0'] }), rule({ from: 443, cidrs: ['0.0.0.0/0'] })],
    tags: { owner: 'finance-it' },
  }),
);
add(
  securityGroup(SG.isolation, {
    name: 'rampart-ir-isolation',
    description: 'Rampart incident response: isolates a compromised instance (no inbound, no outbound)',
    vpcId: VPC.prod,
    ingress: [],
    egress: [],
    tags: { 'rampart:component': 'incident-response' },
  }),
);
add(
  api(
    securityGroup(SG.endpoints, {
      name: 'acme-vpc-endpoints',
      description: 'Interface VPC endpoints (HTTPS from the VPC)',
      vpcId: VPC.prod,
      ingress: [rule({ from: 443, cidrs: ['10.40.0.0/16'] })],
      tags: { team: 'platform' },
    }),
  ),
);
add(
  securityGroup(SG.reporting, {
    name: 'acme-reporting-db',
    description: 'MySQL for the BI tool at the partner office',
    vpcId: VPC.prod,
    ingress: [rule({ from: 3306, cidrs: ['203.0.113.0/24'] }), rule({ from: 3306, groups: [SG.app] })],
    tags: { team: 'data' },
  }),
);
add(
  securityGroup(SG.monitoring, {
    name: 'acme-monitoring',
    description: 'Prometheus node exporter and ICMP from the VPC',
    vpcId: VPC.prod,
    ingress: [
      rule({ from: 9100, cidrs: ['10.40.0.0/16'] }),
      rule({ protocol: 'icmp', from: -1, to: -1, cidrs: ['0.0.0.0/0'] }),
    ],
    tags: { team: 'platform' },
  }),
);

add(
  securityGroup(SG.portalElb, {
    name: 'acme-legacy-portal-elb',
    description: 'Partner portal classic load balancer (HTTP and HTTPS from anywhere)',
    vpcId: VPC.default,
    ingress: [rule({ from: 80, cidrs: ['0.0.0.0/0'] }), rule({ from: 443, cidrs: ['0.0.0.0/0'] })],
    tags: { owner: 'finance-it' },
  }),
);
add(
  securityGroup(SG.backofficeAlb, {
    name: 'acme-backoffice-alb',
    description: 'Internal back-office load balancer (HTTP from the VPC; staff come in through Client VPN)',
    vpcId: VPC.prod,
    ingress: [rule({ from: 80, cidrs: ['10.40.0.0/16'] })],
    tags: { team: 'payments' },
  }),
);

// ---------------------------------------------------------------------------------------------
// EC2 instances and EBS volumes

const INSTANCES = [
  {
    name: 'acme-web-1',
    subnet: 'privA',
    az: 'a',
    ip: '10.40.1.21',
    sgs: ['app', 'monitoring'],
    tokens: 'required',
    type: 't3.large',
    profile: 'acme-ec2-app',
    launched: '2026-09-08T07:31:12.000Z',
  },
  {
    name: 'acme-web-2',
    subnet: 'privB',
    az: 'b',
    ip: '10.40.2.34',
    sgs: ['app', 'monitoring'],
    tokens: 'required',
    type: 't3.large',
    profile: 'acme-ec2-app',
    launched: '2026-09-08T07:31:12.000Z',
  },
  {
    name: 'acme-worker-1',
    subnet: 'privA',
    az: 'a',
    ip: '10.40.1.57',
    sgs: ['app'],
    tokens: 'optional',
    type: 'm6i.xlarge',
    profile: 'acme-ec2-app',
    launched: '2025-06-19T12:44:03.000Z',
    data: true,
    shape: 'select',
  },
  {
    name: 'acme-bastion',
    subnet: 'pubA',
    az: 'a',
    ip: '10.40.101.10',
    publicIp: '34.245.118.27',
    sgs: ['bastion'],
    tokens: 'required',
    type: 't3.micro',
    launched: '2026-02-02T09:15:40.000Z',
    // Dual-homed: a second interface straight into the private subnet, added "temporarily" for a migration.
    extraEni: { name: 'acme-bastion-mgmt', subnet: 'privA', ip: '10.40.1.10', attached: '2026-05-12T13:40:02.000Z' },
  },
  {
    name: 'acme-legacy-win',
    subnet: 'defA',
    az: 'a',
    ip: '172.31.14.201',
    publicIp: '54.217.62.190',
    sgs: ['windows'],
    tokens: 'optional',
    type: 't3.medium',
    windows: true,
    launched: '2022-08-17T14:02:11.000Z',
    rootUnencrypted: true,
  },
  {
    name: 'acme-batch-1',
    subnet: 'privB',
    az: 'b',
    ip: '10.40.2.88',
    sgs: ['app'],
    tokens: 'required',
    type: 'c6i.large',
    profile: 'acme-ec2-app',
    launched: '2026-11-02T01:00:09.000Z',
    stopped: true,
  },
];

for (const spec of INSTANCES) {
  const id = ec2Id('i', spec.name);
  const vpcId = spec.subnet === 'defA' ? VPC.default : VPC.prod;
  const subnetId = SUBNET[spec.subnet];
  const az = `${REGION}${spec.az}`;
  const eni = ec2Id('eni', spec.name);
  const rootVol = ec2Id('vol', `${spec.name}-root`);
  const dataVol = spec.data ? ec2Id('vol', `${spec.name}-data`) : undefined;
  const groups = spec.sgs.map((s) => ({
    groupName: s === 'windows' ? 'acme-legacy-windows' : `acme-${s}`,
    groupId: SG[s],
  }));
  const privateDns = `ip-${spec.ip.replace(/\./g, '-')}.${REGION}.compute.internal`;
  const publicDns = spec.publicIp ? `ec2-${spec.publicIp.replace(/\./g, '-')}.${REGION}.compute.amazonaws.com` : '';
  const association = spec.publicIp
    ? { carrierIp: null, ipOwnerId: 'amazon', publicDnsName: publicDns, publicIp: spec.publicIp }
    : null;
  const tags = { Name: spec.name, env: spec.name.includes('legacy') ? 'legacy' : 'prod' };
  const volumes = [rootVol, ...(dataVol ? [dataVol] : [])];
  const item = ci({
    type: 'AWS::EC2::Instance',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
    az,
    created: spec.launched,
    tags,
    relationships: [
      ['AWS::EC2::NetworkInterface', eni, 'Contains NetworkInterface'],
      ...(spec.extraEni
        ? [['AWS::EC2::NetworkInterface', ec2Id('eni', spec.extraEni.name), 'Contains NetworkInterface']]
        : []),
      ...spec.sgs.map((s) => ['AWS::EC2::SecurityGroup', SG[s], 'Is associated with SecurityGroup']),
      ['AWS::EC2::Subnet', subnetId, 'Is contained in Subnet'],
      ...volumes.map((v) => ['AWS::EC2::Volume', v, 'Is attached to Volume']),
      ['AWS::EC2::VPC', vpcId, 'Is contained in Vpc'],
    ],
    configuration: {
      amiLaunchIndex: 0,
      imageId: spec.windows ? 'ami-0b8a3c5d2e1f4a6b7' : 'ami-0d64bb532e0502c46',
      instanceId: id,
      instanceType: spec.type,
      kernelId: null,
      keyName: spec.name === 'acme-bastion' || spec.windows ? `${spec.name}-key` : null,
      launchTime: spec.launched,
      monitoring: { state: 'disabled' },
      placement: { availabilityZone: az, groupName: '', tenancy: 'default' },
      platform: spec.windows ? 'windows' : null,
      privateDnsName: privateDns,
      privateIpAddress: spec.ip,
      productCodes: [],
      publicDnsName: publicDns,
      publicIpAddress: spec.publicIp ?? null,
      ramdiskId: null,
      state: spec.stopped ? { code: 80, name: 'stopped' } : { code: 16, name: 'running' },
      stateTransitionReason: spec.stopped ? 'User initiated (2026-11-12 23:58:02 GMT)' : '',
      subnetId,
      vpcId,
      architecture: 'x86_64',
      blockDeviceMappings: volumes.map((v, i) => ({
        deviceName: i === 0 ? (spec.windows ? '/dev/sda1' : '/dev/xvda') : '/dev/xvdf',
        ebs: { attachTime: spec.launched, deleteOnTermination: i === 0, status: 'attached', volumeId: v },
      })),
      clientToken: `terraform-${spec.launched.slice(0, 10).replace(/-/g, '')}`,
      ebsOptimized: true,
      enaSupport: true,
      hypervisor: 'xen',
      iamInstanceProfile: spec.profile
        ? { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${spec.profile}`, id: iamId('AIPA', spec.profile) }
        : null,
      instanceLifecycle: null,
      elasticGpuAssociations: [],
      elasticInferenceAcceleratorAssociations: [],
      networkInterfaces: [
        {
          association,
          attachment: {
            attachTime: spec.launched,
            attachmentId: ec2Id('eni-attach', spec.name),
            deleteOnTermination: true,
            deviceIndex: 0,
            status: 'attached',
            networkCardIndex: 0,
          },
          description: '',
          groups,
          ipv6Addresses: [],
          macAddress: `06:${hex(`mac:${spec.name}`, 10).match(/../g).join(':')}`,
          networkInterfaceId: eni,
          ownerId: ACCOUNT,
          privateDnsName: privateDns,
          privateIpAddress: spec.ip,
          privateIpAddresses: [{ association, primary: true, privateDnsName: privateDns, privateIpAddress: spec.ip }],
          sourceDestCheck: true,
          status: 'in-use',
          subnetId,
          vpcId,
          interfaceType: 'interface',
        },
        ...(spec.extraEni ? [extraInterface(spec, groups, vpcId)] : []),
      ],
      outpostArn: null,
      rootDeviceName: spec.windows ? '/dev/sda1' : '/dev/xvda',
      rootDeviceType: 'ebs',
      securityGroups: groups,
      sourceDestCheck: true,
      spotInstanceRequestId: null,
      sriovNetSupport: null,
      stateReason: spec.stopped
        ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
        : null,
      tags: tagList(tags),
      virtualizationType: 'hvm',
      cpuOptions: { coreCount: 1, threadsPerCore: 2 },
      capacityReservationId: null,
      capacityReservationSpecification: { capacityReservationPreference: 'open' },
      hibernationOptions: { configured: false },
      licenses: [],
      metadataOptions: {
        state: 'applied',
        httpTokens: spec.tokens,
        httpPutResponseHopLimit: spec.tokens === 'required' ? 2 : 1,
        httpEndpoint: 'enabled',
        httpProtocolIpv6: 'disabled',
        instanceMetadataTags: 'disabled',
      },
      enclaveOptions: { enabled: false },
      bootMode: null,
      platformDetails: spec.windows ? 'Windows' : 'Linux/UNIX',
      usageOperation: spec.windows ? 'RunInstances:0002' : 'RunInstances',
      usageOperationUpdateTime: spec.launched,
      privateDnsNameOptions: {
        hostnameType: 'ip-name',
        enableResourceNameDnsARecord: false,
        enableResourceNameDnsAAAARecord: false,
      },
      maintenanceOptions: { autoRecovery: 'default' },
    },
  });
  add(spec.shape === 'select' ? select(item) : item);

  // Network interfaces of the instance (AWS Config records them as resources of their own).
  add(
    networkInterface(eni, {
      subnet: spec.subnet,
      ip: spec.ip,
      sgs: spec.sgs,
      publicIp: spec.publicIp,
      instance: { id, at: spec.launched, index: 0, attachmentId: ec2Id('eni-attach', spec.name) },
      mac: `06:${hex(`mac:${spec.name}`, 10).match(/../g).join(':')}`,
      created: spec.launched,
    }),
  );
  if (spec.extraEni) {
    add(
      networkInterface(ec2Id('eni', spec.extraEni.name), {
        subnet: spec.extraEni.subnet,
        ip: spec.extraEni.ip,
        sgs: spec.sgs,
        description: 'bastion management interface',
        instance: {
          id,
          at: spec.extraEni.attached,
          index: 1,
          attachmentId: ec2Id('eni-attach', spec.extraEni.name),
          deleteOnTermination: false,
        },
        mac: `06:${hex(`mac:${spec.extraEni.name}`, 10).match(/../g).join(':')}`,
        created: spec.extraEni.attached,
        tags: { Name: spec.extraEni.name },
      }),
    );
  }

  // Root (and data) volumes.
  volumes.forEach((volId, i) => {
    const encrypted = !(i === 0 && spec.rootUnencrypted);
    const volTags = {
      Name: `${spec.name}-${i === 0 ? 'root' : 'data'}`,
      // The platform team's launch templates tag volumes; the hand-built instances never got it.
      ...(spec.name === 'acme-bastion' || spec.windows ? {} : { 'data-classification': 'confidential' }),
    };
    const volume = ebsVolume(volId, {
      az,
      created: spec.launched,
      tags: volTags,
      encrypted,
      size: i === 0 ? (spec.windows ? 50 : 30) : 200,
      attachedTo: {
        instanceId: id,
        device: i === 0 ? (spec.windows ? '/dev/sda1' : '/dev/xvda') : '/dev/xvdf',
        at: spec.launched,
      },
    });
    add(spec.name === 'acme-web-2' || (spec.data && i === 1) ? api(volume) : volume);
  });
}

/** The second entry of an instance's `networkInterfaces` (a dual-homed instance). */
function extraInterface(spec, groups, vpcId) {
  const extra = spec.extraEni;
  const subnetId = SUBNET[extra.subnet];
  const privateDns = `ip-${extra.ip.replace(/\./g, '-')}.${REGION}.compute.internal`;
  return {
    association: null,
    attachment: {
      attachTime: extra.attached,
      attachmentId: ec2Id('eni-attach', extra.name),
      deleteOnTermination: false,
      deviceIndex: 1,
      status: 'attached',
      networkCardIndex: 0,
    },
    description: 'bastion management interface',
    groups,
    ipv6Addresses: [],
    macAddress: `06:${hex(`mac:${extra.name}`, 10).match(/../g).join(':')}`,
    networkInterfaceId: ec2Id('eni', extra.name),
    ownerId: ACCOUNT,
    privateDnsName: privateDns,
    privateIpAddress: extra.ip,
    privateIpAddresses: [{ association: null, primary: true, privateDnsName: privateDns, privateIpAddress: extra.ip }],
    sourceDestCheck: true,
    status: 'in-use',
    subnetId,
    vpcId,
    interfaceType: 'interface',
  };
}

/** An `AWS::EC2::NetworkInterface` item. `sgs` are keys of SG; `instance` when attached to an EC2 instance. */
function networkInterface(
  id,
  {
    subnet,
    ip,
    sgs = [],
    publicIp,
    ipOwner = 'amazon',
    instance,
    description = '',
    interfaceType = 'interface',
    requesterId = null,
    mac,
    created,
    tags = {},
  },
) {
  const info = SUBNET_INFO[subnet];
  const vpcId = VPC[info.vpc];
  const az = `${REGION}${info.az}`;
  const privateDns = `ip-${ip.replace(/\./g, '-')}.${REGION}.compute.internal`;
  const association = publicIp
    ? {
        ipOwnerId: ipOwner,
        publicDnsName: `ec2-${publicIp.replace(/\./g, '-')}.${REGION}.compute.amazonaws.com`,
        publicIp,
        carrierIp: null,
        customerOwnedIp: null,
        allocationId: null,
        associationId: null,
      }
    : null;
  return ci({
    type: 'AWS::EC2::NetworkInterface',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/${id}`,
    az,
    created,
    tags,
    relationships: [
      ...(instance ? [['AWS::EC2::Instance', instance.id, 'Is attached to Instance']] : []),
      ...sgs.map((k) => ['AWS::EC2::SecurityGroup', SG[k], 'Is associated with SecurityGroup']),
      ['AWS::EC2::Subnet', SUBNET[subnet], 'Is contained in Subnet'],
      ['AWS::EC2::VPC', vpcId, 'Is contained in Vpc'],
    ],
    configuration: {
      association,
      attachment: instance
        ? {
            attachTime: instance.at,
            attachmentId: instance.attachmentId,
            deleteOnTermination: instance.deleteOnTermination ?? true,
            deviceIndex: instance.index,
            instanceId: instance.id,
            instanceOwnerId: ACCOUNT,
            status: 'attached',
            networkCardIndex: 0,
          }
        : requesterId
          ? { attachmentId: ec2Id('ela-attach', id), deviceIndex: 1, instanceOwnerId: requesterId, status: 'attached' }
          : null,
      availabilityZone: az,
      description,
      groups: sgs.map((k) => ({ groupName: SG_NAME[k], groupId: SG[k] })),
      interfaceType,
      ipv6Addresses: [],
      macAddress: mac ?? `06:${hex(`mac:${id}`, 10).match(/../g).join(':')}`,
      networkInterfaceId: id,
      outpostArn: null,
      ownerId: ACCOUNT,
      privateDnsName: privateDns,
      privateIpAddress: ip,
      privateIpAddresses: [{ association, primary: true, privateDnsName: privateDns, privateIpAddress: ip }],
      requesterId,
      requesterManaged: requesterId !== null,
      sourceDestCheck: interfaceType !== 'nat_gateway',
      status: 'in-use',
      subnetId: SUBNET[subnet],
      tagSet: tagList(tags),
      vpcId,
    },
  });
}

function ebsVolume(id, { az, created, tags, encrypted, size, attachedTo }) {
  return ci({
    type: 'AWS::EC2::Volume',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/${id}`,
    az,
    created,
    tags,
    relationships: attachedTo ? [['AWS::EC2::Instance', attachedTo.instanceId, 'Is attached to Instance']] : [],
    configuration: {
      attachments: attachedTo
        ? [
            {
              attachTime: attachedTo.at,
              device: attachedTo.device,
              instanceId: attachedTo.instanceId,
              state: 'attached',
              volumeId: id,
              deleteOnTermination: attachedTo.device !== '/dev/xvdf',
              associatedResource: null,
              instanceOwningService: null,
            },
          ]
        : [],
      availabilityZone: az,
      createTime: created,
      encrypted,
      kmsKeyId: encrypted ? arnKey(KEY.data) : null,
      outpostArn: null,
      size,
      snapshotId: ec2Id('snap', id),
      state: attachedTo ? 'in-use' : 'available',
      volumeId: id,
      iops: 3000,
      tags: tagList(tags),
      volumeType: 'gp3',
      fastRestored: null,
      multiAttachEnabled: false,
      throughput: 125,
      sseType: null,
    },
  });
}

// A volume left behind by an old restore test: unattached and unencrypted.
add(
  ebsVolume(ec2Id('vol', 'restore-test-2025'), {
    az: `${REGION}b`,
    created: '2025-09-30T15:22:48.107Z',
    tags: { Name: 'restore-test-2025-09' },
    encrypted: false,
    size: 100,
  }),
);

// ---------------------------------------------------------------------------------------------
// IAM: managed policies, groups, users, roles

const iamArn = (kind, name, path = '/') => `arn:aws:iam::${ACCOUNT}:${kind}${path}${name}`;
const IR_ROLE = 'rampart-incident-responder';
const IR_ONCALL_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${REGION}/AWSReservedSSO_IncidentResponder_${hex('sso', 16)}`;
const POLICY_IDS = {};

function managedPolicy(name, { description, document, created, updated = created, attachments, versions = [] }) {
  const id = iamId('ANPA', name);
  POLICY_IDS[name] = id;
  const current = `v${versions.length + 1}`;
  return ci({
    type: 'AWS::IAM::Policy',
    id,
    name,
    arn: iamArn('policy', name),
    region: GLOBAL,
    created,
    relationships: [],
    configuration: {
      policyName: name,
      policyId: id,
      arn: iamArn('policy', name),
      path: '/',
      defaultVersionId: current,
      attachmentCount: attachments,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      description,
      createDate: created,
      updateDate: updated,
      policyVersionList: [
        { document: urlEncoded(document), versionId: current, isDefaultVersion: true, createDate: updated },
        ...versions.map((doc, i) => ({
          document: urlEncoded(doc),
          versionId: `v${versions.length - i}`,
          isDefaultVersion: false,
          createDate: created,
        })),
      ],
    },
  });
}

const doc = (...Statement) => ({ Version: '2012-10-17', Statement });

add(
  managedPolicy('acme-admin-breakglass', {
    description: 'Full administrator access for the admins group',
    document: doc({ Sid: 'FullAccess', Effect: 'Allow', Action: '*', Resource: '*' }),
    created: '2024-03-11T08:40:12.000Z',
    attachments: 1,
  }),
);
add(
  api(
    managedPolicy('acme-data-pipeline', {
      description: 'Glue jobs: raw and curated analytics buckets',
      document: doc(
        {
          Sid: 'AnalyticsBuckets',
          Effect: 'Allow',
          Action: 's3:*',
          Resource: [
            'arn:aws:s3:::acme-analytics-raw',
            'arn:aws:s3:::acme-analytics-raw/*',
            'arn:aws:s3:::acme-ml-datasets',
            'arn:aws:s3:::acme-ml-datasets/*',
          ],
        },
        {
          Sid: 'GlueCatalog',
          Effect: 'Allow',
          Action: ['glue:GetTable', 'glue:GetTables', 'glue:GetDatabase', 'glue:UpdateTable', 'glue:CreatePartition'],
          Resource: '*',
        },
      ),
      created: '2025-02-03T13:25:40.000Z',
      updated: '2025-10-21T09:12:05.000Z',
      attachments: 1,
      versions: [
        doc({
          Sid: 'AnalyticsBuckets',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          Resource: '*',
        }),
      ],
    }),
  ),
);
add(
  managedPolicy('acme-payments-api-access', {
    description: 'Payments API: its table, queue, secrets and key',
    document: doc(
      {
        Sid: 'PaymentsTable',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
        Resource: [
          `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/acme-payments`,
          `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/acme-payments/index/*`,
        ],
      },
      {
        Sid: 'Settlements',
        Effect: 'Allow',
        Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'],
        Resource: `arn:aws:sqs:${REGION}:${ACCOUNT}:acme-settlements`,
      },
      {
        Sid: 'Secrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/payments/*`,
      },
      { Sid: 'Decrypt', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: arnKey(KEY.data) },
    ),
    created: '2024-04-02T10:11:54.000Z',
    updated: '2026-08-14T16:03:21.000Z',
    attachments: 1,
    versions: [
      doc({
        Sid: 'PaymentsTable',
        Effect: 'Allow',
        Action: 'dynamodb:*',
        Resource: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/acme-payments`,
      }),
    ],
  }),
);
add(
  managedPolicy('acme-developer-access', {
    description: 'Developers: read operational data, manage their own ECS services in staging',
    document: doc(
      {
        Sid: 'Observe',
        Effect: 'Allow',
        Action: [
          'ec2:Describe*',
          'ecs:Describe*',
          'ecs:List*',
          'logs:Get*',
          'logs:FilterLogEvents',
          'cloudwatch:GetMetricData',
        ],
        Resource: '*',
      },
      {
        Sid: 'DeployStaging',
        Effect: 'Allow',
        Action: ['ecs:UpdateService'],
        Resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/acme-staging/*`,
      },
    ),
    created: '2024-03-11T08:44:30.000Z',
    attachments: 1,
  }),
);
add(
  api(
    managedPolicy('acme-ci-deploy', {
      description: 'CI pipeline: push images and roll out ECS services',
      document: doc(
        {
          Sid: 'Images',
          Effect: 'Allow',
          Action: 'ecr:*',
          Resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/acme-*`,
        },
        { Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'Rollout',
          Effect: 'Allow',
          Action: ['ecs:UpdateService', 'ecs:RegisterTaskDefinition', 'ecs:DescribeServices'],
          Resource: '*',
        },
        { Sid: 'PassTaskRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: iamArn('role', 'acme-payments-api') },
      ),
      created: '2024-03-19T15:00:08.000Z',
      attachments: 2,
    }),
  ),
);
add(
  managedPolicy('acme-cloudtrail-to-cloudwatch', {
    description: 'Lets CloudTrail deliver the management trail to CloudWatch Logs',
    document: doc({
      Sid: 'AWSCloudTrailCreateLogStream',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-cloudtrail-logs-${ACCOUNT}-acme:log-stream:${ACCOUNT}_CloudTrail_${REGION}*`,
    }),
    created: '2024-03-11T09:19:41.000Z',
    attachments: 1,
  }),
);
add(
  managedPolicy('rampart-ir-containment', {
    description: 'Rampart incident-response playbooks: contain keys, buckets and instances',
    document: doc(
      {
        Sid: 'ContainAccessKeys',
        Effect: 'Allow',
        Action: ['iam:UpdateAccessKey', 'iam:ListAccessKeys', 'iam:PutUserPolicy', 'iam:TagUser'],
        Resource: iamArn('user', '*'),
      },
      {
        Sid: 'ContainBuckets',
        Effect: 'Allow',
        Action: ['s3:PutBucketPublicAccessBlock', 's3:GetBucketPolicy', 's3:GetBucketAcl'],
        Resource: 'arn:aws:s3:::*',
      },
      {
        Sid: 'ContainInstances',
        Effect: 'Allow',
        Action: [
          'ec2:ModifyInstanceAttribute',
          'ec2:CreateSnapshot',
          'ec2:CreateTags',
          'ec2:DescribeInstances',
          'ec2:DescribeVolumes',
        ],
        Resource: '*',
      },
      {
        Sid: 'Notify',
        Effect: 'Allow',
        Action: 'sns:Publish',
        Resource: `arn:aws:sns:${REGION}:${ACCOUNT}:acme-security-alerts`,
      },
    ),
    created: '2026-10-12T09:30:00.000Z',
    attachments: 1,
  }),
);

// Platform team's infrastructure pipeline: creates workload roles, but only with the workload boundary.
const WORKLOAD_BOUNDARY = iamArn('policy', 'acme-workload-boundary');
add(
  managedPolicy('acme-iam-provisioning', {
    description: 'Infrastructure pipeline: create workload roles that carry the workload boundary',
    document: doc(
      {
        Sid: 'CreateBoundedWorkloadRoles',
        Effect: 'Allow',
        Action: ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:DetachRolePolicy', 'iam:TagRole'],
        Resource: iamArn('role', '*', '/workloads/'),
        Condition: { StringEquals: { 'iam:PermissionsBoundary': WORKLOAD_BOUNDARY } },
      },
      {
        Sid: 'ManageWorkloadRoles',
        Effect: 'Allow',
        Action: [
          'iam:GetRole',
          'iam:PassRole',
          'iam:DeleteRole',
          'iam:ListRolePolicies',
          'iam:ListAttachedRolePolicies',
        ],
        Resource: iamArn('role', '*', '/workloads/'),
      },
    ),
    created: '2025-09-15T10:20:31.000Z',
    attachments: 1,
  }),
);
{
  const boundary = managedPolicy('acme-workload-boundary', {
    description: 'Permissions boundary of workload roles and of the roles that create them',
    document: doc(
      {
        Sid: 'WorkloadServices',
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:PutObject',
          's3:ListBucket',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'sqs:SendMessage',
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'iam:CreateRole',
          'iam:AttachRolePolicy',
          'iam:PutRolePolicy',
          'iam:DetachRolePolicy',
          'iam:TagRole',
          'iam:GetRole',
          'iam:PassRole',
        ],
        Resource: '*',
      },
      { Sid: 'DataKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: arnKey(KEY.data) },
      {
        Sid: 'KeepTheBoundary',
        Effect: 'Deny',
        Action: ['iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:CreatePolicyVersion'],
        Resource: '*',
      },
    ),
    created: '2025-09-15T10:18:02.000Z',
    attachments: 0,
  });
  boundary.configuration.permissionsBoundaryUsageCount = 1;
  add(boundary);
}

const attached = (...names) =>
  names.map((n) =>
    n.startsWith('aws:')
      ? { policyName: n.slice(4), policyArn: `arn:aws:iam::aws:policy/${n.slice(4)}` }
      : { policyName: n, policyArn: iamArn('policy', n) },
  );
const policyRelationships = (policies) =>
  policies
    .filter((p) => POLICY_IDS[p.policyName])
    .map((p) => ['AWS::IAM::Policy', POLICY_IDS[p.policyName], 'Is attached to CustomerManagedPolicy', p.policyName]);
const inline = (policyName, document) => ({ policyName, policyDocument: urlEncoded(document) });

function iamGroup(name, { created, policies = [], inlinePolicies = [] }) {
  const id = iamId('AGPA', name);
  return ci({
    type: 'AWS::IAM::Group',
    id,
    name,
    arn: iamArn('group', name),
    region: GLOBAL,
    created,
    relationships: policyRelationships(policies),
    configuration: {
      path: '/',
      groupName: name,
      groupId: id,
      arn: iamArn('group', name),
      createDate: created,
      groupPolicyList: inlinePolicies,
      attachedManagedPolicies: policies,
    },
  });
}

add(
  iamGroup('admins', {
    created: '2024-03-11T08:41:02.000Z',
    policies: attached('acme-admin-breakglass'),
    inlinePolicies: [
      inline(
        'require-mfa',
        doc({
          Sid: 'DenyWithoutMfa',
          Effect: 'Deny',
          NotAction: ['iam:ChangePassword', 'iam:GetUser', 'iam:ListMFADevices', 'sts:GetSessionToken'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ),
    ],
  }),
);
add(
  iamGroup('developers', {
    created: '2024-03-11T08:45:17.000Z',
    policies: attached('acme-developer-access', 'aws:ReadOnlyAccess'),
  }),
);
add(iamGroup('auditors', { created: '2025-05-06T12:19:44.000Z', policies: attached('aws:SecurityAudit') }));

const USERS = [
  { name: 'tom.baker', groups: ['admins'], created: '2024-03-11T08:50:03.000Z', tags: { team: 'platform' } },
  { name: 'maria.silva', groups: ['developers'], created: '2024-03-14T10:02:41.000Z', tags: { team: 'payments' } },
  { name: 'li.wei', groups: ['developers'], created: '2025-07-01T09:00:12.000Z', tags: { team: 'payments' } },
  { name: 'priya.nair', groups: ['developers'], created: '2026-11-03T09:12:55.000Z', tags: { team: 'data' } },
  {
    name: 'ci-deploy',
    groups: [],
    created: '2024-03-19T15:02:36.000Z',
    policies: attached('acme-ci-deploy'),
    tags: { purpose: 'ci' },
  },
  {
    name: 'legacy-reporting',
    groups: [],
    created: '2022-11-08T13:45:09.000Z',
    inlinePolicies: [
      inline(
        'reporting-read',
        doc({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::acme-legacy-exports', 'arn:aws:s3:::acme-legacy-exports/*'],
        }),
      ),
    ],
    tags: { owner: 'finance-it' },
  },
];
const USER_ITEMS = USERS.map((u) => {
  const id = iamId('AIDA', u.name);
  const policies = u.policies ?? [];
  return ci({
    type: 'AWS::IAM::User',
    id,
    name: u.name,
    arn: iamArn('user', u.name),
    region: GLOBAL,
    created: u.created,
    tags: u.tags,
    relationships: [
      ...u.groups.map((g) => ['AWS::IAM::Group', iamId('AGPA', g), 'Is attached to Group', g]),
      ...policyRelationships(policies),
    ],
    configuration: {
      path: '/',
      userName: u.name,
      userId: id,
      arn: iamArn('user', u.name),
      createDate: u.created,
      userPolicyList: u.inlinePolicies ?? [],
      groupList: u.groups,
      attachedManagedPolicies: policies,
      permissionsBoundary: null,
      tags: tagList(u.tags),
    },
  });
});
for (const u of USER_ITEMS) add(u);

function trust(principal, condition) {
  return doc({
    Effect: 'Allow',
    Principal: principal,
    Action: principal.Federated ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
}

function iamRole(
  name,
  {
    path = '/',
    created,
    trustPolicy,
    policies = [],
    inlinePolicies = [],
    tags = {},
    lastUsed = null,
    instanceProfile = false,
    description,
  },
) {
  const id = iamId('AROA', name);
  return ci({
    type: 'AWS::IAM::Role',
    id,
    name,
    arn: iamArn('role', name, path),
    region: GLOBAL,
    created,
    tags,
    relationships: policyRelationships(policies),
    configuration: {
      path,
      roleName: name,
      roleId: id,
      arn: iamArn('role', name, path),
      createDate: created,
      ...(description ? { description } : {}),
      assumeRolePolicyDocument: urlEncoded(trustPolicy),
      instanceProfileList: instanceProfile
        ? [
            {
              path: '/',
              instanceProfileName: name,
              instanceProfileId: iamId('AIPA', name),
              arn: iamArn('instance-profile', name),
              createDate: created,
              roles: [],
            },
          ]
        : [],
      rolePolicyList: inlinePolicies,
      attachedManagedPolicies: policies,
      permissionsBoundary: null,
      tags: tagList(tags),
      roleLastUsed: lastUsed ? { lastUsedDate: lastUsed, region: REGION } : null,
      maxSessionDuration: 3600,
    },
  });
}

add(
  iamRole('acme-payments-api', {
    created: '2024-04-02T10:12:30.000Z',
    trustPolicy: trust({ Service: 'ecs-tasks.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    policies: attached('acme-payments-api-access'),
    tags: { team: 'payments' },
    lastUsed: '2026-11-18T21:47:03.000Z',
  }),
);
add(
  api(
    iamRole('acme-github-deploy', {
      created: '2025-08-20T11:05:19.000Z',
      trustPolicy: trust(
        { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
        {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme-payments/*:ref:refs/heads/main' },
        },
      ),
      policies: attached('acme-ci-deploy'),
      tags: { purpose: 'ci' },
      lastUsed: '2026-11-17T17:20:44.000Z',
    }),
  ),
);
add(
  iamRole('acme-data-pipeline', {
    created: '2025-02-03T13:26:02.000Z',
    trustPolicy: trust({ Service: 'glue.amazonaws.com' }),
    policies: attached('acme-data-pipeline', 'aws:service-role/AWSGlueServiceRole'),
    tags: { team: 'data' },
    lastUsed: '2026-11-18T03:00:12.000Z',
  }),
);
add(
  iamRole('acme-ec2-app', {
    created: '2024-04-02T10:14:51.000Z',
    trustPolicy: trust({ Service: 'ec2.amazonaws.com' }),
    policies: attached('aws:AmazonSSMManagedInstanceCore'),
    inlinePolicies: [
      inline(
        'app-secrets-read',
        doc({
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/*`,
        }),
      ),
    ],
    instanceProfile: true,
    tags: { team: 'payments' },
    lastUsed: '2026-11-18T07:59:02.000Z',
  }),
);
add(
  iamRole('acme-vpc-flow-logs', {
    created: '2024-03-12T10:04:58.000Z',
    trustPolicy: trust({ Service: 'vpc-flow-logs.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    inlinePolicies: [
      inline(
        'flow-logs-delivery',
        doc({
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'],
          Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vpc/flow-logs/*`,
        }),
      ),
    ],
    tags: { team: 'platform' },
    lastUsed: '2026-11-18T07:50:33.000Z',
  }),
);
add(
  iamRole('acme-cloudtrail-to-cloudwatch', {
    created: '2024-03-11T09:19:58.000Z',
    trustPolicy: trust({ Service: 'cloudtrail.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    policies: attached('acme-cloudtrail-to-cloudwatch'),
    tags: { team: 'security', 'rampart:component': 'baseline' },
    lastUsed: '2026-11-18T09:02:17.000Z',
  }),
);
add(
  iamRole('AWSServiceRoleForRDS', {
    path: '/aws-service-role/rds.amazonaws.com/',
    created: '2024-05-20T14:28:11.000Z',
    description: 'Allows Amazon RDS to manage AWS resources on your behalf',
    trustPolicy: trust({ Service: 'rds.amazonaws.com' }),
    policies: [
      {
        policyName: 'AmazonRDSServiceRolePolicy',
        policyArn: 'arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy',
      },
    ],
    lastUsed: '2026-11-16T22:14:09.000Z',
  }),
);
add(
  api(
    iamRole(IR_ROLE, {
      path: '/rampart/',
      created: '2026-10-12T09:31:12.000Z',
      description: 'Rampart incident response: assumed by the responder playbooks and on-call responders',
      trustPolicy: doc(
        {
          Sid: 'ResponderAutomation',
          Effect: 'Allow',
          Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        },
        {
          Sid: 'OnCallResponders',
          Effect: 'Allow',
          Principal: { AWS: IR_ONCALL_ROLE },
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
        },
      ),
      policies: attached('rampart-ir-containment', 'aws:SecurityAudit'),
      tags: { 'rampart:component': 'incident-response' },
      lastUsed: '2026-11-14T10:02:51.000Z',
    }),
  ),
);

// IAM Identity Center permission-set roles (the account is an organization member; people sign in
// through Identity Center) and the infrastructure pipeline's role, a delegated administrator.
const SSO_PATH = `/aws-reserved/sso.amazonaws.com/${REGION}/`;
const SAML_PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_${hex('saml', 16)}_DO_NOT_DELETE`;
const ssoTrust = doc({
  Effect: 'Allow',
  Principal: { Federated: SAML_PROVIDER },
  Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
  Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
});
add(
  iamRole(IR_ONCALL_ROLE.slice(IR_ONCALL_ROLE.lastIndexOf('/') + 1), {
    path: SSO_PATH,
    created: '2026-10-12T09:40:27.000Z',
    trustPolicy: ssoTrust,
    policies: attached('aws:SecurityAudit', 'aws:ReadOnlyAccess'),
    lastUsed: '2026-11-14T09:58:03.000Z',
  }),
);
add(
  iamRole(`AWSReservedSSO_PlatformAdmin_${hex('sso-admin', 16)}`, {
    path: SSO_PATH,
    created: '2025-01-20T15:02:44.000Z',
    trustPolicy: ssoTrust,
    policies: attached('aws:AdministratorAccess'),
    lastUsed: '2026-11-27T16:30:19.000Z',
  }),
);
{
  const provisioner = iamRole('acme-platform-provisioner', {
    created: '2025-09-15T10:22:47.000Z',
    trustPolicy: trust(
      { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': 'repo:acme-payments/platform-infra:ref:refs/heads/main',
        },
      },
    ),
    policies: attached('acme-iam-provisioning'),
    tags: { team: 'platform', purpose: 'ci' },
    lastUsed: '2026-11-26T11:45:08.000Z',
  });
  provisioner.configuration.permissionsBoundary = {
    permissionsBoundaryType: 'Policy',
    permissionsBoundaryArn: WORKLOAD_BOUNDARY,
  };
  add(provisioner);
}

// ---------------------------------------------------------------------------------------------
// S3 buckets

const acl = (...extra) =>
  JSON.stringify({
    grantSet: null,
    grantList: [
      { grantee: { id: S3_OWNER, displayName: null }, permission: 'FullControl', referenceId: null },
      ...extra,
    ],
    owner: { displayName: null, id: S3_OWNER },
    isRequesterCharged: false,
  });
const PAB_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const sse = (algorithm, key = null, bucketKey = algorithm !== 'AES256') => ({
  rules: [
    {
      applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyID: key },
      bucketKeyEnabled: bucketKey,
    },
  ],
});
const denyInsecure = (bucket) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const LOG_BUCKET = `acme-access-logs-${ACCOUNT}`;

function bucket(
  name,
  {
    created,
    tags = {},
    encryption,
    pab,
    policy,
    versioning = 'Off',
    mfaDelete = null,
    logging = true,
    website,
    extraAcl = [],
    lifecycle,
  },
) {
  const supplementary = {
    AccessControlList: acl(...extraAcl),
    BucketAccelerateConfiguration: { status: null },
    BucketLoggingConfiguration: logging
      ? { destinationBucketName: LOG_BUCKET, logFilePrefix: `${name}/` }
      : { destinationBucketName: null, logFilePrefix: null },
    BucketNotificationConfiguration: { configurations: {} },
    BucketPolicy: { policyText: policy ? JSON.stringify(policy) : null },
    BucketVersioningConfiguration: { status: versioning, isMfaDeleteEnabled: mfaDelete },
    IsRequesterPaysEnabled: false,
  };
  if (lifecycle) supplementary.BucketLifecycleConfiguration = lifecycle;
  if (pab) supplementary.PublicAccessBlockConfiguration = pab;
  if (encryption) supplementary.ServerSideEncryptionConfiguration = encryption;
  if (website) supplementary.BucketWebsiteConfiguration = website;
  return ci({
    type: 'AWS::S3::Bucket',
    id: name,
    name,
    arn: `arn:aws:s3:::${name}`,
    az: 'Regional',
    created,
    tags,
    configuration: { name, owner: { displayName: null, id: S3_OWNER }, creationDate: created },
    supplementary: Object.fromEntries(Object.entries(supplementary).sort(([a], [b]) => (a < b ? -1 : 1))),
  });
}

const expire = (id, days, prefix = '') => ({
  rules: [
    {
      id,
      status: 'Enabled',
      expirationInDays: days,
      expirationDate: null,
      expiredObjectDeleteMarker: null,
      noncurrentVersionExpirationInDays: 30,
      noncurrentVersionTransitions: null,
      transitions: null,
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      prefix: null,
      filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix } },
    },
  ],
});

const APP_DATA = `acme-payments-app-data-${ACCOUNT}`;
add(
  bucket(APP_DATA, {
    created: '2024-03-11T09:10:02.000Z',
    tags: { team: 'payments', 'data-classification': 'confidential' },
    encryption: sse('aws:kms', arnKey(KEY.data)),
    pab: PAB_ON,
    policy: doc(denyInsecure(APP_DATA)),
    versioning: 'Enabled',
  }),
);
add(
  bucket(LOG_BUCKET, {
    created: '2024-03-11T09:08:47.000Z',
    tags: { team: 'security', 'data-classification': 'internal' },
    encryption: sse('AES256'),
    pab: PAB_ON,
    policy: doc(
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${LOG_BUCKET}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      },
      {
        Sid: 'ElbAccessLogs',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::156460612806:root' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${LOG_BUCKET}/elb/AWSLogs/${ACCOUNT}/*`,
      },
      denyInsecure(LOG_BUCKET),
    ),
    versioning: 'Enabled',
    logging: false,
    lifecycle: expire('expire-access-logs', 400),
  }),
);
add(
  bucket('acme-www-static', {
    created: '2023-05-02T12:40:02.000Z',
    tags: { team: 'web', 'data-classification': 'public' },
    encryption: sse('AES256'),
    pab: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    policy: doc({
      Sid: 'PublicReadGetObject',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::acme-www-static/*',
    }),
    logging: false,
    website: {
      errorDocument: 'error.html',
      indexDocumentSuffix: 'index.html',
      redirectAllRequestsTo: null,
      routingRules: [],
    },
  }),
);
const BACKUPS = `acme-db-backups-${ACCOUNT}`;
add(
  api(
    bucket(BACKUPS, {
      created: '2024-05-20T15:02:18.000Z',
      tags: { team: 'platform', 'data-classification': 'confidential' },
      encryption: sse('aws:kms', arnKey(KEY.data)),
      pab: PAB_ON,
      policy: doc(denyInsecure(BACKUPS)),
      versioning: 'Enabled',
      lifecycle: expire('expire-backups', 35),
    }),
  ),
);
const TF_STATE = `acme-terraform-state-${ACCOUNT}`;
add(
  api(
    bucket(TF_STATE, {
      created: '2024-03-11T08:30:55.000Z',
      tags: { team: 'platform', 'data-classification': 'confidential' },
      encryption: sse('aws:kms', arnKey(KEY.data)),
      pab: PAB_ON,
      policy: doc(denyInsecure(TF_STATE)),
      versioning: 'Enabled',
    }),
  ),
);
add(
  bucket('acme-legacy-exports', {
    created: '2019-06-24T10:12:40.000Z',
    tags: { owner: 'finance-it' },
    logging: false,
  }),
);
const TRAIL_BUCKET = `acme-cloudtrail-${ACCOUNT}`;
add(
  bucket(TRAIL_BUCKET, {
    created: '2024-03-11T09:05:31.000Z',
    tags: { team: 'security', 'rampart:component': 'baseline', 'data-classification': 'internal' },
    encryption: sse('aws:kms', arnKey(KEY.logs)),
    pab: PAB_ON,
    policy: doc(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${TRAIL_BUCKET}`,
        Condition: {
          StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail` },
        },
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${TRAIL_BUCKET}/AWSLogs/${ACCOUNT}/*`,
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceArn': `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail`,
          },
        },
      },
      denyInsecure(TRAIL_BUCKET),
    ),
    versioning: 'Enabled',
    lifecycle: expire('expire-trail-logs', 2555),
  }),
);
add(
  bucket('acme-partner-uploads', {
    created: '2021-09-13T08:55:21.000Z',
    tags: { owner: 'finance-it' },
    encryption: sse('AES256'),
    pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
    policy: doc({
      Sid: 'PartnerDrop',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['s3:PutObject', 's3:PutObjectAcl'],
      Resource: 'arn:aws:s3:::acme-partner-uploads/incoming/*',
    }),
    logging: false,
  }),
);
const CONFIG_BUCKET = `acme-config-history-${ACCOUNT}`;
add(
  bucket(CONFIG_BUCKET, {
    created: '2024-03-11T09:06:12.000Z',
    tags: { team: 'security', 'rampart:component': 'baseline', 'data-classification': 'internal' },
    encryption: sse('AES256'),
    pab: PAB_ON,
    policy: doc(
      {
        Sid: 'AWSConfigBucketPermissionsCheck',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${CONFIG_BUCKET}`,
        Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } },
      },
      {
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${CONFIG_BUCKET}/AWSLogs/${ACCOUNT}/Config/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'AWS:SourceAccount': ACCOUNT } },
      },
      denyInsecure(CONFIG_BUCKET),
    ),
    versioning: 'Enabled',
  }),
);
add(
  bucket('acme-analytics-raw', {
    created: '2025-02-03T13:20:44.000Z',
    tags: { team: 'data', 'data-classification': 'internal' },
    encryption: sse('aws:kms'),
    pab: PAB_ON,
    policy: doc(denyInsecure('acme-analytics-raw')),
    versioning: 'Suspended',
  }),
);
add(
  api(
    bucket('acme-ml-datasets', {
      created: '2025-11-17T16:48:05.000Z',
      tags: { team: 'data', 'data-classification': 'internal' },
      encryption: sse('AES256'),
      pab: PAB_ON,
      logging: false,
    }),
  ),
);
const INVOICES = `acme-invoices-archive-${ACCOUNT}`;
add(
  api(
    bucket(INVOICES, {
      created: '2024-06-03T07:59:13.000Z',
      tags: { team: 'payments', 'data-classification': 'confidential', retention: '10y' },
      encryption: sse('aws:kms', arnKey(KEY.data)),
      pab: PAB_ON,
      policy: doc(denyInsecure(INVOICES), {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${INVOICES}/*`,
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      }),
      versioning: 'Enabled',
      mfaDelete: true,
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// RDS

const DB_SUBNETS = (name, subnets) => ({
  dBSubnetGroupName: name,
  dBSubnetGroupDescription: `Subnets for ${name.replace(/-subnets$/, '')}`,
  vpcId: VPC.prod,
  subnetGroupStatus: 'Complete',
  subnets: subnets.map(([s, az]) => ({
    subnetIdentifier: SUBNET[s],
    subnetAvailabilityZone: { name: `${REGION}${az}` },
    subnetStatus: 'Active',
  })),
});

function dbInstance(
  identifier,
  {
    engine,
    version,
    cls,
    storage,
    encrypted,
    publicAccess,
    sg,
    subnets,
    subnetGroup,
    multiAZ,
    created,
    tags,
    dbName,
    user,
    port,
    paramGroup,
    optionGroup,
    logs,
  },
) {
  const resourceId = `db-${derive(`db:${identifier}`, 26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:${identifier}`;
  // Five minutes before the capture, rounded down to the minute.
  const restorable = new Date(
    Math.floor((Date.parse(captureTime(`AWS::RDS::DBInstance/${resourceId}`)) - 300_000) / 60_000) * 60_000,
  ).toISOString();
  return ci({
    type: 'AWS::RDS::DBInstance',
    id: resourceId,
    name: identifier,
    arn,
    az: `${REGION}a`,
    created,
    tags,
    relationships: [
      ['AWS::RDS::DBSubnetGroup', subnetGroup, 'Is associated with DBSubnetGroup'],
      ['AWS::EC2::SecurityGroup', SG[sg], 'Is associated with SecurityGroup'],
    ],
    configuration: {
      dBInstanceIdentifier: identifier,
      dBInstanceClass: cls,
      engine,
      dBInstanceStatus: 'available',
      masterUsername: user,
      dBName: dbName,
      endpoint: {
        address: `${identifier}.c7xq2kd9lm4p.${REGION}.rds.amazonaws.com`,
        port,
        hostedZoneId: 'Z29XKXDKYMONMX',
      },
      allocatedStorage: storage,
      instanceCreateTime: created,
      preferredBackupWindow: '02:00-02:30',
      backupRetentionPeriod: 14,
      dBSecurityGroups: [],
      vpcSecurityGroups: [{ vpcSecurityGroupId: SG[sg], status: 'active' }],
      dBParameterGroups: [{ dBParameterGroupName: paramGroup, parameterApplyStatus: 'in-sync' }],
      availabilityZone: `${REGION}a`,
      dBSubnetGroup: DB_SUBNETS(subnetGroup, subnets),
      preferredMaintenanceWindow: 'sun:03:00-sun:03:30',
      pendingModifiedValues: {},
      latestRestorableTime: restorable,
      multiAZ,
      engineVersion: version,
      autoMinorVersionUpgrade: true,
      readReplicaDBInstanceIdentifiers: [],
      readReplicaDBClusterIdentifiers: [],
      licenseModel: engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
      optionGroupMemberships: [{ optionGroupName: optionGroup, status: 'in-sync' }],
      publiclyAccessible: publicAccess,
      statusInfos: [],
      storageType: 'gp3',
      dbInstancePort: 0,
      storageEncrypted: encrypted,
      kmsKeyId: encrypted ? arnKey(KEY.rds) : null,
      dbiResourceId: resourceId,
      cACertificateIdentifier: 'rds-ca-rsa2048-g1',
      domainMemberships: [],
      copyTagsToSnapshot: true,
      monitoringInterval: 0,
      dBInstanceArn: arn,
      iAMDatabaseAuthenticationEnabled: false,
      performanceInsightsEnabled: false,
      enabledCloudwatchLogsExports: logs,
      processorFeatures: [],
      deletionProtection: multiAZ,
      associatedRoles: [],
      maxAllocatedStorage: storage * 5,
      customerOwnedIpEnabled: false,
    },
  });
}

add(
  dbInstance('acme-payments-db', {
    engine: 'postgres',
    version: '16.4',
    cls: 'db.r6g.large',
    storage: 200,
    encrypted: true,
    publicAccess: false,
    sg: 'db',
    subnets: [
      ['privA', 'a'],
      ['privB', 'b'],
    ],
    subnetGroup: 'acme-payments-db-subnets',
    multiAZ: true,
    created: '2024-05-20T14:40:27.402Z',
    tags: { team: 'payments', env: 'prod', 'data-classification': 'confidential' },
    dbName: 'payments',
    user: 'payments_admin',
    port: 5432,
    paramGroup: 'default.postgres16',
    optionGroup: 'default:postgres-16',
    logs: ['postgresql'],
  }),
);
add(
  api(
    dbInstance('acme-reporting-db', {
      engine: 'mysql',
      version: '8.0.39',
      cls: 'db.t4g.medium',
      storage: 100,
      encrypted: true,
      publicAccess: true,
      sg: 'reporting',
      subnets: [
        ['pubA', 'a'],
        ['pubB', 'b'],
      ],
      subnetGroup: 'acme-reporting-db-subnets',
      multiAZ: false,
      created: '2025-03-04T10:21:50.118Z',
      tags: { team: 'data', env: 'prod', 'data-classification': 'sensitive' },
      dbName: 'reporting',
      user: 'reporting_admin',
      port: 3306,
      paramGroup: 'default.mysql8.0',
      optionGroup: 'default:mysql-8-0',
      logs: [],
    }),
  ),
);
add(
  dbInstance('acme-legacy-mysql', {
    engine: 'mysql',
    version: '8.0.35',
    cls: 'db.t3.medium',
    storage: 50,
    encrypted: false,
    publicAccess: false,
    sg: 'db',
    subnets: [
      ['privA', 'a'],
      ['privB', 'b'],
    ],
    subnetGroup: 'acme-legacy-mysql-subnets',
    multiAZ: false,
    created: '2022-01-17T09:48:13.550Z',
    tags: { owner: 'finance-it', env: 'legacy' },
    dbName: 'ledger',
    user: 'admin',
    port: 3306,
    paramGroup: 'default.mysql8.0',
    optionGroup: 'default:mysql-8-0',
    logs: ['error'],
  }),
);

// The back-office tool's database: created by hand in 2025 with a copied PostgreSQL 14 parameter
// group that never turned rds.force_ssl on.
add(
  dbInstance('acme-backoffice-db', {
    engine: 'postgres',
    version: '14.13',
    cls: 'db.t4g.small',
    storage: 20,
    encrypted: true,
    publicAccess: false,
    sg: 'db',
    subnets: [
      ['privA', 'a'],
      ['privB', 'b'],
    ],
    subnetGroup: 'acme-backoffice-db-subnets',
    multiAZ: false,
    created: '2025-04-14T15:22:08.517Z',
    tags: { team: 'ops', env: 'prod', 'data-classification': 'confidential' },
    dbName: 'backoffice',
    user: 'backoffice_admin',
    port: 5432,
    paramGroup: 'acme-backoffice-postgres14',
    optionGroup: 'default:postgres-14',
    logs: [],
  }),
);

// ---------------------------------------------------------------------------------------------
// Secrets Manager

function secret(name, { description, rotation, created, tags, kms = KEY.data }) {
  const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${derive(`secret:${name}`, 6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  return ci({
    type: 'AWS::SecretsManager::Secret',
    id: arn,
    name,
    arn,
    created,
    tags,
    relationships: [['AWS::KMS::Key', kms, 'Is associated with KmsKey']],
    configuration: {
      ARN: arn,
      Name: name,
      Description: description,
      KMSKeyId: arnKey(kms),
      RotationEnabled: rotation !== undefined,
      ...(rotation
        ? {
            RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${rotation.lambda}`,
            RotationRules: rotation.rules,
            RotationOccurringAsScheduled: true,
          }
        : {}),
    },
  });
}

add(
  secret('prod/payments-db/master', {
    description: 'Master user credentials for acme-payments-db',
    rotation: { lambda: 'acme-payments-db-rotation', rules: { AutomaticallyAfterDays: 30 } },
    created: '2024-05-20T14:38:02.640Z',
    tags: { team: 'payments', env: 'prod' },
  }),
);
add(
  select(
    secret('prod/reporting-db/readonly', {
      description: 'Read-only user of acme-reporting-db for the BI tool',
      rotation: {
        lambda: 'acme-reporting-db-rotation',
        rules: { RotationScheduleExpression: 'rate(7 days)', RotationDuration: '2h' },
      },
      created: '2025-03-04T10:30:11.204Z',
      tags: { team: 'data', env: 'prod' },
    }),
  ),
);
add(
  secret('prod/payments/psp-api-key', {
    description: 'API key of the card payment service provider',
    created: '2024-04-02T10:20:45.971Z',
    tags: { team: 'payments', env: 'prod' },
  }),
);

// ---------------------------------------------------------------------------------------------
// SNS topics

function topic(name, { displayName, key, tags, policyStatements = [] }) {
  const arn = `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
  return ci({
    type: 'AWS::SNS::Topic',
    id: arn,
    name,
    arn,
    tags,
    configuration: {
      TopicArn: arn,
      DisplayName: displayName,
      Owner: ACCOUNT,
      ...(key ? { KmsMasterKeyId: key } : {}),
      Policy: JSON.stringify(
        doc(
          {
            Sid: '__default_statement_ID',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: [
              'SNS:GetTopicAttributes',
              'SNS:SetTopicAttributes',
              'SNS:AddPermission',
              'SNS:RemovePermission',
              'SNS:DeleteTopic',
              'SNS:Subscribe',
              'SNS:ListSubscriptionsByTopic',
              'SNS:Publish',
            ],
            Resource: arn,
            Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } },
          },
          ...policyStatements,
        ),
      ),
      EffectiveDeliveryPolicy: JSON.stringify({
        http: {
          defaultHealthyRetryPolicy: {
            minDelayTarget: 20,
            maxDelayTarget: 20,
            numRetries: 3,
            numMaxDelayRetries: 0,
            numNoDelayRetries: 0,
            numMinDelayRetries: 0,
            backoffFunction: 'linear',
          },
          disableSubscriptionOverrides: false,
          defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
        },
      }),
      FifoTopic: 'false',
      ContentBasedDeduplication: 'false',
      LambdaSuccessFeedbackRoleArn: null,
      LambdaFailureFeedbackRoleArn: null,
      LambdaSuccessFeedbackSampleRate: null,
      SQSSuccessFeedbackRoleArn: null,
      SQSFailureFeedbackRoleArn: null,
      SQSSuccessFeedbackSampleRate: null,
    },
  });
}

add(
  topic('acme-security-alerts', {
    displayName: 'Acme security alerts',
    key: arnKey(KEY.logs),
    tags: { team: 'security', 'rampart:component': 'incident-response' },
    policyStatements: [
      {
        Sid: 'AllowEventBridge',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: `arn:aws:sns:${REGION}:${ACCOUNT}:acme-security-alerts`,
      },
    ],
  }),
);
add(select(topic('acme-deploy-notifications', { displayName: 'Deployments', tags: { team: 'platform' } })));
add(topic('acme-billing-alarms', { displayName: 'Billing alarms', key: 'alias/aws/sns', tags: { team: 'finance' } }));

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs log groups (read by Rampart's collector: logs:DescribeLogGroups field names)

function logGroup(name, { created, retention, key, tags = {}, metricFilters = 0, bytes }) {
  const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
  const item = ci({
    type: 'AWS::Logs::LogGroup',
    id: name,
    name,
    arn,
    created,
    tags,
    configuration: {
      logGroupName: name,
      creationTime: Date.parse(created),
      ...(retention ? { retentionInDays: retention } : {}),
      metricFilterCount: metricFilters,
      arn: `${arn}:*`,
      storedBytes: bytes,
      ...(key ? { kmsKeyId: key } : {}),
      logGroupClass: 'STANDARD',
      logGroupArn: arn,
    },
  });
  // AWS Config does not record log groups: Rampart's collector reads them at scan time and writes no version fields.
  for (const field of ['version', 'configurationStateId', 'configurationStateMd5Hash']) delete item[field];
  item.configurationItemCaptureTime = `2026-11-29T07:58:${String(10 + (fnv(name) % 40)).padStart(2, '0')}.000Z`;
  return item;
}

const TRAIL_LOG_GROUP = `aws-cloudtrail-logs-${ACCOUNT}-acme`;
add(
  logGroup(TRAIL_LOG_GROUP, {
    created: '2024-03-11T09:20:05.317Z',
    retention: 400,
    key: arnKey(KEY.logs),
    tags: { team: 'security', 'rampart:component': 'baseline' },
    metricFilters: 14,
    bytes: 38213377025,
  }),
);
add(
  logGroup('/aws/vpc/flow-logs/acme-prod', {
    created: '2024-03-12T10:05:40.102Z',
    retention: 90,
    tags: { team: 'platform' },
    bytes: 91877120344,
  }),
);
add(
  select(
    logGroup('/ecs/acme-payments-api', {
      created: '2024-04-02T10:25:18.554Z',
      retention: 365,
      key: arnKey(KEY.data),
      tags: { team: 'payments' },
      metricFilters: 3,
      bytes: 12877410533,
    }),
  ),
);
add(
  logGroup('/aws/lambda/acme-webhook-dispatcher', {
    created: '2025-01-15T08:30:02.871Z',
    tags: { team: 'payments' },
    bytes: 2210554871,
  }),
);
add(
  logGroup('/aws/vendedlogs/states/rampart-ir-playbooks', {
    created: '2026-10-12T09:35:44.019Z',
    retention: 731,
    key: arnKey(KEY.logs),
    tags: { 'rampart:component': 'incident-response' },
    bytes: 1048576,
  }),
);

// ---------------------------------------------------------------------------------------------
// CloudWatch alarms (CIS metric filters on the trail's log group, and one application alarm)

const SECURITY_ALERTS = `arn:aws:sns:${REGION}:${ACCOUNT}:acme-security-alerts`;
function alarm(name, { description, metric, namespace, alarmActions, insufficientDataActions = [], okActions = [] }) {
  const arn = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
  return ci({
    type: 'AWS::CloudWatch::Alarm',
    id: name,
    name,
    arn,
    configuration: {
      alarmName: name,
      alarmArn: arn,
      alarmDescription: description,
      alarmConfigurationUpdatedTimestamp: captureTime(`alarm:${name}`),
      actionsEnabled: true,
      okactions: okActions,
      alarmActions,
      insufficientDataActions,
      metricName: metric,
      namespace,
      statistic: 'Sum',
      extendedStatistic: null,
      dimensions: [],
      period: 300,
      unit: null,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      threshold: 1.0,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      evaluateLowSampleCountPercentile: null,
      metrics: [],
      thresholdMetricId: null,
    },
  });
}

add(
  alarm('acme-root-account-usage', {
    description: 'CIS 4.3: the root user signed in or called an API',
    metric: 'RootAccountUsageCount',
    namespace: 'CISBenchmark',
    alarmActions: [SECURITY_ALERTS],
    insufficientDataActions: [SECURITY_ALERTS],
  }),
);
add(
  alarm('acme-unauthorized-api-calls', {
    description: 'CIS 4.1: AccessDenied and UnauthorizedOperation errors',
    metric: 'UnauthorizedAPICallsCount',
    namespace: 'CISBenchmark',
    alarmActions: [SECURITY_ALERTS],
  }),
);
add(
  alarm('acme-payments-api-5xx', {
    description: 'Payments API: server errors behind the load balancer',
    metric: 'HTTPCode_Target_5XX_Count',
    namespace: 'AWS/ApplicationELB',
    alarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:acme-deploy-notifications`],
    insufficientDataActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:acme-deploy-notifications`],
    okActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:acme-deploy-notifications`],
  }),
);

// ---------------------------------------------------------------------------------------------
// CloudTrail

add(
  ci({
    type: 'AWS::CloudTrail::Trail',
    id: 'acme-management-trail',
    name: 'acme-management-trail',
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail`,
    tags: { team: 'security', 'rampart:component': 'baseline' },
    configuration: {
      name: 'acme-management-trail',
      s3BucketName: TRAIL_BUCKET,
      s3KeyPrefix: null,
      snsTopicName: null,
      snsTopicARN: null,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      homeRegion: REGION,
      trailARN: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail`,
      logFileValidationEnabled: false,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${TRAIL_LOG_GROUP}:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/acme-cloudtrail-to-cloudwatch`,
      kmsKeyId: arnKey(KEY.logs),
      hasCustomEventSelectors: true,
      hasInsightSelectors: false,
      isOrganizationTrail: false,
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Network Firewall

const nfwArn = (kind, name) => `arn:aws:network-firewall:${REGION}:${ACCOUNT}:${kind}/${name}`;
const AWS_OWNED = { keyId: 'AWS_OWNED_KMS_KEY', type: 'AWS_OWNED_KMS_KEY' };

function ruleGroup(name, { type, description, rulesSource, capacity, consumed, associations }) {
  const arn = nfwArn(type === 'STATELESS' ? 'stateless-rulegroup' : 'stateful-rulegroup', name);
  const tags = { team: 'platform' };
  return ci({
    type: 'AWS::NetworkFirewall::RuleGroup',
    id: arn,
    name,
    arn,
    tags,
    configuration: {
      ruleGroup: {
        rulesSource,
        ...(type === 'STATEFUL' ? { statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' } } : {}),
      },
      ruleGroupResponse: {
        ruleGroupArn: arn,
        ruleGroupName: name,
        ruleGroupId: uuid(`rg:${name}`),
        description,
        type,
        capacity,
        ruleGroupStatus: 'ACTIVE',
        consumedCapacity: consumed,
        numberOfAssociations: associations,
        encryptionConfiguration: AWS_OWNED,
        lastModifiedTime: '2026-10-02T10:29:14.000Z',
        tags: tagList(tags),
      },
    },
  });
}

const bogon = (priority, cidrs) => ({
  ruleDefinition: {
    matchAttributes: {
      sources: cidrs.map((addressDefinition) => ({ addressDefinition })),
      destinations: [{ addressDefinition: '0.0.0.0/0' }],
      sourcePorts: [],
      destinationPorts: [],
      protocols: [6, 17],
      tCPFlags: [],
    },
    actions: ['aws:drop'],
  },
  priority,
});

const RG = {
  bogons: ruleGroup('block-bogons', {
    type: 'STATELESS',
    description: 'Drop traffic from bogon source ranges',
    rulesSource: {
      statelessRulesAndCustomActions: {
        statelessRules: [
          bogon(1, ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16']),
          bogon(2, ['224.0.0.0/4', '240.0.0.0/4']),
        ],
        customActions: [],
      },
    },
    capacity: 20,
    consumed: 2,
    associations: 1,
  }),
  allowlist: ruleGroup('egress-domain-allowlist', {
    type: 'STATEFUL',
    description: 'Domains the workloads may reach',
    rulesSource: {
      rulesSourceList: {
        targets: ['.stripe.com', '.amazonaws.com', '.github.com', '.datadoghq.eu'],
        targetTypes: ['TLS_SNI', 'HTTP_HOST'],
        generatedRulesType: 'ALLOWLIST',
      },
    },
    capacity: 100,
    consumed: 8,
    associations: 1,
  }),
  temp: ruleGroup('temp-block-list', {
    type: 'STATELESS',
    description: 'Temporary block list (emptied after the October incident)',
    rulesSource: { statelessRulesAndCustomActions: { statelessRules: [], customActions: [] } },
    capacity: 50,
    consumed: 0,
    associations: 0,
  }),
};
add(RG.bogons);
add(RG.allowlist);
add(api(RG.temp));

function firewallPolicy(
  name,
  { description, stateless, fragments, statelessGroups, statefulGroups, statefulDefaults, associations },
) {
  const arn = nfwArn('firewall-policy', name);
  const tags = { team: 'platform' };
  return ci({
    type: 'AWS::NetworkFirewall::FirewallPolicy',
    id: arn,
    name,
    arn,
    tags,
    relationships: [...statelessGroups, ...statefulGroups]
      .filter((g) => g.includes(`:${ACCOUNT}:`))
      .map((g) => ['AWS::NetworkFirewall::RuleGroup', g, 'Is associated with RuleGroup']),
    configuration: {
      firewallPolicy: {
        statelessDefaultActions: stateless,
        statelessFragmentDefaultActions: fragments,
        statelessCustomActions: [],
        statelessRuleGroupReferences: statelessGroups.map((resourceArn, i) => ({
          resourceArn,
          priority: 10 * (i + 1),
        })),
        statefulRuleGroupReferences: statefulGroups.map((resourceArn, i) => ({ resourceArn, priority: 100 * (i + 1) })),
        ...(statefulDefaults
          ? {
              statefulDefaultActions: statefulDefaults,
              statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
            }
          : {}),
      },
      firewallPolicyResponse: {
        firewallPolicyName: name,
        firewallPolicyArn: arn,
        firewallPolicyId: uuid(`fp:${name}`),
        description,
        firewallPolicyStatus: 'ACTIVE',
        consumedStatelessRuleCapacity: statelessGroups.length * 2,
        consumedStatefulRuleCapacity: statefulGroups.length * 100,
        numberOfAssociations: associations,
        encryptionConfiguration: AWS_OWNED,
        lastModifiedTime: '2026-10-02T10:31:52.000Z',
        tags: tagList(tags),
      },
    },
  });
}

add(
  firewallPolicy('egress-inspection', {
    description: 'Production egress inspection',
    stateless: ['aws:forward_to_sfe'],
    fragments: ['aws:forward_to_sfe'],
    statelessGroups: [RG.bogons.resourceId],
    statefulGroups: [
      `arn:aws:network-firewall:${REGION}:aws-managed:stateful-rulegroup/ThreatSignaturesMalwareStrictOrder`,
      RG.allowlist.resourceId,
    ],
    statefulDefaults: ['aws:drop_established', 'aws:alert_established'],
    associations: 1,
  }),
);
add(
  firewallPolicy('sandbox-passthrough', {
    description: 'Created while testing the firewall in the default VPC',
    stateless: ['aws:pass'],
    fragments: ['aws:pass'],
    statelessGroups: [],
    statefulGroups: [],
    associations: 1,
  }),
);

function firewall(name, { policy, vpcId, subnets, deleteProtection, subnetChangeProtection, description }) {
  const arn = nfwArn('firewall', name);
  const tags = { team: 'platform' };
  return ci({
    type: 'AWS::NetworkFirewall::Firewall',
    id: arn,
    name,
    arn,
    tags,
    relationships: [
      ['AWS::NetworkFirewall::FirewallPolicy', nfwArn('firewall-policy', policy), 'Is associated with FirewallPolicy'],
      ['AWS::EC2::VPC', vpcId, 'Is contained in Vpc'],
      ...subnets.map((s) => ['AWS::EC2::Subnet', s, 'Is contained in Subnet']),
    ],
    configuration: {
      firewall: {
        firewallName: name,
        firewallArn: arn,
        firewallPolicyArn: nfwArn('firewall-policy', policy),
        vpcId,
        subnetMappings: subnets.map((subnetId) => ({ subnetId, iPAddressType: 'IPV4' })),
        deleteProtection,
        subnetChangeProtection,
        firewallPolicyChangeProtection: deleteProtection,
        description,
        firewallId: uuid(`fw:${name}`),
        encryptionConfiguration: AWS_OWNED,
        tags: tagList(tags),
      },
    },
  });
}

add(
  firewall('acme-egress-firewall', {
    policy: 'egress-inspection',
    vpcId: VPC.prod,
    subnets: [SUBNET.fwA, SUBNET.fwB],
    deleteProtection: true,
    subnetChangeProtection: true,
    description: 'Inspects all egress from acme-prod',
  }),
);
add(
  firewall('sandbox-firewall', {
    policy: 'sandbox-passthrough',
    vpcId: VPC.default,
    subnets: [SUBNET.defA],
    deleteProtection: false,
    subnetChangeProtection: false,
    description: 'Evaluation firewall in the default VPC',
  }),
);

// ---------------------------------------------------------------------------------------------
// Step Functions: Rampart incident-response playbooks (ec2-compromise is not deployed)

function playbook(playbookName, description) {
  const name = `rampart-ir-${playbookName}`;
  const arn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
  const tags = { 'rampart:component': 'incident-response', 'rampart:playbook': playbookName };
  return ci({
    type: 'AWS::StepFunctions::StateMachine',
    id: arn,
    name,
    arn,
    az: 'Regional',
    created: '2026-10-12T09:36:20.000Z',
    tags,
    relationships: [['AWS::IAM::Role', iamId('AROA', IR_ROLE), 'Is associated with Role', IR_ROLE]],
    configuration: {
      Arn: arn,
      StateMachineName: name,
      StateMachineType: 'STANDARD',
      RoleArn: iamArn('role', IR_ROLE, '/rampart/'),
      Definition: null,
      DefinitionString: JSON.stringify({
        Comment: description,
        StartAt: 'Contain',
        States: {
          Contain: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: {
              FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}-contain`,
              'Payload.$': '$',
            },
            Next: 'Notify',
          },
          Notify: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Parameters: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:acme-security-alerts`, 'Message.$': '$' },
            End: true,
          },
        },
      }),
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/states/rampart-ir-playbooks:*`,
            },
          },
        ],
      },
      TracingConfiguration: { Enabled: false },
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    },
  });
}

add(
  playbook(
    'compromised-access-key',
    'Deactivates a compromised IAM access key, denies its user everything, notifies the security team',
  ),
);
add(
  playbook(
    'public-s3-exposure',
    'Blocks public access to an exposed bucket, records its policy and ACL, notifies the security team',
  ),
);

// ---------------------------------------------------------------------------------------------
// Subnets, route tables, network ACLs

function subnet(key, { mapPublicIp, available }) {
  const info = SUBNET_INFO[key];
  const id = SUBNET[key];
  const tags = info.name ? { Name: info.name } : {};
  const isDefault = info.vpc === 'default';
  return ci({
    type: 'AWS::EC2::Subnet',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
    az: `${REGION}${info.az}`,
    tags,
    relationships: [['AWS::EC2::VPC', VPC[info.vpc], 'Is contained in Vpc']],
    configuration: {
      availabilityZone: `${REGION}${info.az}`,
      availabilityZoneId: `euw1-az${{ a: 3, b: 1 }[info.az]}`,
      availableIpAddressCount: available,
      cidrBlock: info.cidr,
      defaultForAz: isDefault,
      mapPublicIpOnLaunch: mapPublicIp,
      mapCustomerOwnedIpOnLaunch: false,
      state: 'available',
      subnetId: id,
      vpcId: VPC[info.vpc],
      ownerId: ACCOUNT,
      assignIpv6AddressOnCreation: false,
      ipv6CidrBlockAssociationSet: [],
      tags: tagList(tags),
      subnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
      enableDns64: false,
      ipv6Native: false,
      privateDnsNameOptionsOnLaunch: {
        hostnameType: 'ip-name',
        enableResourceNameDnsARecord: false,
        enableResourceNameDnsAAAARecord: false,
      },
    },
  });
}

// The public subnets were created before the platform team moved public endpoints behind load
// balancers: they still hand out public IPs (the bastion got its address that way).
add(subnet('privA', { mapPublicIp: false, available: 219 }));
add(subnet('privB', { mapPublicIp: false, available: 226 }));
add(subnet('pubA', { mapPublicIp: true, available: 245 }));
add(select(subnet('pubB', { mapPublicIp: true, available: 247 })));
add(subnet('fwA', { mapPublicIp: false, available: 10 }));
add(subnet('fwB', { mapPublicIp: false, available: 10 }));
add(api(subnet('defA', { mapPublicIp: true, available: 4085 })));

const IGW = { prod: ec2Id('igw', 'acme-prod'), default: ec2Id('igw', 'default') };
const NAT_GW = `nat-0${hex('nat:acme-prod-a', 16)}`;
const FW_ENDPOINT = { a: `vpce-0${hex('vpce:fw-a', 16)}`, b: `vpce-0${hex('vpce:fw-b', 16)}` };
const S3_GATEWAY_ENDPOINT = `vpce-0${hex('vpce:s3-gateway', 16)}`;

const route = (destination, target, origin = 'CreateRoute') => ({
  destinationCidrBlock: destination,
  ...(target.startsWith('nat-') ? { natGatewayId: target } : { gatewayId: target }),
  origin,
  state: 'active',
});

function routeTable(seed, { name, vpc, subnets = [], main = false, edge, routes }) {
  const id = ec2Id('rtb', seed);
  const tags = name ? { Name: name } : {};
  const vpcId = VPC[vpc];
  return ci({
    type: 'AWS::EC2::RouteTable',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:route-table/${id}`,
    tags,
    relationships: [
      ...subnets.map((s) => ['AWS::EC2::Subnet', SUBNET[s], 'Contains Subnet']),
      ['AWS::EC2::VPC', vpcId, 'Is contained in Vpc'],
    ],
    configuration: {
      associations: [
        ...(main
          ? [
              {
                main: true,
                routeTableAssociationId: ec2Id('rtbassoc', `${seed}:main`),
                routeTableId: id,
                associationState: { state: 'associated' },
              },
            ]
          : []),
        ...(edge
          ? [
              {
                main: false,
                routeTableAssociationId: ec2Id('rtbassoc', `${seed}:edge`),
                routeTableId: id,
                gatewayId: edge,
                associationState: { state: 'associated' },
              },
            ]
          : []),
        ...subnets.map((s) => ({
          main: false,
          routeTableAssociationId: ec2Id('rtbassoc', `${seed}:${s}`),
          routeTableId: id,
          subnetId: SUBNET[s],
          associationState: { state: 'associated' },
        })),
      ],
      propagatingVgws: [],
      routeTableId: id,
      routes: [
        {
          destinationCidrBlock: vpc === 'prod' ? '10.40.0.0/16' : '172.31.0.0/16',
          gatewayId: 'local',
          origin: 'CreateRouteTable',
          state: 'active',
        },
        ...routes,
      ],
      tags: tagList(tags),
      vpcId,
      ownerId: ACCOUNT,
    },
  });
}

const s3Route = {
  destinationPrefixListId: 'pl-6da54004',
  gatewayId: S3_GATEWAY_ENDPOINT,
  origin: 'CreateRoute',
  state: 'active',
};
add(routeTable('prod-main', { name: 'acme-prod-main', vpc: 'prod', main: true, routes: [] }));
add(
  routeTable('prod-private', {
    name: 'acme-prod-private',
    vpc: 'prod',
    subnets: ['privA', 'privB'],
    routes: [route('0.0.0.0/0', NAT_GW), s3Route],
  }),
);
// Egress inspection: public subnets send to the firewall endpoints, the firewall subnets to the internet gateway.
add(
  routeTable('prod-public-a', {
    name: 'acme-prod-public-a',
    vpc: 'prod',
    subnets: ['pubA'],
    routes: [route('0.0.0.0/0', FW_ENDPOINT.a)],
  }),
);
add(
  select(
    routeTable('prod-public-b', {
      name: 'acme-prod-public-b',
      vpc: 'prod',
      subnets: ['pubB'],
      routes: [route('0.0.0.0/0', FW_ENDPOINT.b)],
    }),
  ),
);
add(
  routeTable('prod-firewall', {
    name: 'acme-prod-firewall',
    vpc: 'prod',
    subnets: ['fwA', 'fwB'],
    routes: [route('0.0.0.0/0', IGW.prod)],
  }),
);
add(
  routeTable('prod-igw-edge', {
    name: 'acme-prod-igw-ingress',
    vpc: 'prod',
    edge: IGW.prod,
    routes: [route('10.40.101.0/24', FW_ENDPOINT.a), route('10.40.102.0/24', FW_ENDPOINT.b)],
  }),
);
add(
  api(
    routeTable('default-main', {
      vpc: 'default',
      main: true,
      subnets: [],
      routes: [route('0.0.0.0/0', IGW.default)],
    }),
  ),
);

const aclEntry = (ruleNumber, egress, cidrBlock, ruleAction, protocol = '-1', ports) => ({
  cidrBlock,
  egress,
  protocol,
  ruleAction,
  ruleNumber,
  ...(ports ? { portRange: { from: ports[0], to: ports[1] } } : {}),
});
const ACL_DEFAULT_ENTRIES = [
  aclEntry(100, false, '0.0.0.0/0', 'allow'),
  aclEntry(32767, false, '0.0.0.0/0', 'deny'),
  aclEntry(100, true, '0.0.0.0/0', 'allow'),
  aclEntry(32767, true, '0.0.0.0/0', 'deny'),
];

function networkAcl(id, { name, vpc, isDefault, subnets, entries, created }) {
  const tags = name ? { Name: name } : {};
  return ci({
    type: 'AWS::EC2::NetworkAcl',
    id,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:network-acl/${id}`,
    created,
    tags,
    relationships: [
      ...subnets.map((s) => ['AWS::EC2::Subnet', SUBNET[s], 'Is attached to Subnet']),
      ['AWS::EC2::VPC', VPC[vpc], 'Is contained in Vpc'],
    ],
    configuration: {
      associations: subnets.map((s) => ({
        networkAclAssociationId: ec2Id('aclassoc', `${id}:${s}`),
        networkAclId: id,
        subnetId: SUBNET[s],
      })),
      entries,
      isDefault,
      networkAclId: id,
      tags: tagList(tags),
      vpcId: VPC[vpc],
      ownerId: ACCOUNT,
    },
  });
}

const ACL = {
  prod: ec2Id('acl', 'prod'),
  default: ec2Id('acl', 'default'),
  public: ec2Id('acl', 'prod-public'),
  vpn: ec2Id('acl', 'partner-vpn-2024'),
};
add(
  networkAcl(ACL.prod, {
    name: 'acme-prod-default',
    vpc: 'prod',
    isDefault: true,
    subnets: ['privA', 'privB', 'fwA', 'fwB'],
    entries: ACL_DEFAULT_ENTRIES,
  }),
);
add(
  networkAcl(ACL.public, {
    name: 'acme-prod-public',
    vpc: 'prod',
    isDefault: false,
    subnets: ['pubA', 'pubB'],
    created: '2024-03-12T10:01:12.000Z',
    entries: [
      aclEntry(100, false, '0.0.0.0/0', 'allow', '6', [443, 443]),
      aclEntry(110, false, '0.0.0.0/0', 'allow', '6', [80, 80]),
      aclEntry(120, false, '0.0.0.0/0', 'allow', '6', [22, 22]),
      aclEntry(130, false, '0.0.0.0/0', 'allow', '6', [1024, 65535]),
      aclEntry(140, false, '10.40.0.0/16', 'allow'),
      aclEntry(32767, false, '0.0.0.0/0', 'deny'),
      aclEntry(100, true, '0.0.0.0/0', 'allow'),
      aclEntry(32767, true, '0.0.0.0/0', 'deny'),
    ],
  }),
);
// Left over from the 2024 partner VPN proof of concept: associated with nothing.
add(
  networkAcl(ACL.vpn, {
    name: 'partner-vpn-poc-2024',
    vpc: 'prod',
    isDefault: false,
    subnets: [],
    created: '2024-09-03T14:22:51.000Z',
    entries: [
      aclEntry(100, false, '192.0.2.0/24', 'allow'),
      aclEntry(32767, false, '0.0.0.0/0', 'deny'),
      aclEntry(100, true, '192.0.2.0/24', 'allow'),
      aclEntry(32767, true, '0.0.0.0/0', 'deny'),
    ],
  }),
);
add(api(networkAcl(ACL.default, { vpc: 'default', isDefault: true, subnets: ['defA'], entries: ACL_DEFAULT_ENTRIES })));

// The NAT gateway's Elastic IP.
const NAT_EIP = { allocation: `eipalloc-0${hex('eip:nat-a', 16)}`, ip: '52.212.47.118', eni: ec2Id('eni', 'nat-a') };
add(
  ci({
    type: 'AWS::EC2::EIP',
    id: NAT_EIP.allocation,
    tags: { Name: 'acme-prod-nat-a' },
    relationships: [['AWS::EC2::NetworkInterface', NAT_EIP.eni, 'Is attached to NetworkInterface']],
    configuration: {
      allocationId: NAT_EIP.allocation,
      associationId: `eipassoc-0${hex('eipassoc:nat-a', 16)}`,
      domain: 'vpc',
      networkInterfaceId: NAT_EIP.eni,
      networkInterfaceOwnerId: ACCOUNT,
      privateIpAddress: '10.40.101.5',
      publicIp: NAT_EIP.ip,
      publicIpv4Pool: 'amazon',
      networkBorderGroup: REGION,
      tags: tagList({ Name: 'acme-prod-nat-a' }),
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Certificates (ACM)

const acmArn = (domain) => `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${uuid(`acm:${domain}`)}`;
const LB_ARN = (kind, name) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${kind}/${name}/${hex(`lb:${name}`, 16)}`;
const ALB = { web: LB_ARN('app', 'acme-payments-alb'), backoffice: LB_ARN('app', 'acme-backoffice') };
const REST_API = {
  partner: derive('restapi:partner', 10, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  webhooks: derive('restapi:webhooks', 10, 'abcdefghijklmnopqrstuvwxyz0123456789'),
};
const PARTNER_DOMAIN = `arn:aws:apigateway:${REGION}::/domainnames/partners.acme-payments.example`;

function certificate(
  domain,
  { sans = [], type = 'AMAZON_ISSUED', status = 'ISSUED', created, notBefore, notAfter, inUseBy = [], tags = {} },
) {
  const arn = acmArn(domain);
  const issued = status === 'ISSUED';
  return ci({
    type: 'AWS::ACM::Certificate',
    id: arn,
    arn,
    created,
    tags,
    relationships: inUseBy
      .filter((u) => u.includes(':loadbalancer/'))
      .map((u) => ['AWS::ElasticLoadBalancingV2::LoadBalancer', u, 'Is attached to ElasticLoadBalancingV2']),
    configuration: {
      certificateArn: arn,
      domainName: domain,
      subjectAlternativeNames: [domain, ...sans],
      domainValidationOptions:
        type === 'IMPORTED'
          ? []
          : [domain, ...sans].map((d) => ({
              domainName: d,
              validationDomain: d,
              validationStatus: issued ? 'SUCCESS' : 'PENDING_VALIDATION',
              validationMethod: 'DNS',
              resourceRecord: {
                name: `_${hex(`cname:${d}`, 32)}.${d}.`,
                type: 'CNAME',
                value: `_${hex(`cnamev:${d}`, 32)}.acm-validations.aws.`,
              },
            })),
      serial: issued ? hex(`serial:${domain}`, 32).match(/../g).join(':') : null,
      subject: issued ? `CN=${domain}` : null,
      issuer: issued ? (type === 'IMPORTED' ? 'Sectigo RSA Domain Validation Secure Server CA' : 'Amazon') : null,
      createdAt: type === 'IMPORTED' ? null : created,
      issuedAt: type === 'IMPORTED' || !issued ? null : created,
      importedAt: type === 'IMPORTED' ? created : null,
      status,
      notBefore: notBefore ?? null,
      notAfter: notAfter ?? null,
      keyAlgorithm: 'RSA-2048',
      signatureAlgorithm: issued ? 'SHA256WITHRSA' : null,
      inUseBy,
      type,
      keyUsages: issued ? [{ name: 'DIGITAL_SIGNATURE' }, { name: 'KEY_ENCIPHERMENT' }] : [],
      extendedKeyUsages: issued
        ? [
            { name: 'TLS_WEB_SERVER_AUTHENTICATION', oID: '1.3.6.1.5.5.7.3.1' },
            { name: 'TLS_WEB_CLIENT_AUTHENTICATION', oID: '1.3.6.1.5.5.7.3.2' },
          ]
        : [],
      renewalEligibility: type === 'IMPORTED' || !issued ? 'INELIGIBLE' : 'ELIGIBLE',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
    },
  });
}

add(
  certificate('api.acme-payments.example', {
    sans: ['pay.acme-payments.example'],
    created: '2026-04-14T09:12:40.000Z',
    notBefore: '2026-04-14T00:00:00.000Z',
    notAfter: '2027-05-13T23:59:59.000Z',
    inUseBy: [ALB.web],
    tags: { team: 'platform' },
  }),
);
// Bought from a commercial CA for the partner API's custom domain and imported: ACM cannot renew it.
add(
  api(
    certificate('partners.acme-payments.example', {
      type: 'IMPORTED',
      created: '2025-12-02T16:40:11.000Z',
      notBefore: '2025-12-08T00:00:00.000Z',
      notAfter: '2026-12-08T23:59:59.000Z',
      inUseBy: [PARTNER_DOMAIN],
      tags: { team: 'payments' },
    }),
  ),
);
add(
  certificate('status.acme-payments.example', {
    status: 'PENDING_VALIDATION',
    created: '2026-11-24T15:03:27.000Z',
    tags: { team: 'platform' },
  }),
);

// ---------------------------------------------------------------------------------------------
// Load balancers: the public payments ALB, an internal back-office ALB, a legacy Classic Load Balancer

function elbv2(name, { scheme, subnets, sg, created, attributes, tags = {} }) {
  const arn = LB_ARN('app', name);
  const vpcId = VPC.prod;
  const attrs = {
    'access_logs.s3.enabled': 'false',
    'access_logs.s3.bucket': '',
    'access_logs.s3.prefix': '',
    'deletion_protection.enabled': 'false',
    'idle_timeout.timeout_seconds': '60',
    'routing.http2.enabled': 'true',
    'routing.http.drop_invalid_header_fields.enabled': 'false',
    'routing.http.desync_mitigation_mode': 'defensive',
    'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': 'false',
    'routing.http.xff_client_port.enabled': 'false',
    'routing.http.preserve_host_header.enabled': 'false',
    'routing.http.xff_header_processing.mode': 'append',
    'load_balancing.cross_zone.enabled': 'true',
    'waf.fail_open.enabled': 'false',
    ...attributes,
  };
  const dns = `${scheme === 'internal' ? 'internal-' : ''}${name}-${fnv(`dns:${name}`)}.${REGION}.elb.amazonaws.com`;
  return ci({
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    id: arn,
    name,
    arn,
    created,
    tags,
    relationships: [
      ['AWS::EC2::SecurityGroup', SG[sg], 'Is associated with SecurityGroup'],
      ...subnets.map((s) => ['AWS::EC2::Subnet', SUBNET[s], 'Is attached to Subnet']),
      ['AWS::EC2::VPC', vpcId, 'Is contained in Vpc'],
    ],
    configuration: {
      loadBalancerArn: arn,
      dNSName: dns,
      canonicalHostedZoneId: 'Z32O12XQLNTSW2',
      createdTime: created,
      loadBalancerName: name,
      scheme,
      vpcId,
      state: { code: 'active' },
      type: 'application',
      availabilityZones: subnets.map((s) => ({
        zoneName: `${REGION}${SUBNET_INFO[s].az}`,
        subnetId: SUBNET[s],
        loadBalancerAddresses: [],
      })),
      securityGroups: [SG[sg]],
      ipAddressType: 'ipv4',
    },
    supplementary: {
      LoadBalancerAttributes: Object.entries(attrs).map(([key, value]) => ({ key, value })),
      Tags: tagList(tags),
    },
  });
}

add(
  elbv2('acme-payments-alb', {
    scheme: 'internet-facing',
    subnets: ['pubA', 'pubB'],
    sg: 'alb',
    created: '2024-04-02T10:31:18.204Z',
    tags: { team: 'platform' },
    attributes: {
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': LOG_BUCKET,
      'access_logs.s3.prefix': 'elb/acme-payments-alb',
      'deletion_protection.enabled': 'true',
      'routing.http.drop_invalid_header_fields.enabled': 'true',
    },
  }),
);
// The back-office tool: internal, plain HTTP, created by hand in 2025 and never brought up to standard.
add(
  api(
    elbv2('acme-backoffice', {
      scheme: 'internal',
      subnets: ['privA', 'privB'],
      sg: 'backofficeAlb',
      created: '2025-04-28T13:55:02.771Z',
      tags: { team: 'payments' },
      attributes: {
        'access_logs.s3.enabled': 'true',
        'access_logs.s3.bucket': LOG_BUCKET,
        'access_logs.s3.prefix': 'elb/acme-backoffice',
      },
    }),
  ),
);

const targetGroup = (name) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/${hex(`tg:${name}`, 16)}`;
function listener(lbName, { port, protocol, sslPolicy, certificate: cert, actions }) {
  const lbArn = LB_ARN('app', lbName);
  const arn = `${lbArn.replace(':loadbalancer/', ':listener/')}/${hex(`listener:${lbName}:${port}`, 16)}`;
  return ci({
    type: 'AWS::ElasticLoadBalancingV2::Listener',
    id: arn,
    arn,
    relationships: [['AWS::ElasticLoadBalancingV2::LoadBalancer', lbArn, 'Is attached to LoadBalancer']],
    configuration: {
      ListenerArn: arn,
      LoadBalancerArn: lbArn,
      Port: port,
      Protocol: protocol,
      ...(sslPolicy ? { SslPolicy: sslPolicy } : {}),
      Certificates: cert ? [{ CertificateArn: cert }] : [],
      DefaultActions: actions,
    },
  });
}
const forward = (tg) => [
  {
    Type: 'forward',
    Order: 1,
    TargetGroupArn: targetGroup(tg),
    ForwardConfig: {
      TargetGroups: [{ TargetGroupArn: targetGroup(tg), Weight: 1 }],
      TargetGroupStickinessConfig: { Enabled: false },
    },
  },
];

add(
  listener('acme-payments-alb', {
    port: 80,
    protocol: 'HTTP',
    actions: [
      {
        Type: 'redirect',
        Order: 1,
        RedirectConfig: {
          Protocol: 'HTTPS',
          Port: '443',
          Host: '#{host}',
          Path: '/#{path}',
          Query: '#{query}',
          StatusCode: 'HTTP_301',
        },
      },
    ],
  }),
);
add(
  api(
    listener('acme-payments-alb', {
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificate: acmArn('api.acme-payments.example'),
      actions: forward('acme-payments-api'),
    }),
  ),
);
add(listener('acme-backoffice', { port: 80, protocol: 'HTTP', actions: forward('acme-backoffice') }));

// The partner portal from 2019: a Classic Load Balancer in the default VPC in front of the Windows
// box, with an HTTP listener and an IAM server certificate on HTTPS.
const PORTAL_ELB = 'acme-legacy-portal';
add(
  ci({
    type: 'AWS::ElasticLoadBalancing::LoadBalancer',
    id: PORTAL_ELB,
    name: PORTAL_ELB,
    arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${PORTAL_ELB}`,
    created: '2022-08-17T14:20:45.000Z',
    tags: { owner: 'finance-it' },
    relationships: [
      ['AWS::EC2::Instance', ec2Id('i', 'acme-legacy-win'), 'Is associated with Instance'],
      ['AWS::EC2::SecurityGroup', SG.portalElb, 'Is associated with SecurityGroup'],
      ['AWS::EC2::Subnet', SUBNET.defA, 'Is attached to Subnet'],
      ['AWS::EC2::VPC', VPC.default, 'Is contained in Vpc'],
    ],
    configuration: {
      loadBalancerName: PORTAL_ELB,
      dnsname: `${PORTAL_ELB}-${fnv('dns:portal')}.${REGION}.elb.amazonaws.com`,
      canonicalHostedZoneName: `${PORTAL_ELB}-${fnv('dns:portal')}.${REGION}.elb.amazonaws.com`,
      canonicalHostedZoneNameID: 'Z32O12XQLNTSW2',
      listenerDescriptions: [
        {
          listener: { protocol: 'HTTP', loadBalancerPort: 80, instanceProtocol: 'HTTP', instancePort: 80 },
          policyNames: [],
        },
        {
          listener: {
            protocol: 'HTTPS',
            loadBalancerPort: 443,
            instanceProtocol: 'HTTPS',
            instancePort: 443,
            sslcertificateId: `arn:aws:iam::${ACCOUNT}:server-certificate/portal-acme-payments-2022`,
          },
          policyNames: ['ELBSecurityPolicy-2016-08'],
        },
      ],
      policies: {
        appCookieStickinessPolicies: [],
        lbcookieStickinessPolicies: [],
        otherPolicies: ['ELBSecurityPolicy-2016-08'],
      },
      backendServerDescriptions: [],
      availabilityZones: [`${REGION}a`],
      subnets: [SUBNET.defA],
      vpcid: VPC.default,
      instances: [{ instanceId: ec2Id('i', 'acme-legacy-win') }],
      healthCheck: { target: 'HTTP:80/', interval: 30, timeout: 5, unhealthyThreshold: 2, healthyThreshold: 10 },
      sourceSecurityGroup: { ownerAlias: ACCOUNT, groupName: 'acme-legacy-portal-elb' },
      securityGroups: [SG.portalElb],
      createdTime: '2022-08-17T14:20:45.000Z',
      scheme: 'internet-facing',
    },
    supplementary: {
      LoadBalancerAttributes: {
        crossZoneLoadBalancing: { enabled: false },
        accessLog: { enabled: false },
        connectionDraining: { enabled: true, timeout: 300 },
        connectionSettings: { idleTimeout: 60 },
        additionalAttributes: [{ key: 'elb.http.desyncmitigationmode', value: 'defensive' }],
      },
      LoadBalancerPolicies: [
        {
          policyName: 'ELBSecurityPolicy-2016-08',
          policyTypeName: 'SSLNegotiationPolicyType',
          policyAttributeDescriptions: [
            { attributeName: 'Reference-Security-Policy', attributeValue: 'ELBSecurityPolicy-2016-08' },
          ],
        },
      ],
      Tags: [{ key: 'owner', value: 'finance-it' }],
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// AWS WAF: the WAFv2 web ACL in front of the ALB and the partner API, and WAF Classic leftovers

const wafv2Id = (name) => uuid(`wafv2:${name}`);
const wafv2Arn = (kind, name) => `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/${kind}/${name}/${wafv2Id(name)}`;
const visibility = (metricName, metrics = true) => ({
  sampledRequestsEnabled: true,
  cloudWatchMetricsEnabled: metrics,
  metricName,
});
const managedRule = (name, priority, metric) => ({
  name: `AWS-${name}`,
  priority,
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, excludedRules: [] } },
  overrideAction: { none: {} },
  visibilityConfig: visibility(metric),
});

function wafv2Item(kind, name, { description, rules, capacity, metrics = true, tags = {}, defaultAction }) {
  const id = wafv2Id(name);
  const arn = wafv2Arn(kind, name);
  const type = kind === 'webacl' ? 'AWS::WAFv2::WebACL' : 'AWS::WAFv2::RuleGroup';
  return ci({
    type,
    id: `${name}|${id}|REGIONAL`,
    name,
    arn,
    tags,
    configuration: {
      name,
      id,
      aRN: arn,
      ...(kind === 'webacl' ? { defaultAction } : {}),
      description,
      rules,
      visibilityConfig: visibility(name, metrics),
      capacity,
      ...(kind === 'webacl'
        ? {
            preProcessFirewallManagerRuleGroups: [],
            postProcessFirewallManagerRuleGroups: [],
            managedByFirewallManager: false,
          }
        : {}),
      labelNamespace: `awswaf:${ACCOUNT}:${kind}:${name}:`,
    },
  });
}

add(
  wafv2Item('rulegroup', 'acme-geo-restrictions', {
    description: 'Blocks countries Acme does not serve',
    capacity: 10,
    tags: { team: 'security' },
    rules: [
      {
        name: 'block-sanctioned-countries',
        priority: 0,
        statement: { geoMatchStatement: { countryCodes: ['KP', 'IR', 'SY', 'CU'] } },
        action: { block: {} },
        visibilityConfig: visibility('block-sanctioned-countries'),
      },
    ],
  }),
);
add(
  api(
    wafv2Item('rulegroup', 'acme-partner-allowlist', {
      description: 'Partner API: only partner address ranges may call /settlements',
      capacity: 25,
      metrics: false,
      tags: { team: 'payments' },
      rules: [
        {
          name: 'settlements-from-partners-only',
          priority: 0,
          statement: {
            andStatement: {
              statements: [
                {
                  byteMatchStatement: {
                    searchString: '/settlements',
                    fieldToMatch: { uriPath: {} },
                    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                    positionalConstraint: 'STARTS_WITH',
                  },
                },
                {
                  notStatement: {
                    statement: { iPSetReferenceStatement: { aRN: wafv2Arn('ipset', 'acme-partner-ranges') } },
                  },
                },
              ],
            },
          },
          action: { block: {} },
          visibilityConfig: visibility('settlements-from-partners-only', false),
        },
      ],
    }),
  ),
);
// Created during the October incident to block an abusive range; emptied afterwards, kept "just in case".
add(
  wafv2Item('rulegroup', 'acme-incident-blocklist', {
    description: 'Temporary block list (October incident)',
    capacity: 50,
    tags: { team: 'security' },
    rules: [],
  }),
);
add(
  wafv2Item('webacl', 'acme-payments-web', {
    description: 'Public payments ALB and partner API',
    capacity: 1377,
    defaultAction: { allow: {} },
    tags: { team: 'security', 'rampart:component': 'baseline' },
    rules: [
      managedRule('AWSManagedRulesCommonRuleSet', 0, 'common'),
      managedRule('AWSManagedRulesKnownBadInputsRuleSet', 1, 'known-bad-inputs'),
      managedRule('AWSManagedRulesAmazonIpReputationList', 2, 'ip-reputation'),
      managedRule('AWSManagedRulesSQLiRuleSet', 3, 'sqli'),
      {
        name: 'acme-geo-restrictions',
        priority: 4,
        statement: {
          ruleGroupReferenceStatement: { aRN: wafv2Arn('rulegroup', 'acme-geo-restrictions'), excludedRules: [] },
        },
        overrideAction: { none: {} },
        visibilityConfig: visibility('geo-restrictions'),
      },
      {
        name: 'rate-limit-per-ip',
        priority: 5,
        statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
        action: { block: {} },
        visibilityConfig: visibility('rate-limit-per-ip'),
      },
    ],
  }),
);
// Created for the back-office ALB in 2025; nobody added rules or associated it.
add(
  wafv2Item('webacl', 'acme-backoffice-web', {
    description: 'Back-office (draft)',
    capacity: 0,
    defaultAction: { allow: {} },
    tags: { team: 'payments' },
    rules: [],
  }),
);

// WAF Classic (regional) from before the 2024 migration to WAFv2; no longer associated with anything.
const wafClassicArn = (kind, id) => `arn:aws:waf-regional:${REGION}:${ACCOUNT}:${kind}/${id}`;
const CLASSIC = {
  ipBlock: uuid('waf-classic:rule:legacy-ip-blocklist'),
  sqli: uuid('waf-classic:rule:legacy-sqli'),
  placeholder: uuid('waf-classic:rule:legacy-admin-paths'),
  group: uuid('waf-classic:rulegroup:legacy-blocklists'),
  emptyGroup: uuid('waf-classic:rulegroup:legacy-bot-rules'),
  acl: uuid('waf-classic:webacl:legacy-payments-acl'),
  testAcl: uuid('waf-classic:webacl:legacy-test-acl'),
};
function wafClassic(type, kind, id, name, configuration) {
  return ci({
    type,
    id,
    name,
    arn: wafClassicArn(kind, id),
    created: '2021-03-15T10:44:02.000Z',
    configuration: { ...configuration, name, metricName: name.replace(/[^A-Za-z0-9]/g, '') },
  });
}
add(
  wafClassic('AWS::WAFRegional::Rule', 'rule', CLASSIC.ipBlock, 'legacy-ip-blocklist', {
    ruleId: CLASSIC.ipBlock,
    predicateList: [{ negated: false, type: 'IPMatch', dataId: uuid('waf-classic:ipset:blocked') }],
  }),
);
add(
  wafClassic('AWS::WAFRegional::Rule', 'rule', CLASSIC.sqli, 'legacy-sqli', {
    ruleId: CLASSIC.sqli,
    predicateList: [
      { negated: false, type: 'SqlInjectionMatch', dataId: uuid('waf-classic:sqli:body') },
      { negated: false, type: 'SqlInjectionMatch', dataId: uuid('waf-classic:sqli:query') },
    ],
  }),
);
add(
  api(
    wafClassic('AWS::WAFRegional::Rule', 'rule', CLASSIC.placeholder, 'legacy-admin-paths', {
      ruleId: CLASSIC.placeholder,
      predicateList: [],
    }),
  ),
);
add(
  wafClassic('AWS::WAFRegional::RuleGroup', 'rulegroup', CLASSIC.group, 'legacy-blocklists', {
    ruleGroupId: CLASSIC.group,
    rules: [
      { priority: 1, ruleId: CLASSIC.ipBlock, action: { type: 'BLOCK' }, type: 'REGULAR' },
      { priority: 2, ruleId: CLASSIC.sqli, action: { type: 'BLOCK' }, type: 'REGULAR' },
    ],
  }),
);
add(
  wafClassic('AWS::WAFRegional::RuleGroup', 'rulegroup', CLASSIC.emptyGroup, 'legacy-bot-rules', {
    ruleGroupId: CLASSIC.emptyGroup,
    rules: [],
  }),
);
add(
  wafClassic('AWS::WAFRegional::WebACL', 'webacl', CLASSIC.acl, 'legacy-payments-acl', {
    webACLId: CLASSIC.acl,
    defaultAction: { type: 'ALLOW' },
    rulesList: [
      { priority: 1, ruleId: CLASSIC.group, overrideAction: { type: 'NONE' }, type: 'GROUP', excludedRules: [] },
      { priority: 2, ruleId: CLASSIC.placeholder, action: { type: 'COUNT' }, type: 'REGULAR' },
    ],
    associationList: [],
  }),
);
add(
  wafClassic('AWS::WAFRegional::WebACL', 'webacl', CLASSIC.testAcl, 'legacy-test-acl', {
    webACLId: CLASSIC.testAcl,
    defaultAction: { type: 'ALLOW' },
    rulesList: [],
    associationList: [],
  }),
);

// ---------------------------------------------------------------------------------------------
// API Gateway: the partner REST API (prod and sandbox stages), the PSP webhook receiver, and the
// WebSocket API the merchant dashboard uses for live payment status

const stageArn = (apiId, stage, kind = 'restapis') => `arn:aws:apigateway:${REGION}::/${kind}/${apiId}/stages/${stage}`;
const methodSetting = ({ logging, caching = false, encrypted = false, ttl = 300 }) => ({
  metricsEnabled: true,
  loggingLevel: logging,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000.0,
  cachingEnabled: caching,
  cacheTtlInSeconds: ttl,
  cacheDataEncrypted: encrypted,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
});

function restStage(
  apiId,
  stage,
  { description, created, updated, methodSettings, cacheSize, webAcl, clientCert, logGroup, tags = {} },
) {
  const arn = stageArn(apiId, stage);
  return ci({
    type: 'AWS::ApiGateway::Stage',
    id: arn,
    name: stage,
    arn,
    created,
    tags,
    relationships: [['AWS::ApiGateway::RestApi', apiId, 'Is contained in RestApi']],
    configuration: {
      deploymentId: derive(`deployment:${apiId}:${stage}`, 6, 'abcdefghijklmnopqrstuvwxyz0123456789'),
      stageName: stage,
      description,
      cacheClusterEnabled: cacheSize !== undefined,
      cacheClusterStatus: cacheSize !== undefined ? 'AVAILABLE' : 'NOT_AVAILABLE',
      ...(cacheSize !== undefined ? { cacheClusterSize: cacheSize } : {}),
      methodSettings,
      tracingEnabled: true,
      ...(webAcl ? { webAclArn: webAcl } : {}),
      ...(logGroup
        ? {
            accessLogSettings: {
              destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroup}`,
              format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}',
            },
          }
        : {}),
      ...(clientCert ? { clientCertificateId: clientCert } : {}),
      createdDate: created,
      lastUpdatedDate: updated,
      tags,
    },
  });
}

const PAYMENTS_WEB_ACL = wafv2Arn('webacl', 'acme-payments-web');
add(
  restStage(REST_API.partner, 'prod', {
    description: 'Partner API (production)',
    created: '2025-11-03T10:02:11.000Z',
    updated: '2026-11-10T08:31:40.000Z',
    methodSettings: {
      '*/*': methodSetting({ logging: 'INFO', caching: true, encrypted: true }),
      'settlements/GET': methodSetting({ logging: 'INFO', caching: true, encrypted: true, ttl: 60 }),
    },
    cacheSize: '0.5',
    webAcl: PAYMENTS_WEB_ACL,
    clientCert: derive('apigw-client-cert:partner', 6, 'abcdefghijklmnopqrstuvwxyz0123456789'),
    logGroup: `API-Gateway-Access-Logs_${REST_API.partner}/prod`,
    tags: { team: 'payments', env: 'prod' },
  }),
);
add(
  api(
    restStage(REST_API.partner, 'sandbox', {
      description: 'Partner API (sandbox for partner integration tests)',
      created: '2025-11-03T10:05:47.000Z',
      updated: '2026-06-22T14:18:09.000Z',
      methodSettings: { '*/*': methodSetting({ logging: 'OFF' }) },
      tags: { team: 'payments', env: 'sandbox' },
    }),
  ),
);
add(
  restStage(REST_API.webhooks, 'v1', {
    description: 'Receives payment service provider webhooks',
    created: '2025-01-15T08:40:56.000Z',
    updated: '2026-09-30T12:02:33.000Z',
    methodSettings: { '*/*': methodSetting({ logging: 'ERROR' }) },
    webAcl: PAYMENTS_WEB_ACL,
    logGroup: `API-Gateway-Access-Logs_${REST_API.webhooks}/v1`,
    tags: { team: 'payments', env: 'prod' },
  }),
);
{
  const wsApi = derive('apigwv2:live-payments', 10, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const arn = stageArn(wsApi, 'production', 'apis');
  add(
    ci({
      type: 'AWS::ApiGatewayV2::Stage',
      id: arn,
      name: 'production',
      arn,
      created: '2026-02-09T11:20:03.000Z',
      tags: { team: 'payments' },
      relationships: [['AWS::ApiGatewayV2::Api', wsApi, 'Is contained in Api']],
      configuration: {
        stageName: 'production',
        deploymentId: derive(`deployment:${wsApi}`, 6, 'abcdefghijklmnopqrstuvwxyz0123456789'),
        autoDeploy: false,
        apiGatewayManaged: false,
        description: 'Live payment status for the merchant dashboard',
        defaultRouteSettings: {
          dataTraceEnabled: false,
          detailedMetricsEnabled: true,
          loggingLevel: 'ERROR',
          throttlingBurstLimit: 500,
          throttlingRateLimit: 1000.0,
        },
        routeSettings: {
          $connect: { dataTraceEnabled: false, detailedMetricsEnabled: true, loggingLevel: 'INFO' },
        },
        accessLogSettings: {
          destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/apigateway/acme-live-payments`,
          format: '$context.requestId $context.routeKey $context.status',
        },
        stageVariables: {},
        tags: { team: 'payments' },
        createdDate: '2026-02-09T11:20:03.000Z',
        lastUpdatedDate: '2026-10-27T09:44:18.000Z',
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// CloudFront: the marketing site (acme-www-static) behind CloudFront with the global web ACL

{
  const id = `E${derive('cloudfront:www', 13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
  const arn = `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`;
  add(
    ci({
      type: 'AWS::CloudFront::Distribution',
      id,
      arn,
      region: GLOBAL,
      created: '2023-05-02T13:10:44.000Z',
      tags: { team: 'web' },
      configuration: {
        arn,
        domainName: `d${hex('cloudfront:domain', 13)}.cloudfront.net`,
        id,
        status: 'Deployed',
        distributionConfig: {
          enabled: true,
          comment: 'www.acme-payments.example',
          aliases: { quantity: 2, items: ['www.acme-payments.example', 'acme-payments.example'] },
          origins: {
            quantity: 1,
            items: [
              {
                id: 'acme-www-static',
                domainName: `acme-www-static.s3-website-${REGION}.amazonaws.com`,
                customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'http-only' },
              },
            ],
          },
          priceClass: 'PriceClass_100',
          webACLId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/acme-cloudfront/${uuid('wafv2:acme-cloudfront')}`,
          httpVersion: 'http2and3',
          isIPV6Enabled: true,
          viewerCertificate: {
            acmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${uuid('acm:www.acme-payments.example')}`,
            sslSupportMethod: 'sni-only',
            minimumProtocolVersion: 'TLSv1.2_2021',
            cloudFrontDefaultCertificate: false,
          },
          defaultRootObject: 'index.html',
        },
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Network interfaces of managed services (load balancers, NAT gateway, endpoints, RDS, Lambda, Fargate)

const serviceEni = (seed, spec) =>
  add(
    networkInterface(ec2Id('eni', seed), {
      created: captureTime(`eni-created:${seed}`).replace(/\.\d+Z$/, '.000Z'),
      ...spec,
    }),
  );
const lbSuffix = (arn) => arn.split(':loadbalancer/')[1];
serviceEni('alb-web-a', {
  subnet: 'pubA',
  ip: '10.40.101.45',
  sgs: ['alb'],
  publicIp: '52.49.211.37',
  ipOwner: 'amazon-elb',
  requesterId: 'amazon-elb',
  description: `ELB ${lbSuffix(ALB.web)}`,
});
serviceEni('alb-web-b', {
  subnet: 'pubB',
  ip: '10.40.102.61',
  sgs: ['alb'],
  publicIp: '34.249.7.152',
  ipOwner: 'amazon-elb',
  requesterId: 'amazon-elb',
  description: `ELB ${lbSuffix(ALB.web)}`,
});
serviceEni('alb-backoffice-a', {
  subnet: 'privA',
  ip: '10.40.1.200',
  sgs: ['backofficeAlb'],
  requesterId: 'amazon-elb',
  description: `ELB ${lbSuffix(ALB.backoffice)}`,
});
serviceEni('alb-backoffice-b', {
  subnet: 'privB',
  ip: '10.40.2.200',
  sgs: ['backofficeAlb'],
  requesterId: 'amazon-elb',
  description: `ELB ${lbSuffix(ALB.backoffice)}`,
});
serviceEni('elb-portal', {
  subnet: 'defA',
  ip: '172.31.5.17',
  sgs: ['portalElb'],
  publicIp: '63.33.140.9',
  ipOwner: 'amazon-elb',
  requesterId: 'amazon-elb',
  description: `ELB ${PORTAL_ELB}`,
});
add(
  networkInterface(NAT_EIP.eni, {
    subnet: 'pubA',
    ip: '10.40.101.5',
    publicIp: NAT_EIP.ip,
    ipOwner: ACCOUNT,
    interfaceType: 'nat_gateway',
    requesterId: 'amazon-nat',
    description: `Interface for NAT Gateway ${NAT_GW}`,
    created: '2024-03-12T09:58:20.000Z',
  }),
);
const SSM_ENDPOINT = `vpce-0${hex('vpce:interface-endpoints', 16)}`;
serviceEni('vpce-a', {
  subnet: 'privA',
  ip: '10.40.1.250',
  sgs: ['endpoints'],
  interfaceType: 'vpc_endpoint',
  requesterId: '727180483921',
  description: `VPC Endpoint Interface ${SSM_ENDPOINT}`,
});
serviceEni('vpce-b', {
  subnet: 'privB',
  ip: '10.40.2.250',
  sgs: ['endpoints'],
  interfaceType: 'vpc_endpoint',
  requesterId: '727180483921',
  description: `VPC Endpoint Interface ${SSM_ENDPOINT}`,
});
serviceEni('rds-payments', {
  subnet: 'privA',
  ip: '10.40.1.140',
  sgs: ['db'],
  requesterId: 'amazon-rds',
  description: 'RDSNetworkInterface',
});
serviceEni('rds-legacy-mysql', {
  subnet: 'privB',
  ip: '10.40.2.141',
  sgs: ['db'],
  requesterId: 'amazon-rds',
  description: 'RDSNetworkInterface',
});
serviceEni('rds-reporting', {
  subnet: 'pubA',
  ip: '10.40.101.77',
  sgs: ['reporting'],
  publicIp: '54.76.201.14',
  requesterId: 'amazon-rds',
  description: 'RDSNetworkInterface',
});
serviceEni('lambda-a', {
  subnet: 'privA',
  ip: '10.40.1.180',
  sgs: ['app'],
  interfaceType: 'lambda',
  requesterId: `${ACCOUNT}:AWSLambda`,
  description: `AWS Lambda VPC ENI-acme-webhook-dispatcher-${uuid('lambda-eni-a')}`,
});
serviceEni('lambda-b', {
  subnet: 'privB',
  ip: '10.40.2.180',
  sgs: ['app'],
  interfaceType: 'lambda',
  requesterId: `${ACCOUNT}:AWSLambda`,
  description: `AWS Lambda VPC ENI-acme-webhook-dispatcher-${uuid('lambda-eni-b')}`,
});
serviceEni('fargate-api-1', {
  subnet: 'privA',
  ip: '10.40.1.93',
  sgs: ['app'],
  requesterId: 'amazon-ecs',
  description: `arn:aws:ecs:${REGION}:${ACCOUNT}:attachment/${uuid('ecs-attachment-1')}`,
});
serviceEni('fargate-api-2', {
  subnet: 'privB',
  ip: '10.40.2.117',
  sgs: ['app'],
  requesterId: 'amazon-ecs',
  description: `arn:aws:ecs:${REGION}:${ACCOUNT}:attachment/${uuid('ecs-attachment-2')}`,
});

// ---------------------------------------------------------------------------------------------
// Auto Scaling launch configurations (the batch fleet's current one, and a forgotten legacy one)

function launchConfiguration(
  name,
  { created, instanceType, sgs, publicIp, profile, tokens, imageId = 'ami-0d64bb532e0502c46', keyName = '' },
) {
  const arn = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:launchConfiguration:${uuid(`lc:${name}`)}:launchConfigurationName/${name}`;
  return ci({
    type: 'AWS::AutoScaling::LaunchConfiguration',
    id: name,
    name,
    arn,
    created,
    configuration: {
      associatePublicIpAddress: publicIp,
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { deleteOnTermination: true, encrypted: true, volumeSize: 30, volumeType: 'gp3' },
        },
      ],
      classicLinkVPCSecurityGroups: [],
      createdTime: created,
      ebsOptimized: true,
      iamInstanceProfile: profile ? `arn:aws:iam::${ACCOUNT}:instance-profile/${profile}` : null,
      imageId,
      instanceMonitoring: { enabled: true },
      instanceType,
      kernelId: '',
      keyName,
      launchConfigurationARN: arn,
      launchConfigurationName: name,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpPutResponseHopLimit: tokens === 'required' ? 2 : 1,
        httpTokens: tokens,
      },
      ramdiskId: '',
      securityGroups: sgs.map((k) => SG[k]),
      userData: '',
    },
  });
}
add(
  launchConfiguration('acme-batch-lc-20261102', {
    created: '2026-11-02T00:55:31.000Z',
    instanceType: 'c6i.large',
    sgs: ['app'],
    publicIp: false,
    profile: 'acme-ec2-app',
    tokens: 'required',
  }),
);
add(
  api(
    launchConfiguration('acme-reporting-workers-2022', {
      created: '2022-11-08T14:02:17.000Z',
      instanceType: 't3.medium',
      sgs: ['windows'],
      publicIp: true,
      tokens: 'optional',
      imageId: 'ami-0b8a3c5d2e1f4a6b7',
      keyName: 'acme-legacy-win-key',
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Lambda functions

function lambdaFunction(
  name,
  {
    description,
    runtime = 'nodejs22.x',
    role,
    vpc,
    policy,
    memory = 256,
    timeout = 30,
    modified,
    created,
    tags = {},
    env,
  },
) {
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  return ci({
    type: 'AWS::Lambda::Function',
    id: name,
    name,
    arn,
    created,
    tags,
    relationships: [['AWS::IAM::Role', iamId('AROA', role), 'Is associated with Role', role]],
    configuration: {
      functionName: name,
      functionArn: arn,
      runtime,
      role: iamArn('role', role),
      handler: runtime.startsWith('python') ? 'app.handler' : 'index.handler',
      codeSize: 20000 + (fnv(`code:${name}`) % 900000),
      description,
      timeout,
      memorySize: memory,
      lastModified: modified,
      codeSha256: Buffer.from(hex(`sha:${name}`, 64), 'hex').toString('base64'),
      version: '$LATEST',
      vpcConfig: vpc
        ? {
            subnetIds: vpc.subnets.map((s) => SUBNET[s]),
            securityGroupIds: vpc.sgs.map((k) => SG[k]),
            ipv6AllowedForDualStack: false,
          }
        : { subnetIds: [], securityGroupIds: [], ipv6AllowedForDualStack: false },
      ...(env ? { environment: { variables: env } } : {}),
      kmsKeyArn: null,
      tracingConfig: { mode: 'PassThrough' },
      revisionId: uuid(`revision:${name}`),
      layers: [],
      state: 'Active',
      lastUpdateStatus: 'Successful',
      fileSystemConfigs: [],
      packageType: 'Zip',
      architectures: ['arm64'],
      ephemeralStorage: { size: 512 },
      loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${name}` },
    },
    supplementary: {
      ...(policy ? { Policy: JSON.stringify(policy) } : {}),
      Tags: tags,
    },
  });
}
const lambdaPolicy = (name, ...statements) => ({
  Version: '2012-10-17',
  Id: 'default',
  Statement: statements.map((s) => ({
    Action: 'lambda:InvokeFunction',
    Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
    Effect: 'Allow',
    ...s,
  })),
});
const PRIVATE_VPC = { subnets: ['privA', 'privB'], sgs: ['app'] };

add(
  lambdaFunction('acme-webhook-dispatcher', {
    description: 'Signs and delivers payment webhooks to merchants',
    role: 'acme-webhook-dispatcher',
    vpc: PRIVATE_VPC,
    memory: 512,
    created: '2025-01-15T08:29:40.000Z',
    modified: '2026-11-18T10:22:31.118+0000',
    tags: { team: 'payments' },
    policy: lambdaPolicy('acme-webhook-dispatcher', {
      Sid: 'settlements-queue',
      Principal: { Service: 'sqs.amazonaws.com' },
      Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:sqs:${REGION}:${ACCOUNT}:acme-settlements` } },
    }),
  }),
);
add(
  lambdaFunction('acme-payments-db-rotation', {
    description: 'Secrets Manager rotation for acme-payments-db (single user)',
    runtime: 'python3.12',
    role: 'acme-secrets-rotation',
    vpc: PRIVATE_VPC,
    created: '2024-05-20T14:36:12.000Z',
    modified: '2026-03-04T09:10:55.402+0000',
    tags: { team: 'platform' },
    policy: lambdaPolicy('acme-payments-db-rotation', {
      Sid: 'SecretsManagerAccess',
      Principal: { Service: 'secretsmanager.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } },
    }),
  }),
);
add(
  api(
    lambdaFunction('acme-reporting-db-rotation', {
      description: 'Secrets Manager rotation for acme-reporting-db (read-only user)',
      runtime: 'python3.12',
      role: 'acme-secrets-rotation',
      vpc: PRIVATE_VPC,
      created: '2025-03-04T10:28:40.000Z',
      modified: '2026-03-04T09:11:21.077+0000',
      tags: { team: 'data' },
      policy: lambdaPolicy('acme-reporting-db-rotation', {
        Sid: 'SecretsManagerAccess',
        Principal: { Service: 'secretsmanager.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } },
      }),
    }),
  ),
);
// A hackathon prototype that went live: renders receipt PDFs behind a public function URL (auth NONE).
add(
  lambdaFunction('acme-receipts-renderer', {
    description: 'Renders receipt PDFs for the merchant dashboard',
    role: 'acme-receipts-renderer',
    memory: 1024,
    timeout: 60,
    created: '2026-06-19T16:44:08.000Z',
    modified: '2026-10-02T13:05:47.930+0000',
    tags: { team: 'web' },
    policy: lambdaPolicy('acme-receipts-renderer', {
      Sid: 'FunctionURLAllowPublicAccess',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    }),
  }),
);
add(
  select(
    lambdaFunction('acme-cost-report', {
      description: 'Posts the daily cost report to the finance channel',
      runtime: 'python3.12',
      role: 'acme-cost-report',
      created: '2025-08-11T07:30:19.000Z',
      modified: '2025-08-11T07:30:19.000+0000',
      tags: { team: 'finance' },
      policy: lambdaPolicy('acme-cost-report', {
        Sid: 'daily-schedule',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:events:${REGION}:${ACCOUNT}:rule/acme-cost-report-daily` } },
      }),
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// ECR repositories

function repository(name, { scanOnPush, created, tags = {}, mutability = 'IMMUTABLE' }) {
  const arn = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;
  return ci({
    type: 'AWS::ECR::Repository',
    id: name,
    name,
    arn,
    created,
    tags,
    configuration: {
      RepositoryName: name,
      Arn: arn,
      ImageTagMutability: mutability,
      ImageScanningConfiguration: { ScanOnPush: scanOnPush },
      EncryptionConfiguration: { EncryptionType: 'AES256' },
      LifecyclePolicy: {
        LifecyclePolicyText: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
              action: { type: 'expire' },
            },
          ],
        }),
        RegistryId: ACCOUNT,
      },
      RepositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`,
      Tags: tagList(tags).map(({ key, value }) => ({ Key: key, Value: value })),
    },
  });
}
add(
  repository('acme-payments-api', {
    scanOnPush: true,
    created: '2024-03-19T14:51:02.000Z',
    tags: { team: 'payments' },
  }),
);
// Scanned by the registry-level rule for acme-payments-*.
add(
  repository('acme-payments-reconciler', {
    scanOnPush: false,
    created: '2025-06-02T09:13:44.000Z',
    tags: { team: 'payments' },
  }),
);
add(
  api(
    repository('acme-settlement-worker', {
      scanOnPush: true,
      created: '2024-08-21T11:40:09.000Z',
      tags: { team: 'payments' },
    }),
  ),
);
add(
  repository('acme-backoffice', {
    scanOnPush: false,
    created: '2025-04-28T13:20:51.000Z',
    tags: { team: 'payments' },
    mutability: 'MUTABLE',
  }),
);

// ---------------------------------------------------------------------------------------------
// ECS: the payments API on Fargate, workers on EC2, a node-exporter daemon, an empty staging cluster

const ecsArn = (kind, name) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${kind}/${name}`;
function ecsCluster(name, { insights, providers, created, tags = {} }) {
  const arn = ecsArn('cluster', name);
  return ci({
    type: 'AWS::ECS::Cluster',
    id: name,
    name,
    arn,
    created,
    tags,
    configuration: {
      ClusterName: name,
      Arn: arn,
      CapacityProviders: providers,
      ClusterSettings: insights ? [{ Name: 'containerInsights', Value: insights }] : [],
      DefaultCapacityProviderStrategy: providers.slice(0, 1).map((p) => ({ CapacityProvider: p, Weight: 1, Base: 0 })),
      Configuration: { ExecuteCommandConfiguration: { Logging: 'DEFAULT' } },
      Tags: tagList(tags).map(({ key, value }) => ({ Key: key, Value: value })),
    },
  });
}
add(
  ecsCluster('acme-payments', {
    insights: 'enhanced',
    providers: ['FARGATE', 'FARGATE_SPOT'],
    created: '2024-04-02T10:22:40.000Z',
    tags: { team: 'payments' },
  }),
);
add(
  ecsCluster('acme-workers', {
    insights: 'enabled',
    providers: ['acme-workers-asg'],
    created: '2024-08-21T11:52:13.000Z',
    tags: { team: 'payments' },
  }),
);
add(
  api(
    ecsCluster('acme-staging', {
      providers: ['FARGATE'],
      created: '2024-03-19T15:20:47.000Z',
      tags: { team: 'payments', env: 'staging' },
    }),
  ),
);

const image = (repo, tag) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repo}:${tag}`;
const awslogs = (group, prefix) => ({
  LogDriver: 'awslogs',
  Options: { 'awslogs-group': group, 'awslogs-region': REGION, 'awslogs-stream-prefix': prefix },
});
function taskDefinition(
  family,
  revision,
  { status = 'ACTIVE', networkMode, compat, cpu, memory, taskRole, containers, volumes = [], created },
) {
  const arn = ecsArn('task-definition', `${family}:${revision}`);
  return ci({
    type: 'AWS::ECS::TaskDefinition',
    id: `${family}:${revision}`,
    name: `${family}:${revision}`,
    arn,
    created,
    configuration: {
      TaskDefinitionArn: arn,
      Family: family,
      Revision: revision,
      Status: status,
      NetworkMode: networkMode,
      RequiresCompatibilities: compat,
      ...(cpu ? { Cpu: cpu, Memory: memory } : {}),
      ExecutionRoleArn: iamArn('role', 'ecsTaskExecutionRole'),
      ...(taskRole ? { TaskRoleArn: iamArn('role', taskRole) } : {}),
      Volumes: volumes,
      ContainerDefinitions: containers.map((c) => ({
        Essential: true,
        Privileged: false,
        ReadonlyRootFilesystem: false,
        ...c,
      })),
    },
  });
}
const apiContainer = (tag) => ({
  Name: 'payments-api',
  Image: image('acme-payments-api', tag),
  User: '10001:10001',
  ReadonlyRootFilesystem: true,
  PortMappings: [{ ContainerPort: 8080, HostPort: 8080, Protocol: 'tcp' }],
  LogConfiguration: awslogs('/ecs/acme-payments-api', 'api'),
});
add(
  taskDefinition('acme-payments-api', 41, {
    status: 'INACTIVE',
    networkMode: 'awsvpc',
    compat: ['FARGATE'],
    cpu: '1024',
    memory: '2048',
    taskRole: 'acme-payments-api',
    containers: [apiContainer('2026.10.28-1')],
    created: '2026-10-28T15:02:11.000Z',
  }),
);
add(
  taskDefinition('acme-payments-api', 42, {
    networkMode: 'awsvpc',
    compat: ['FARGATE'],
    cpu: '1024',
    memory: '2048',
    taskRole: 'acme-payments-api',
    containers: [apiContainer('2026.11.17-2')],
    created: '2026-11-17T16:40:27.000Z',
  }),
);
add(
  api(
    taskDefinition('acme-payments-reconciler', 9, {
      networkMode: 'awsvpc',
      compat: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      taskRole: 'acme-payments-api',
      containers: [
        {
          Name: 'reconciler',
          Image: image('acme-payments-reconciler', '1.18.3'),
          User: '10001',
          LogConfiguration: awslogs('/ecs/acme-payments-api', 'reconciler'),
        },
      ],
      created: '2026-07-14T08:21:50.000Z',
    }),
  ),
);
// The settlement worker runs the Datadog agent as a privileged sidecar.
add(
  taskDefinition('acme-settlement-worker', 17, {
    networkMode: 'bridge',
    compat: ['EC2'],
    taskRole: 'acme-payments-api',
    containers: [
      {
        Name: 'worker',
        Image: image('acme-settlement-worker', '3.4.1'),
        Memory: 1536,
        User: '10001:10001',
        ReadonlyRootFilesystem: true,
        LogConfiguration: awslogs('/ecs/acme-payments-api', 'settlement-worker'),
      },
      {
        Name: 'datadog-agent',
        Image: 'public.ecr.aws/datadog/agent:7.58.2',
        Memory: 256,
        Essential: false,
        Privileged: true,
        User: 'root',
        MountPoints: [{ SourceVolume: 'docker_sock', ContainerPath: '/var/run/docker.sock', ReadOnly: true }],
      },
    ],
    volumes: [{ Name: 'docker_sock', Host: { SourcePath: '/var/run/docker.sock' } }],
    created: '2026-09-02T10:14:36.000Z',
  }),
);
// Host-network daemon: revision 4 ran as root; revision 5 runs as nobody.
for (const [revision, user, status, created] of [
  [4, '', 'INACTIVE', '2025-02-11T12:30:02.000Z'],
  [5, '65534', 'ACTIVE', '2026-03-18T09:47:55.000Z'],
]) {
  add(
    taskDefinition('acme-node-exporter', revision, {
      status,
      networkMode: 'host',
      compat: ['EC2'],
      containers: [
        {
          Name: 'node-exporter',
          Image: 'quay.io/prometheus/node-exporter:v1.8.2',
          Memory: 128,
          User: user,
          ReadonlyRootFilesystem: true,
          PortMappings: [{ ContainerPort: 9100, HostPort: 9100, Protocol: 'tcp' }],
        },
      ],
      created,
    }),
  );
}

function ecsService(
  cluster,
  name,
  { taskDefinition: td, launchType, platformVersion, desired, scheduling = 'REPLICA', subnets, created },
) {
  const arn = ecsArn('service', `${cluster}/${name}`);
  return ci({
    type: 'AWS::ECS::Service',
    id: arn,
    name,
    arn,
    created,
    relationships: [['AWS::ECS::Cluster', cluster, 'Is contained in Cluster']],
    configuration: {
      ServiceArn: arn,
      ServiceName: name,
      Cluster: ecsArn('cluster', cluster),
      LaunchType: launchType,
      ...(platformVersion ? { PlatformVersion: platformVersion } : {}),
      DesiredCount: desired,
      TaskDefinition: ecsArn('task-definition', td),
      SchedulingStrategy: scheduling,
      DeploymentController: { Type: 'ECS' },
      DeploymentConfiguration: {
        MaximumPercent: scheduling === 'DAEMON' ? 100 : 200,
        MinimumHealthyPercent: scheduling === 'DAEMON' ? 0 : 100,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      },
      ...(subnets
        ? {
            NetworkConfiguration: {
              AwsvpcConfiguration: {
                AssignPublicIp: 'DISABLED',
                SecurityGroups: [SG.app],
                Subnets: subnets.map((s) => SUBNET[s]),
              },
            },
          }
        : {}),
      EnableECSManagedTags: true,
      PropagateTags: 'SERVICE',
      EnableExecuteCommand: false,
    },
  });
}
add(
  ecsService('acme-payments', 'acme-payments-api', {
    taskDefinition: 'acme-payments-api:42',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    desired: 2,
    subnets: ['privA', 'privB'],
    created: '2024-04-02T10:40:15.000Z',
  }),
);
// Pinned to 1.3.0 in 2025 while debugging a networking issue, never unpinned.
add(
  ecsService('acme-payments', 'acme-payments-reconciler', {
    taskDefinition: 'acme-payments-reconciler:9',
    launchType: 'FARGATE',
    platformVersion: '1.3.0',
    desired: 1,
    subnets: ['privA', 'privB'],
    created: '2025-06-02T09:30:12.000Z',
  }),
);
add(
  api(
    ecsService('acme-workers', 'acme-settlement-worker', {
      taskDefinition: 'acme-settlement-worker:17',
      launchType: 'EC2',
      desired: 1,
      created: '2024-08-21T12:03:44.000Z',
    }),
  ),
);
add(
  ecsService('acme-workers', 'acme-node-exporter', {
    taskDefinition: 'acme-node-exporter:5',
    launchType: 'EC2',
    desired: 1,
    scheduling: 'DAEMON',
    created: '2025-02-11T12:31:40.000Z',
  }),
);

// ---------------------------------------------------------------------------------------------
// Systems Manager: inventory, association and patch compliance of the managed instances (the ones
// with the acme-ec2-app instance profile; the bastion and the Windows box run no agent)

const SSM_MANAGED = [
  { name: 'acme-web-1', ip: '10.40.1.21', az: 'a', ping: 'Online', patch: [] },
  { name: 'acme-web-2', ip: '10.40.2.34', az: 'b', ping: 'Online', patch: [] },
  {
    name: 'acme-worker-1',
    ip: '10.40.1.57',
    az: 'a',
    ping: 'Online',
    // Reboot pending since the last patch window: the kernel update is installed but not running.
    patch: [
      ['ALAS2023-2026-871', 'kernel-6.1.119-129.201.amzn2023.x86_64', 'Critical', 'CRITICAL', 'InstalledPendingReboot'],
    ],
  },
  { name: 'acme-batch-1', ip: '10.40.2.88', az: 'b', ping: 'ConnectionLost', patch: [], associationFailed: true },
];
const ASSOCIATION = {
  agent: { id: uuid('association:update-agent'), doc: 'AWS-UpdateSSMAgent' },
  inventory: { id: uuid('association:inventory'), doc: 'AWS-GatherSoftwareInventory' },
  patch: { id: uuid('association:patch-scan'), doc: 'AWS-RunPatchBaseline' },
};
const PATCHES = [
  ['ALAS2023-2026-812', 'openssl-3.0.8-1.amzn2023.0.18.x86_64', 'Important', 'HIGH'],
  ['ALAS2023-2026-830', 'curl-8.5.0-1.amzn2023.0.5.x86_64', 'Medium', 'MEDIUM'],
  ['ALAS2023-2026-871', 'kernel-6.1.119-129.201.amzn2023.x86_64', 'Critical', 'CRITICAL'],
];

for (const m of SSM_MANAGED) {
  const instanceId = ec2Id('i', m.name);
  const inventoryId = `AWS::SSM::ManagedInstanceInventory/${instanceId}`;
  const az = `${REGION}${m.az}`;
  const time = captureTime(`ssm:${m.name}`).replace(/\.\d+Z$/, 'Z');
  add(
    ci({
      type: 'AWS::SSM::ManagedInstanceInventory',
      id: instanceId,
      arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance-inventory/${instanceId}`,
      az,
      relationships: [['AWS::EC2::Instance', instanceId, 'Is associated with Instance']],
      configuration: {
        'AWS:InstanceInformation': {
          SchemaVersion: '1.0',
          CaptureTime: time,
          Content: {
            [instanceId]: {
              AgentType: 'amazon-ssm-agent',
              AgentVersion: '3.3.1142.0',
              ComputerName: `ip-${m.ip.replace(/\./g, '-')}.${REGION}.compute.internal`,
              InstanceId: instanceId,
              InstanceStatus: m.ping === 'Online' ? 'Active' : 'Stopped',
              IpAddress: m.ip,
              PlatformName: 'Amazon Linux',
              PlatformType: 'Linux',
              PlatformVersion: '2023',
              ResourceType: 'EC2Instance',
            },
          },
        },
      },
      supplementary: { instanceStatus: m.ping === 'Online' ? 'Active' : 'Stopped' },
    }),
  );
  const associations = Object.fromEntries(
    Object.values(ASSOCIATION).map(({ id, doc }) => {
      const failed = m.associationFailed && doc === 'AWS-GatherSoftwareInventory';
      return [
        id,
        {
          ComplianceType: 'Association',
          DocumentName: doc,
          DocumentVersion: '1',
          ExecutionId: uuid(`execution:${m.name}:${doc}`),
          ExecutionTime: time,
          ExecutionType: 'Command',
          Severity: 'UNSPECIFIED',
          Status: failed ? 'NON_COMPLIANT' : 'COMPLIANT',
          Title: '',
        },
      ];
    }),
  );
  const complianceItem = (type, kind, content) =>
    ci({
      type,
      id: inventoryId,
      az,
      relationships: [
        ['AWS::SSM::ManagedInstanceInventory', instanceId, 'Is associated with ManagedInstanceInventory'],
      ],
      configuration: {
        'AWS:ComplianceItem': {
          SchemaVersion: '1.0',
          ComplianceType: kind,
          CaptureTime: time,
          Content: { [kind]: content },
        },
      },
    });
  add(complianceItem('AWS::SSM::AssociationCompliance', 'Association', associations));
  const pending = new Map(m.patch.map(([id, , , , state]) => [id, state]));
  const patches = Object.fromEntries(
    PATCHES.map(([id, title, patchSeverity, severity]) => [
      id,
      {
        Classification: 'Security',
        DocumentName: 'AWS-RunPatchBaseline',
        Id: id,
        InstalledTime: pending.has(id) ? '2026-11-26T03:14:00Z' : '2026-11-12T03:10:00Z',
        PatchBaselineId: `pb-0${hex('patch-baseline', 16)}`,
        PatchGroup: '',
        PatchSeverity: patchSeverity,
        PatchState: pending.get(id) ?? 'Installed',
        Severity: severity,
        Status: pending.has(id) ? 'NON_COMPLIANT' : 'COMPLIANT',
        Title: title,
      },
    ]),
  );
  const patchItem = complianceItem('AWS::SSM::PatchCompliance', 'Patch', patches);
  add(m.name === 'acme-web-2' ? api(patchItem) : patchItem);
}

// ---------------------------------------------------------------------------------------------
// RDS snapshots: an automated one, a manual one before the PostgreSQL 16 upgrade, and the final
// snapshot of the old ledger database (unencrypted like its source, shared with the auditors)

function dbSnapshot(
  identifier,
  {
    instance,
    engine,
    version,
    storage,
    port,
    type,
    encrypted,
    created,
    instanceCreated,
    user,
    shareWith = [],
    tags = {},
  },
) {
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:${identifier}`;
  return ci({
    type: 'AWS::RDS::DBSnapshot',
    id: identifier,
    name: identifier,
    arn,
    az: `${REGION}a`,
    created,
    tags,
    configuration: {
      dBSnapshotIdentifier: identifier,
      dBInstanceIdentifier: instance,
      snapshotCreateTime: created,
      engine,
      allocatedStorage: storage,
      status: 'available',
      port,
      availabilityZone: `${REGION}a`,
      vpcId: VPC.prod,
      instanceCreateTime: instanceCreated,
      masterUsername: user,
      engineVersion: version,
      licenseModel: engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
      snapshotType: type,
      optionGroupName: engine === 'postgres' ? 'default:postgres-16' : 'default:mysql-8-0',
      percentProgress: 100,
      storageType: 'gp3',
      encrypted,
      ...(encrypted ? { kmsKeyId: arnKey(KEY.rds) } : {}),
      dBSnapshotArn: arn,
      iAMDatabaseAuthenticationEnabled: false,
      processorFeatures: [],
      dbiResourceId: `db-${derive(`db:${instance}`, 26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    },
    supplementary: { DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: shareWith }] },
  });
}
add(
  dbSnapshot('rds:acme-payments-db-2026-11-28-02-05', {
    instance: 'acme-payments-db',
    engine: 'postgres',
    version: '16.4',
    storage: 200,
    port: 5432,
    type: 'automated',
    encrypted: true,
    created: '2026-11-28T02:05:44.108Z',
    instanceCreated: '2024-05-20T14:40:27.402Z',
    user: 'payments_admin',
  }),
);
add(
  api(
    dbSnapshot('acme-payments-db-before-pg16', {
      instance: 'acme-payments-db',
      engine: 'postgres',
      version: '15.8',
      storage: 200,
      port: 5432,
      type: 'manual',
      encrypted: true,
      created: '2026-03-07T21:14:02.661Z',
      instanceCreated: '2024-05-20T14:40:27.402Z',
      user: 'payments_admin',
      tags: { team: 'platform', reason: 'pg16-upgrade' },
    }),
  ),
);
add(
  dbSnapshot('acme-legacy-mysql-audit-2025', {
    instance: 'acme-legacy-mysql',
    engine: 'mysql',
    version: '8.0.35',
    storage: 50,
    port: 3306,
    type: 'manual',
    encrypted: false,
    created: '2025-12-30T17:02:29.340Z',
    instanceCreated: '2022-01-17T09:48:13.550Z',
    user: 'admin',
    shareWith: ['444455556666'],
    tags: { owner: 'finance-it', purpose: 'year-end-audit' },
  }),
);

// ---------------------------------------------------------------------------------------------
// Data stores beyond S3 and RDS: DynamoDB, EFS, the Redshift warehouse, the OpenSearch logging
// domain and an old Elasticsearch domain, AWS Backup recovery points

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM_LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const AWS_DYNAMODB_KEY = uuid('kms:aws/dynamodb');

function dynamoTable(
  name,
  { created, tags, sse, items: itemCount, bytes, pitr, attributes, gsi = [], select: asRow = false },
) {
  const arn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
  const item = ci({
    type: 'AWS::DynamoDB::Table',
    id: name,
    name,
    arn,
    created,
    tags,
    configuration: {
      attributeDefinitions: attributes.map(([attributeName, attributeType]) => ({ attributeName, attributeType })),
      tableName: name,
      keySchema: attributes
        .slice(0, 2)
        .map(([attributeName], i) => ({ attributeName, keyType: i === 0 ? 'HASH' : 'RANGE' })),
      tableStatus: 'ACTIVE',
      creationDateTime: created,
      provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
      tableSizeBytes: bytes,
      itemCount,
      tableArn: arn,
      tableId: uuid(`dynamodb:${name}`),
      billingModeSummary: { billingMode: 'PAY_PER_REQUEST', lastUpdateToPayPerRequestDateTime: created },
      globalSecondaryIndexes: gsi.map((index) => ({
        indexName: index,
        keySchema: [{ attributeName: index.replace(/-index$/, ''), keyType: 'HASH' }],
        projection: { projectionType: 'ALL' },
        indexStatus: 'ACTIVE',
        indexArn: `${arn}/index/${index}`,
      })),
      // An AWS owned key leaves SSEDescription out of DescribeTable, so AWS Config records none.
      ...(sse ? { ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: sse } } : {}),
      tableClassSummary: { tableClass: 'STANDARD' },
      deletionProtectionEnabled: pitr,
    },
    supplementary: {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: pitr ? 'ENABLED' : 'DISABLED' },
      },
    },
  });
  return asRow ? select(item) : item;
}

add(
  dynamoTable('acme-payments', {
    created: '2024-04-02T10:05:31.774Z',
    tags: { team: 'payments', env: 'prod', 'data-classification': 'confidential' },
    sse: arnKey(KEY.data),
    items: 4_812_337,
    bytes: 2_941_877_012,
    pitr: true,
    attributes: [
      ['paymentId', 'S'],
      ['merchantId', 'S'],
    ],
    gsi: ['merchantId-index'],
  }),
);
add(
  dynamoTable('acme-idempotency-keys', {
    created: '2024-06-18T08:44:10.302Z',
    tags: { team: 'payments', env: 'prod', 'data-classification': 'internal' },
    sse: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${AWS_DYNAMODB_KEY}`,
    items: 211_904,
    bytes: 41_377_120,
    pitr: true,
    attributes: [['idempotencyKey', 'S']],
    select: true,
  }),
);
// A developer's table for rate-limit counters: created from the console with the defaults.
add(
  dynamoTable('acme-rate-limits', {
    created: '2025-09-30T16:12:58.091Z',
    tags: { team: 'payments' },
    items: 18_422,
    bytes: 1_206_554,
    pitr: false,
    attributes: [
      ['clientId', 'S'],
      ['window', 'N'],
    ],
  }),
);

// EFS: shared input for the batch fleet (encrypted), and a scratch file system from the 2023 ML
// experiments that was created without encryption and is still mounted by the research notebook.
const EFS = { batch: ec2Id('fs', 'acme-batch-shared'), scratch: ec2Id('fs', 'acme-ml-scratch') };
function efsFileSystem(id, { name, created, encrypted, tags, bytes, backup }) {
  const arn = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`;
  return ci({
    type: 'AWS::EFS::FileSystem',
    id,
    name,
    arn,
    created,
    tags: { Name: name, ...tags },
    configuration: {
      FileSystemId: id,
      Arn: arn,
      Encrypted: encrypted,
      ...(encrypted ? { KmsKeyId: arnKey(KEY.data) } : {}),
      PerformanceMode: 'generalPurpose',
      ThroughputMode: 'elastic',
      BackupPolicy: { Status: backup ? 'ENABLED' : 'DISABLED' },
      LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }],
      FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
      FileSystemPolicy: {},
      SizeInBytes: { Value: bytes },
      FileSystemTags: tagList({ Name: name, ...tags }).map(({ key, value }) => ({ Key: key, Value: value })),
    },
  });
}
add(
  efsFileSystem(EFS.batch, {
    name: 'acme-batch-shared',
    created: '2025-01-21T10:03:47.000Z',
    encrypted: true,
    tags: { team: 'platform', 'data-classification': 'confidential' },
    bytes: 88_214_446_080,
    backup: true,
  }),
);
add(
  api(
    efsFileSystem(EFS.scratch, {
      name: 'acme-ml-scratch',
      created: '2023-06-12T14:27:19.000Z',
      encrypted: false,
      tags: { team: 'data', 'data-classification': 'internal' },
      bytes: 12_884_901_888,
      backup: false,
    }),
  ),
);
function efsAccessPoint(name, { fs, path, posix, created }) {
  const id = ec2Id('fsap', name);
  const arn = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${id}`;
  return ci({
    type: 'AWS::EFS::AccessPoint',
    id,
    arn,
    created,
    tags: { Name: name },
    relationships: [['AWS::EFS::FileSystem', fs, 'Is attached to FileSystem']],
    configuration: {
      AccessPointId: id,
      Arn: arn,
      FileSystemId: fs,
      ...(posix ? { PosixUser: { Uid: posix, Gid: posix, SecondaryGids: [] } } : {}),
      RootDirectory: {
        Path: path,
        ...(posix ? { CreationInfo: { OwnerUid: posix, OwnerGid: posix, Permissions: '750' } } : {}),
      },
      AccessPointTags: [{ Key: 'Name', Value: name }],
    },
  });
}
add(
  efsAccessPoint('batch-settlement-input', {
    fs: EFS.batch,
    path: '/settlement',
    posix: '1001',
    created: '2025-01-21T10:09:12.000Z',
  }),
);
add(
  efsAccessPoint('batch-reports', {
    fs: EFS.batch,
    path: '/reports',
    posix: '1002',
    created: '2025-02-10T09:15:40.000Z',
  }),
);
// Mounted as root by the research notebook: no POSIX user enforced.
add(efsAccessPoint('ml-scratch-notebooks', { fs: EFS.scratch, path: '/', created: '2023-06-12T14:31:02.000Z' }));

// Redshift: the analytics warehouse. Encrypted, private, audited and TLS-only, but COPY and UNLOAD
// still leave the VPC: enhanced VPC routing was never turned on.
const REDSHIFT_PARAMS = 'acme-analytics-params';
add(
  ci({
    type: 'AWS::Redshift::ClusterParameterGroup',
    id: REDSHIFT_PARAMS,
    name: REDSHIFT_PARAMS,
    arn: `arn:aws:redshift:${REGION}:${ACCOUNT}:parametergroup:${REDSHIFT_PARAMS}`,
    tags: { team: 'data' },
    configuration: {
      parameterGroupName: REDSHIFT_PARAMS,
      parameterGroupFamily: 'redshift-1.0',
      description: 'acme-analytics: TLS only, user activity logging',
    },
    supplementary: {
      Parameters: [
        ['auto_analyze', 'true', 'engine-default'],
        ['datestyle', 'ISO, MDY', 'engine-default'],
        ['enable_user_activity_logging', 'true', 'user'],
        ['require_ssl', 'true', 'user'],
        ['search_path', '$user, public', 'engine-default'],
        ['use_fips_ssl', 'false', 'engine-default'],
      ].map(([parameterName, parameterValue, source]) => ({
        parameterName,
        parameterValue,
        source,
        dataType: parameterValue === 'true' || parameterValue === 'false' ? 'boolean' : 'string',
        applyType: 'static',
        isModifiable: true,
      })),
    },
  }),
);
add(
  api(
    ci({
      type: 'AWS::Redshift::Cluster',
      id: 'acme-analytics',
      name: 'acme-analytics',
      arn: `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:acme-analytics`,
      created: '2025-02-11T09:52:33.000Z',
      tags: { team: 'data', env: 'prod', 'data-classification': 'confidential' },
      relationships: [
        ['AWS::EC2::SecurityGroup', SG.db, 'Is associated with SecurityGroup'],
        ['AWS::EC2::VPC', VPC.prod, 'Is contained in Vpc'],
        ['AWS::KMS::Key', KEY.data, 'Is associated with KmsKey'],
        ['AWS::Redshift::ClusterParameterGroup', REDSHIFT_PARAMS, 'Is associated with ClusterParameterGroup'],
        ['AWS::Redshift::ClusterSubnetGroup', 'acme-analytics-subnets', 'Is associated with ClusterSubnetGroup'],
      ],
      configuration: {
        clusterIdentifier: 'acme-analytics',
        nodeType: 'ra3.xlplus',
        clusterStatus: 'available',
        clusterAvailabilityStatus: 'Available',
        masterUsername: 'analytics_admin',
        dBName: 'analytics',
        endpoint: { address: `acme-analytics.c9rk3v7xq2mf.${REGION}.redshift.amazonaws.com`, port: 5439 },
        clusterCreateTime: '2025-02-11T09:52:33.000Z',
        automatedSnapshotRetentionPeriod: 7,
        manualSnapshotRetentionPeriod: -1,
        clusterSecurityGroups: [],
        vpcSecurityGroups: [{ vpcSecurityGroupId: SG.db, status: 'active' }],
        clusterParameterGroups: [
          {
            parameterGroupName: REDSHIFT_PARAMS,
            parameterApplyStatus: 'in-sync',
            clusterParameterStatusList: [{ parameterName: 'require_ssl', parameterApplyStatus: 'in-sync' }],
          },
        ],
        clusterSubnetGroupName: 'acme-analytics-subnets',
        vpcId: VPC.prod,
        availabilityZone: `${REGION}a`,
        preferredMaintenanceWindow: 'sun:04:00-sun:04:30',
        pendingModifiedValues: {},
        clusterVersion: '1.0',
        allowVersionUpgrade: true,
        numberOfNodes: 2,
        publiclyAccessible: false,
        encrypted: true,
        kmsKeyId: arnKey(KEY.data),
        enhancedVpcRouting: false,
        clusterNodes: [
          { nodeRole: 'LEADER', privateIPAddress: '10.40.1.140' },
          { nodeRole: 'COMPUTE-0', privateIPAddress: '10.40.1.141' },
          { nodeRole: 'COMPUTE-1', privateIPAddress: '10.40.2.142' },
        ],
        iamRoles: [{ iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/acme-redshift-analytics`, applyStatus: 'in-sync' }],
        pendingActions: [],
        maintenanceTrackName: 'current',
        clusterNamespaceArn: `arn:aws:redshift:${REGION}:${ACCOUNT}:namespace:${uuid('redshift:acme-analytics')}`,
      },
      supplementary: {
        LoggingStatus: {
          loggingEnabled: true,
          logDestinationType: 'cloudwatch',
          logExports: ['connectionlog', 'userlog', 'useractivitylog'],
        },
      },
    }),
  ),
);

// OpenSearch: the application logging domain (private, encrypted, HTTPS only, but without
// fine-grained access control there are no audit logs), and the merchant search domain from 2021,
// still on Elasticsearch 7.10 with a public endpoint behind an IP-based access policy.
add(
  ci({
    type: 'AWS::OpenSearch::Domain',
    id: 'acme-logs',
    name: 'acme-logs',
    arn: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-logs`,
    created: '2024-09-03T12:18:44.000Z',
    tags: { team: 'platform', env: 'prod', 'data-classification': 'internal' },
    relationships: [
      ['AWS::EC2::SecurityGroup', SG.app, 'Is associated with SecurityGroup'],
      ['AWS::EC2::Subnet', SUBNET.privA, 'Is contained in Subnet'],
      ['AWS::EC2::Subnet', SUBNET.privB, 'Is contained in Subnet'],
      ['AWS::KMS::Key', KEY.logs, 'Is associated with KmsKey'],
    ],
    configuration: {
      Arn: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-logs`,
      DomainArn: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-logs`,
      DomainName: 'acme-logs',
      Id: `${ACCOUNT}/acme-logs`,
      EngineVersion: 'OpenSearch_2.15',
      ClusterConfig: {
        InstanceType: 'r6g.large.search',
        InstanceCount: 2,
        DedicatedMasterEnabled: false,
        ZoneAwarenessEnabled: true,
        ZoneAwarenessConfig: { AvailabilityZoneCount: 2 },
        WarmEnabled: false,
        MultiAZWithStandbyEnabled: false,
      },
      EBSOptions: { EBSEnabled: true, VolumeType: 'gp3', VolumeSize: 500, Iops: 3000, Throughput: 250 },
      VPCOptions: { SubnetIds: [SUBNET.privA, SUBNET.privB], SecurityGroupIds: [SG.app] },
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: arnKey(KEY.logs) },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: {
        EnforceHTTPS: true,
        TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
        CustomEndpointEnabled: false,
      },
      AdvancedSecurityOptions: { Enabled: false, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
      LogPublishingOptions: {
        ES_APPLICATION_LOGS: {
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/opensearch/acme-logs/application`,
          Enabled: true,
        },
        SEARCH_SLOW_LOGS: {
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/opensearch/acme-logs/slow`,
          Enabled: true,
        },
      },
      SnapshotOptions: {},
      SoftwareUpdateOptions: { AutoSoftwareUpdateEnabled: true },
      OffPeakWindowOptions: { Enabled: true, OffPeakWindow: { WindowStartTime: { Hours: 2, Minutes: 0 } } },
      DomainEndpoints: { vpc: `vpc-acme-logs-${derive('os:acme-logs', 26, ALNUM_LOWER)}.${REGION}.es.amazonaws.com` },
    },
  }),
);
add(
  api(
    ci({
      type: 'AWS::Elasticsearch::Domain',
      id: 'acme-merchant-search',
      name: 'acme-merchant-search',
      arn: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-merchant-search`,
      created: '2021-05-17T10:40:06.000Z',
      tags: { team: 'merchant-portal', env: 'prod' },
      relationships: [['AWS::KMS::Key', KEY.data, 'Is associated with KmsKey']],
      configuration: {
        arn: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-merchant-search`,
        domainId: `${ACCOUNT}/acme-merchant-search`,
        domainName: 'acme-merchant-search',
        elasticsearchVersion: '7.10',
        created: true,
        deleted: false,
        processing: false,
        upgradeProcessing: false,
        elasticsearchClusterConfig: {
          instanceType: 'm5.large.elasticsearch',
          instanceCount: 2,
          dedicatedMasterEnabled: false,
          zoneAwarenessEnabled: true,
          zoneAwarenessConfig: { availabilityZoneCount: 2 },
          warmEnabled: false,
        },
        ebsoptions: { ebsenabled: true, volumeType: 'gp2', volumeSize: 100 },
        endpoint: `search-acme-merchant-search-${derive('es:acme-merchant-search', 26, ALNUM_LOWER)}.${REGION}.es.amazonaws.com`,
        accessPolicies: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 'es:ESHttp*',
              Resource: `arn:aws:es:${REGION}:${ACCOUNT}:domain/acme-merchant-search/*`,
              Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.14/32'] } },
            },
          ],
        }),
        encryptionAtRestOptions: { enabled: true, kmsKeyId: arnKey(KEY.data) },
        nodeToNodeEncryptionOptions: { enabled: true },
        domainEndpointOptions: {
          enforceHTTPS: true,
          tlssecurityPolicy: 'Policy-Min-TLS-1-0-2019-07',
          customEndpointEnabled: false,
        },
        advancedSecurityOptions: { enabled: false, internalUserDatabaseEnabled: false },
        logPublishingOptions: {
          ES_APPLICATION_LOGS: {
            cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/es/acme-merchant-search/application`,
            enabled: false,
          },
        },
        snapshotOptions: { automatedSnapshotStartHour: 0 },
        serviceSoftwareOptions: {
          currentVersion: 'R20240520',
          updateAvailable: true,
          cancellable: false,
          updateStatus: 'ELIGIBLE',
          optionalDeployment: true,
        },
      },
    }),
  ),
);

// AWS Backup: daily recovery points in acme-backup-vault. RDS and DynamoDB recovery points keep
// their source's encryption, so the legacy ledger database's ones are unencrypted.
const VAULT = 'acme-backup-vault';
const BACKUP_PLAN = uuid('backup-plan:acme-daily');
function recoveryPoint(arn, { resourceArn, resourceType, key, created, completed, size, tags = {} }) {
  return ci({
    type: 'AWS::Backup::RecoveryPoint',
    id: arn,
    name: arn,
    arn,
    created: completed,
    tags,
    configuration: {
      RecoveryPointArn: arn,
      BackupVaultName: VAULT,
      BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:${VAULT}`,
      ResourceArn: resourceArn,
      ResourceType: resourceType,
      CreatedBy: {
        BackupPlanId: BACKUP_PLAN,
        BackupPlanArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-plan:${BACKUP_PLAN}`,
        BackupPlanVersion: derive(
          'backup-plan-version',
          20,
          'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
        ),
        BackupRuleId: uuid('backup-rule:daily-35d'),
      },
      IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole`,
      Status: 'COMPLETED',
      CreationDate: created,
      CompletionDate: completed,
      BackupSizeInBytes: size,
      Lifecycle: { DeleteAfterDays: 35 },
      CalculatedLifecycle: { DeleteAt: new Date(Date.parse(created) + 35 * 86_400_000).toISOString() },
      ...(key ? { EncryptionKeyArn: key } : {}),
      IsEncrypted: key !== null,
      StorageClass: 'WARM',
      VaultType: 'BACKUP_VAULT',
    },
  });
}
add(
  recoveryPoint(`arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:${uuid('rp:efs-batch-2026-11-28')}`, {
    resourceArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${EFS.batch}`,
    resourceType: 'EFS',
    key: arnKey(KEY.data),
    created: '2026-11-28T03:00:00.000Z',
    completed: '2026-11-28T03:41:17.000Z',
    size: 88_101_093_376,
  }),
);
add(
  recoveryPoint(`arn:aws:backup:${REGION}:${ACCOUNT}:recovery-point:${uuid('rp:dynamodb-payments-2026-11-28')}`, {
    resourceArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/acme-payments`,
    resourceType: 'DynamoDB',
    key: arnKey(KEY.data),
    created: '2026-11-28T03:00:00.000Z',
    completed: '2026-11-28T03:12:40.000Z',
    size: 2_939_113_480,
  }),
);
add(
  api(
    recoveryPoint(`arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:awsbackup:job-${uuid('rp:rds-payments-2026-11-28')}`, {
      resourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:acme-payments-db`,
      resourceType: 'RDS',
      key: arnKey(KEY.rds),
      created: '2026-11-28T03:00:00.000Z',
      completed: '2026-11-28T03:19:52.000Z',
      size: 214_748_364_800,
    }),
  ),
);
add(
  recoveryPoint(`arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:awsbackup:job-${uuid('rp:rds-legacy-mysql-2026-11-28')}`, {
    resourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:acme-legacy-mysql`,
    resourceType: 'RDS',
    key: null,
    created: '2026-11-28T03:00:00.000Z',
    completed: '2026-11-28T03:08:05.000Z',
    size: 53_687_091_200,
  }),
);

// ---------------------------------------------------------------------------------------------
// Machine learning: the fraud team's SageMaker notebooks and scoring endpoint configurations

function notebook(name, { created, key, subnet, sg, internet, role, volume, lifecycle = null }) {
  return ci({
    type: 'AWS::SageMaker::NotebookInstance',
    id: name,
    name,
    arn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/${name}`,
    created,
    tags: { team: 'fraud' },
    configuration: {
      NotebookInstanceName: name,
      Id: name,
      InstanceType: 'ml.t3.xlarge',
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      ...(key ? { KmsKeyId: arnKey(key) } : {}),
      ...(subnet ? { SubnetId: SUBNET[subnet], SecurityGroupIds: [SG[sg]] } : {}),
      DirectInternetAccess: internet ? 'Enabled' : 'Disabled',
      RootAccess: internet ? 'Enabled' : 'Disabled',
      VolumeSizeInGB: volume,
      AcceleratorTypes: [],
      AdditionalCodeRepositories: [],
      ...(lifecycle ? { LifecycleConfigName: lifecycle } : {}),
      PlatformIdentifier: 'notebook-al2-v2',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: internet ? '1' : '2' },
    },
  });
}
add(
  notebook('acme-fraud-models', {
    created: '2025-05-06T08:12:55.000Z',
    key: KEY.data,
    subnet: 'privA',
    sg: 'app',
    internet: false,
    role: 'acme-sagemaker-fraud',
    volume: 50,
  }),
);
// The 2023 research notebook: created in the console with the defaults (SageMaker-managed VPC with
// direct internet access, no KMS key), mounts the unencrypted scratch file system.
add(
  notebook('acme-ml-research', {
    created: '2023-06-12T14:05:31.000Z',
    key: null,
    internet: true,
    role: 'service-role/AmazonSageMaker-ExecutionRole-20230612T140344',
    volume: 100,
    lifecycle: 'mount-ml-scratch',
  }),
);
function endpointConfig(name, { created, key, model, instances }) {
  const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/${name}`;
  return ci({
    type: 'AWS::SageMaker::EndpointConfig',
    id: arn,
    name,
    arn,
    created,
    tags: { team: 'fraud' },
    configuration: {
      EndpointConfigName: name,
      Id: arn,
      ...(key ? { KmsKeyId: arnKey(key) } : {}),
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: model,
          InitialInstanceCount: instances,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 1,
        },
      ],
      DataCaptureConfig: key
        ? {
            EnableCapture: true,
            InitialSamplingPercentage: 10,
            DestinationS3Uri: 's3://acme-ml-datasets/capture/fraud-scoring',
            KmsKeyId: arnKey(key),
            CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
          }
        : undefined,
    },
  });
}
add(
  endpointConfig('acme-fraud-scoring-v7', {
    created: '2026-10-14T13:22:09.000Z',
    key: KEY.data,
    model: 'acme-fraud-scoring-v7',
    instances: 2,
  }),
);
// The shadow variant the team tried in the summer; its endpoint is gone but the configuration is not.
add(
  select(
    endpointConfig('acme-fraud-scoring-shadow', {
      created: '2026-07-02T09:47:36.000Z',
      key: null,
      model: 'acme-fraud-scoring-v7-xgb',
      instances: 1,
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// CodeBuild: the payments API image build and the Terraform plan (built to standard), and the
// back-office build created by hand, with the ci-deploy user's access key pasted into it

function codebuildProject(
  name,
  { description, created, source, artifacts, secondary = [], env, s3Logs = null, image },
) {
  const arn = `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/${name}`;
  return ci({
    type: 'AWS::CodeBuild::Project',
    id: name,
    name,
    arn,
    created,
    tags: { team: name.includes('backoffice') ? 'ops' : 'platform' },
    relationships: [['AWS::IAM::Role', `codebuild-${name}`, 'Is associated with Role', `codebuild-${name}`]],
    configuration: {
      name,
      description,
      source: {
        type: 'GITHUB',
        location: `https://github.com/acme-payments/${source}.git`,
        gitCloneDepth: 1,
        buildSpec: 'buildspec.yml',
        reportBuildStatus: true,
      },
      artifacts,
      secondaryArtifacts: secondary,
      cache: { type: 'LOCAL', modes: ['LOCAL_DOCKER_LAYER_CACHE'] },
      environment: {
        type: 'LINUX_CONTAINER',
        image,
        computeType: 'BUILD_GENERAL1_MEDIUM',
        privilegedMode: artifacts.type !== 'NO_ARTIFACTS',
        imagePullCredentialsType: 'CODEBUILD',
        environmentVariables: env.map(([n, value, type = 'PLAINTEXT']) => ({ name: n, value, type })),
      },
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/codebuild-${name}`,
      timeoutInMinutes: 60,
      queuedtimeoutInMinutes: 480,
      encryptionKey: name.includes('backoffice') ? `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3` : arnKey(KEY.data),
      logsConfig: {
        cloudWatchLogs: { status: 'ENABLED', groupName: `/aws/codebuild/${name}` },
        s3Logs: s3Logs ?? { status: 'DISABLED', encryptionDisabled: false },
      },
    },
  });
}
const ARTIFACTS = `acme-build-artifacts-${ACCOUNT}`;
add(
  codebuildProject('acme-payments-api-build', {
    description: 'Builds and scans the payments API container image',
    created: '2024-04-03T09:18:26.000Z',
    source: 'payments-api',
    image: 'aws/codebuild/amazonlinux2-x86_64-standard:5.0',
    artifacts: {
      type: 'S3',
      location: ARTIFACTS,
      path: 'payments-api',
      namespaceType: 'BUILD_ID',
      name: 'imagedefinitions.zip',
      packaging: 'ZIP',
      encryptionDisabled: false,
    },
    secondary: [
      {
        type: 'S3',
        location: ARTIFACTS,
        path: 'payments-api',
        artifactIdentifier: 'sbom',
        name: 'sbom',
        packaging: 'NONE',
        encryptionDisabled: false,
      },
    ],
    env: [
      ['AWS_DEFAULT_REGION', REGION],
      ['ECR_REPOSITORY', 'acme-payments-api'],
      ['SNYK_TOKEN', '/acme/ci/snyk-token', 'PARAMETER_STORE'],
    ],
    s3Logs: { status: 'ENABLED', location: `${ARTIFACTS}/build-logs`, encryptionDisabled: false },
  }),
);
add(
  api(
    codebuildProject('acme-terraform-plan', {
      description: 'terraform plan for pull requests on acme-infrastructure',
      created: '2024-03-11T08:52:40.000Z',
      source: 'acme-infrastructure',
      image: 'aws/codebuild/amazonlinux2-x86_64-standard:5.0',
      artifacts: { type: 'NO_ARTIFACTS', encryptionDisabled: false },
      env: [
        ['TF_IN_AUTOMATION', 'true'],
        ['TF_STATE_BUCKET', TF_STATE],
      ],
      s3Logs: { status: 'ENABLED', location: `${ARTIFACTS}/terraform-plan-logs`, encryptionDisabled: false },
    }),
  ),
);
// The access key id and secret are the AWS documentation's example values, not real credentials.
add(
  codebuildProject('acme-backoffice-build', {
    description: 'Back-office tool: build and copy to the instance',
    created: '2025-03-27T16:40:03.000Z',
    source: 'backoffice',
    image: 'aws/codebuild/standard:6.0',
    artifacts: {
      type: 'S3',
      location: ARTIFACTS,
      path: 'backoffice',
      namespaceType: 'NONE',
      name: 'backoffice.zip',
      packaging: 'ZIP',
      encryptionDisabled: true,
    },
    env: [
      ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
      ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['DEPLOY_HOST', '10.40.1.88'],
    ],
  }),
);

// ---------------------------------------------------------------------------------------------
// The 2023 data-centre migration: the DMS instance that replicated the on-premises ledger, created
// public to reach the old data centre over the internet, and the private one that now feeds the
// reporting database with changes from the payments database

function replicationInstance(name, { created, publicIp, privateIp, subnetGroup, key, version }) {
  const id = derive(`dms:${name}`, 26, ALNUM_UPPER);
  return ci({
    type: 'AWS::DMS::ReplicationInstance',
    id,
    name,
    arn: `arn:aws:dms:${REGION}:${ACCOUNT}:rep:${id}`,
    created,
    tags: { team: 'data' },
    configuration: {
      ReplicationInstanceIdentifier: name,
      ReplicationInstanceClass: 'dms.t3.medium',
      AllocatedStorage: 50,
      EngineVersion: version,
      AutoMinorVersionUpgrade: true,
      MultiAZ: false,
      AvailabilityZone: `${REGION}a`,
      PreferredMaintenanceWindow: 'sun:04:30-sun:05:00',
      ReplicationSubnetGroupIdentifier: subnetGroup,
      KmsKeyId: arnKey(key),
      PubliclyAccessible: publicIp !== null,
      ReplicationInstancePrivateIpAddresses: [privateIp],
      ReplicationInstancePublicIpAddresses: publicIp ? [publicIp] : [],
      VpcSecurityGroups: [{ VpcSecurityGroupId: SG.db, Status: 'active' }],
      Id: name,
    },
  });
}
add(
  replicationInstance('acme-migration-2023', {
    created: '2023-02-06T12:20:51.000Z',
    publicIp: '52.212.144.63',
    privateIp: '10.40.101.77',
    subnetGroup: 'acme-migration-public',
    key: KEY.migration,
    version: '3.4.7',
  }),
);
add(
  replicationInstance('acme-reporting-cdc', {
    created: '2025-03-04T11:02:14.000Z',
    publicIp: null,
    privateIp: '10.40.2.61',
    subnetGroup: 'acme-dms-private',
    key: KEY.data,
    version: '3.5.3',
  }),
);

// ---------------------------------------------------------------------------------------------
// Elastic Beanstalk: the merchant portal (production and staging). Staging was cloned from an old
// saved configuration that predates managed platform updates.

function beanstalkEnvironment(name, { created, updated, cname }) {
  const id = `e-${derive(`eb:${name}`, 10, ALNUM_LOWER)}`;
  const arn = `arn:aws:elasticbeanstalk:${REGION}:${ACCOUNT}:environment/acme-merchant-portal/${name}`;
  return ci({
    type: 'AWS::ElasticBeanstalk::Environment',
    id,
    name,
    arn,
    created,
    tags: { team: 'merchant-portal', env: name.endsWith('prod') ? 'prod' : 'staging' },
    configuration: {
      environmentName: name,
      environmentId: id,
      applicationName: 'acme-merchant-portal',
      versionLabel: name.endsWith('prod') ? 'v2026.11.24-2' : 'v2026.11.27-1',
      solutionStackName: '64bit Amazon Linux 2023 v6.4.0 running Node.js 20',
      platformArn: `arn:aws:elasticbeanstalk:${REGION}::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.4.0`,
      endpointURL: `awseb-${id.slice(0, 5)}-AWSEBLoa-${derive(`eb-lb:${name}`, 12, ALNUM_UPPER)}-${fnv(name) % 1_000_000_000}.${REGION}.elb.amazonaws.com`,
      cNAME: `${cname}.${REGION}.elasticbeanstalk.com`,
      dateCreated: created,
      dateUpdated: updated,
      status: 'Ready',
      health: 'Green',
      tier: { name: 'WebServer', type: 'Standard', version: '1.0' },
      environmentArn: arn,
    },
  });
}
const EB = {
  prod: beanstalkEnvironment('acme-merchant-portal-prod', {
    created: '2024-08-19T10:33:02.000Z',
    updated: '2026-11-24T15:08:41.000Z',
    cname: 'acme-merchant-portal',
  }),
  staging: beanstalkEnvironment('acme-merchant-portal-staging', {
    created: '2025-11-03T09:14:27.000Z',
    updated: '2026-11-27T11:52:10.000Z',
    cname: 'acme-merchant-portal-staging',
  }),
};
add(EB.prod);
add(api(EB.staging));

// ---------------------------------------------------------------------------------------------
// Account-level facts

const userRow = (name, fields) => ({
  user: name,
  arn: name === '<root_account>' ? `arn:aws:iam::${ACCOUNT}:root` : iamArn('user', name),
  userCreationTime: fields.created,
  passwordEnabled: fields.password !== undefined,
  passwordLastUsed: fields.password?.used ?? null,
  passwordLastChanged: fields.password?.changed ?? null,
  mfaActive: fields.mfa ?? false,
  accessKey1Active: fields.key !== undefined,
  accessKey1LastRotated: fields.key?.rotated ?? null,
  accessKey1LastUsedDate: fields.key?.used ?? null,
  accessKey2Active: false,
  accessKey2LastRotated: null,
  accessKey2LastUsedDate: null,
});

add(
  fact('Rampart::IAM::CredentialReport', 'global', {
    generatedAt: '2026-11-29T07:58:02Z',
    users: [
      userRow('<root_account>', {
        created: '2019-03-04T10:00:00Z',
        password: { used: '2026-06-02T08:14:51Z', changed: null },
        mfa: true,
      }),
      userRow('tom.baker', {
        created: '2024-03-11T08:50:03Z',
        password: { used: '2026-11-28T16:41:09Z', changed: '2026-09-30T08:02:11Z' },
        mfa: true,
      }),
      userRow('maria.silva', {
        created: '2024-03-14T10:02:41Z',
        password: { used: '2026-11-27T09:12:40Z', changed: '2026-10-01T07:55:03Z' },
        mfa: true,
        key: { rotated: '2026-10-05T12:30:00Z', used: '2026-11-28T18:02:00Z' },
      }),
      userRow('li.wei', {
        created: '2025-07-01T09:00:12Z',
        password: { used: '2026-11-20T13:27:35Z', changed: '2025-07-01T09:14:02Z' },
        mfa: false,
      }),
      userRow('priya.nair', {
        created: '2026-11-03T09:12:55Z',
        password: { used: null, changed: '2026-11-03T09:12:55Z' },
        mfa: true,
      }),
      userRow('ci-deploy', {
        created: '2024-03-19T15:02:36Z',
        key: { rotated: '2025-02-17T11:06:24Z', used: '2026-11-28T17:19:00Z' },
      }),
      userRow('legacy-reporting', {
        created: '2022-11-08T13:45:09Z',
        key: { rotated: '2022-11-08T13:47:51Z', used: '2025-08-14T06:00:00Z' },
      }),
    ],
  }),
);
add(
  fact('Rampart::IAM::PasswordPolicy', 'global', {
    policy: {
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: false,
      passwordReusePrevention: 5,
      hardExpiry: false,
    },
  }),
);
add(
  fact('Rampart::IAM::AccountSummary', 'global', {
    accountMfaEnabled: true,
    accountAccessKeysPresent: false,
    accountSigningCertificatesPresent: false,
    rootVirtualMfa: true,
    users: USERS.length,
    roles: 11,
    policies: 9,
  }),
);
add(fact('Rampart::EC2::EbsEncryptionByDefault', 'regional', { enabled: false, kmsKeyId: 'alias/aws/ebs' }));
// Public website and partner drop bucket: the account blocks public ACLs but not public policies.
add(
  fact('Rampart::S3::AccountPublicAccessBlock', 'global', {
    configuration: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    },
  }),
);
add(
  fact('Rampart::Account::AlternateContacts', 'global', {
    security: {
      name: 'Acme Security Team',
      title: 'Security',
      emailAddress: 'security@acme-payments.example',
      phoneNumber: '+44 20 7946 0321',
    },
    operations: {
      name: 'Acme Platform On-call',
      title: 'Operations',
      emailAddress: 'oncall@acme-payments.example',
      phoneNumber: '+44 20 7946 0322',
    },
    billing: null,
  }),
);
add(
  fact('Rampart::GuardDuty::Status', 'regional', {
    detectorId: hex('guardduty', 32),
    status: 'ENABLED',
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    features: [
      { name: 'CLOUD_TRAIL', status: 'ENABLED' },
      { name: 'DNS_LOGS', status: 'ENABLED' },
      { name: 'FLOW_LOGS', status: 'ENABLED' },
      { name: 'S3_DATA_EVENTS', status: 'ENABLED' },
      { name: 'EKS_AUDIT_LOGS', status: 'DISABLED' },
      { name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
      { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
      { name: 'LAMBDA_NETWORK_LOGS', status: 'ENABLED' },
      {
        name: 'RUNTIME_MONITORING',
        status: 'DISABLED',
        additionalConfiguration: [
          { name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' },
          { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'DISABLED' },
          { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
        ],
      },
    ],
    administratorAccountId: null,
  }),
);
add(
  fact('Rampart::SecurityHub::Status', 'regional', {
    enabled: true,
    hubArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`,
    subscribedAt: '2024-03-12T11:20:41.000Z',
    standards: [
      {
        standardsArn: `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`,
        status: 'READY',
      },
    ],
  }),
);
add(
  fact('Rampart::CloudTrail::Trails', 'regional', {
    trails: [
      {
        name: 'acme-management-trail',
        trailArn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/acme-management-trail`,
        homeRegion: REGION,
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        isLogging: true,
        includeGlobalServiceEvents: true,
        logFileValidationEnabled: false,
        kmsKeyId: arnKey(KEY.logs),
        s3BucketName: TRAIL_BUCKET,
        cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${TRAIL_LOG_GROUP}:*`,
        latestCloudWatchLogsDeliveryTime: '2026-11-29T07:56:12Z',
        eventSelectors: [
          {
            readWriteType: 'All',
            includeManagementEvents: true,
            excludeManagementEventSources: [],
            dataResources: [
              { type: 'AWS::S3::Object', values: [`arn:aws:s3:::${APP_DATA}/`, `arn:aws:s3:::${INVOICES}/`] },
            ],
          },
        ],
        advancedEventSelectors: [],
      },
    ],
  }),
);

// Organization membership: a workload account under the Workloads OU, with a guardrail SCP there.
const MANAGEMENT_ACCOUNT = '999988887777';
const ORG_ID = 'o-7h2kq9xw4m';
add(
  fact('Rampart::Organizations::Account', 'global', {
    member: true,
    organizationId: ORG_ID,
    organizationArn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:organization/${ORG_ID}`,
    managementAccountId: MANAGEMENT_ACCOUNT,
    featureSet: 'ALL',
    serviceControlPoliciesEnabled: true,
    parents: [
      { id: 'ou-7h2k-w0rkl0ad', type: 'ORGANIZATIONAL_UNIT', name: 'Workloads' },
      { id: 'r-7h2k', type: 'ROOT', name: 'Root' },
    ],
    serviceControlPolicies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        awsManaged: true,
        targetId: 'r-7h2k',
        content: JSON.stringify(doc({ Effect: 'Allow', Action: '*', Resource: '*' })),
      },
      {
        id: 'p-3m8v2r7c',
        name: 'workloads-guardrails',
        arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG_ID}/service_control_policy/p-3m8v2r7c`,
        awsManaged: false,
        targetId: 'ou-7h2k-w0rkl0ad',
        content: JSON.stringify(
          doc(
            {
              Sid: 'ProtectSecurityServices',
              Effect: 'Deny',
              Action: [
                'cloudtrail:StopLogging',
                'cloudtrail:DeleteTrail',
                'guardduty:DeleteDetector',
                'guardduty:DisassociateFromAdministratorAccount',
                'config:StopConfigurationRecorder',
                'config:DeleteConfigurationRecorder',
                'securityhub:DisableSecurityHub',
                'access-analyzer:DeleteAnalyzer',
              ],
              Resource: '*',
            },
            { Sid: 'StayInTheOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
            {
              Sid: 'ApprovedRegions',
              Effect: 'Deny',
              NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*', 'route53:*'],
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': [REGION, 'us-east-1'] } },
            },
          ),
        ),
      },
    ],
  }),
);
// Identity Center is an organization instance in the management account, so this member account
// lists none; its permission-set roles (AWSReservedSSO_*) show that people sign in through it.
add(fact('Rampart::SSO::Instances', 'global', { instances: [] }));
add(
  fact('Rampart::AccessAnalyzer::Analyzers', 'regional', {
    analyzers: [
      {
        name: 'acme-external-access',
        arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/acme-external-access`,
        type: 'ACCOUNT',
        status: 'ACTIVE',
        createdAt: '2024-03-12T11:31:09Z',
      },
    ],
  }),
);
add(
  fact('Rampart::Config::Recorders', 'regional', {
    recorders: [
      {
        name: 'default',
        roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: true,
          resourceTypes: [],
          exclusionByResourceTypes: { resourceTypes: [] },
          recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
        },
        recordingMode: { recordingFrequency: 'CONTINUOUS' },
        status: { recording: true, lastStatus: 'Success', lastStatusChangeTime: '2026-11-29T07:52:40Z' },
      },
    ],
  }),
);
// GuardDuty findings page the security team; Security Hub findings reach no one (no rule yet).
add(
  fact('Rampart::Events::AlertingRules', 'regional', {
    rules: [
      {
        name: 'acme-guardduty-findings',
        arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/acme-guardduty-findings`,
        eventBusName: 'default',
        state: 'ENABLED',
        eventPattern: JSON.stringify({
          source: ['aws.guardduty'],
          'detail-type': ['GuardDuty Finding'],
          detail: { severity: [{ numeric: ['>=', 4] }] },
        }),
        targets: [{ id: 'security-alerts', arn: SECURITY_ALERTS }],
      },
      {
        name: 'acme-ecs-deployments',
        arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/acme-ecs-deployments`,
        eventBusName: 'default',
        state: 'ENABLED',
        eventPattern: JSON.stringify({ source: ['aws.ecs'], 'detail-type': ['ECS Deployment State Change'] }),
        targets: [{ id: 'deploys', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:acme-deploy-notifications` }],
      },
    ],
    topics: [
      {
        topicArn: SECURITY_ALERTS,
        subscriptions: [
          {
            subscriptionArn: `${SECURITY_ALERTS}:${uuid('sub:security-email')}`,
            protocol: 'email',
            endpoint: 'security@acme-payments.example',
          },
          {
            subscriptionArn: `${SECURITY_ALERTS}:${uuid('sub:security-pager')}`,
            protocol: 'https',
            endpoint: 'https://events.pagerduty.com/integration/acme-security/enqueue',
          },
        ],
      },
      {
        topicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:acme-deploy-notifications`,
        subscriptions: [
          { subscriptionArn: 'PendingConfirmation', protocol: 'email', endpoint: 'platform@acme-payments.example' },
        ],
      },
    ],
  }),
);

// Only the public payments ALB and the two production API stages are behind AWS WAF.
add(
  fact('Rampart::WAF::WebACLAssociations', 'regional', {
    webAcls: [
      {
        service: 'wafv2',
        id: wafv2Id('acme-payments-web'),
        name: 'acme-payments-web',
        arn: PAYMENTS_WEB_ACL,
        resourceArns: [ALB.web, stageArn(REST_API.partner, 'prod'), stageArn(REST_API.webhooks, 'v1')],
      },
      {
        service: 'wafv2',
        id: wafv2Id('acme-backoffice-web'),
        name: 'acme-backoffice-web',
        arn: wafv2Arn('webacl', 'acme-backoffice-web'),
        resourceArns: [],
      },
      {
        service: 'waf-regional',
        id: CLASSIC.acl,
        name: 'legacy-payments-acl',
        arn: wafClassicArn('webacl', CLASSIC.acl),
        resourceArns: [],
      },
      {
        service: 'waf-regional',
        id: CLASSIC.testAcl,
        name: 'legacy-test-acl',
        arn: wafClassicArn('webacl', CLASSIC.testAcl),
        resourceArns: [],
      },
    ],
  }),
);
add(
  fact('Rampart::WAFv2::LoggingConfigurations', 'regional', {
    loggingConfigurations: [
      {
        resourceArn: PAYMENTS_WEB_ACL,
        logDestinationConfigs: [`arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/aws-waf-logs-acme-payments-web`],
        managedByFirewallManager: false,
      },
    ],
  }),
);
// The egress firewall logs alerts and flows; the sandbox firewall was never given a logging configuration.
add(
  fact('Rampart::NetworkFirewall::LoggingConfigurations', 'regional', {
    firewalls: [
      {
        firewallArn: nfwArn('firewall', 'acme-egress-firewall'),
        logDestinationConfigs: [
          {
            logType: 'ALERT',
            logDestinationType: 'CloudWatchLogs',
            logDestination: { logGroup: '/aws/network-firewall/acme-egress-firewall/alert' },
          },
          {
            logType: 'FLOW',
            logDestinationType: 'S3',
            logDestination: { bucketName: LOG_BUCKET, prefix: 'network-firewall/flow' },
          },
        ],
      },
      { firewallArn: nfwArn('firewall', 'sandbox-firewall'), logDestinationConfigs: [] },
    ],
  }),
);
// Shield Advanced was evaluated in 2025 and not bought: Shield Standard only.
add(
  fact('Rampart::Shield::Subscription', 'global', {
    subscriptionState: 'INACTIVE',
    subscription: null,
    drtAccess: null,
    protections: [],
  }),
);
add(fact('Rampart::EC2::PublicSnapshots', 'regional', { snapshotIds: [] }));
add(
  fact('Rampart::ECR::RegistryScanning', 'regional', {
    scanType: 'BASIC',
    rules: [
      { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'acme-payments-*', filterType: 'WILDCARD' }] },
    ],
  }),
);
// A few findings nobody triaged: two HIGH ones from early November and some old LOW ones.
add(
  fact('Rampart::GuardDuty::FindingsSummary', 'regional', {
    detectorId: hex('guardduty', 32),
    severities: [
      { severity: 'LOW', count: 7, oldestCreatedAt: '2026-09-21T04:12:37.118Z' },
      { severity: 'MEDIUM', count: 2, oldestCreatedAt: '2026-11-25T22:40:09.551Z' },
      { severity: 'HIGH', count: 2, oldestCreatedAt: '2026-11-04T13:05:51.902Z' },
      { severity: 'CRITICAL', count: 0, oldestCreatedAt: null },
    ],
  }),
);

// Secrets Manager dates (ListSecrets): the PSP API key has never been rotated.
const secretArn = (name) =>
  `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${derive(`secret:${name}`, 6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
add(
  fact('Rampart::SecretsManager::SecretActivity', 'regional', {
    secrets: [
      {
        arn: secretArn('prod/payments-db/master'),
        name: 'prod/payments-db/master',
        createdDate: '2024-05-20T14:38:02.640Z',
        lastRotatedDate: '2026-11-08T02:14:51.000Z',
        lastChangedDate: '2026-11-08T02:14:51.000Z',
        lastAccessedDate: '2026-11-29T00:00:00.000Z',
      },
      {
        arn: secretArn('prod/reporting-db/readonly'),
        name: 'prod/reporting-db/readonly',
        createdDate: '2025-03-04T10:30:11.204Z',
        lastRotatedDate: '2026-11-24T01:03:17.000Z',
        lastChangedDate: '2026-11-24T01:03:17.000Z',
        lastAccessedDate: '2026-11-28T00:00:00.000Z',
      },
      {
        arn: secretArn('prod/payments/psp-api-key'),
        name: 'prod/payments/psp-api-key',
        createdDate: '2024-04-02T10:20:45.971Z',
        lastRotatedDate: null,
        lastChangedDate: '2024-04-02T10:20:45.971Z',
        lastAccessedDate: '2026-11-29T00:00:00.000Z',
      },
    ],
  }),
);
add(
  fact('Rampart::SSM::DocumentSharing', 'regional', {
    documents: [
      { name: 'acme-bootstrap-node', documentType: 'Command', accountIds: [] },
      { name: 'acme-restart-payments-api', documentType: 'Automation', accountIds: [] },
      { name: 'acme-collect-diagnostics', documentType: 'Command', accountIds: [MANAGEMENT_ACCOUNT] },
    ],
  }),
);
// Parameter Store: configuration in plain String parameters, two secrets that should not be where they are.
add(
  fact('Rampart::SSM::Parameters', 'regional', {
    parameters: [
      { name: '/acme/prod/payments/feature-flags', type: 'StringList', keyId: null, tier: 'Standard' },
      {
        name: '/acme/prod/payments/webhook-signing-secret',
        type: 'SecureString',
        keyId: arnKey(KEY.data),
        tier: 'Standard',
      },
      { name: '/acme/prod/datadog/api-key', type: 'SecureString', keyId: 'alias/aws/ssm', tier: 'Standard' },
      { name: '/acme/staging/backoffice/db-password', type: 'String', keyId: null, tier: 'Standard' },
      { name: '/acme/prod/platform/ami-id', type: 'String', keyId: null, tier: 'Standard' },
    ],
  }),
);

// Elastic Beanstalk option settings (aws:elasticbeanstalk:managedactions).
add(
  fact('Rampart::ElasticBeanstalk::ManagedActions', 'regional', {
    environments: [
      {
        environmentId: EB.prod.configuration.environmentId,
        environmentName: EB.prod.configuration.environmentName,
        managedActionsEnabled: true,
        updateLevel: 'minor',
      },
      {
        environmentId: EB.staging.configuration.environmentId,
        environmentName: EB.staging.configuration.environmentName,
        managedActionsEnabled: false,
        updateLevel: null,
      },
    ],
  }),
);
// RDS parameter groups (effective values, engine defaults included): PostgreSQL 15+ forces TLS by
// default, MySQL 8.0 does not; the back-office group was copied from PostgreSQL 14's defaults.
add(
  fact('Rampart::RDS::ParameterGroupTls', 'regional', {
    parameterGroups: [
      { name: 'default.postgres16', kind: 'instance', family: 'postgres16', parameters: { 'rds.force_ssl': '1' } },
      {
        name: 'default.mysql8.0',
        kind: 'instance',
        family: 'mysql8.0',
        parameters: { require_secure_transport: '0' },
      },
      {
        name: 'acme-backoffice-postgres14',
        kind: 'instance',
        family: 'postgres14',
        parameters: { 'rds.force_ssl': '0' },
      },
    ],
  }),
);
// EMR: the nightly risk-scoring cluster (Kerberos, private subnet) and a data scientist's ad-hoc
// Spark cluster, launched in a public subnet without a security configuration and left WAITING.
const emrId = (seed) => `j-${derive(`emr:${seed}`, 13, ALNUM_UPPER)}`;
add(
  fact('Rampart::EMR::Clusters', 'regional', {
    clusters: [
      {
        id: emrId('acme-risk-scoring'),
        name: 'acme-risk-scoring-nightly',
        arn: `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/${emrId('acme-risk-scoring')}`,
        state: 'RUNNING',
        securityConfiguration: 'acme-emr-kerberos',
        kerberosConfiguration: {
          Provider: 'ClusterDedicatedKdc',
          ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 },
        },
        masterPublicIpAddresses: [],
      },
      {
        id: emrId('adhoc-spark'),
        name: 'adhoc-spark-mjohnson',
        arn: `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/${emrId('adhoc-spark')}`,
        state: 'WAITING',
        securityConfiguration: null,
        kerberosConfiguration: null,
        masterPublicIpAddresses: ['34.245.18.201'],
      },
    ],
  }),
);

// ---------------------------------------------------------------------------------------------
// Write

const header = {
  snapshot: {
    version: 1,
    capturedAt: CAPTURED_AT,
    accounts: [ACCOUNT],
    regions: [REGION],
    tool: 'rampart 0.1.0 (demo)',
  },
};
const lines = [header, ...items].map((line) => JSON.stringify(line));
writeFileSync(OUT, `${lines.join('\n')}\n`);

const types = new Set(items.filter((i) => !i.resourceType.startsWith('Rampart::')).map((i) => i.resourceType));
const facts = items.filter((i) => i.resourceType.startsWith('Rampart::')).length;
process.stderr.write(
  `wrote ${OUT}: ${items.length - facts} configuration items of ${types.size} resource types, ${facts} facts\n`,
);
