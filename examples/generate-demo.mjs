#!/usr/bin/env node
// Writes examples/demo-account.jsonl: a version-1 Rampart snapshot of "Acme Payments", a small,
// fictional AWS account (111122223333, eu-west-1) used by `rampart demo`.
//
// The account is mostly well run, with the gaps a real one tends to have: a bastion with SSH open
// to the world, a forgotten Windows box, an unencrypted legacy bucket and database, an old access
// key, a weak password policy, one incident-response playbook not deployed, ...
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
    supplementary: rotation === undefined ? {} : { KeyRotationStatus: rotation },
  });
}

add(
  kmsKey(KEY.data, {
    name: 'acme-app-data',
    description: 'Application data (S3, EBS, Secrets Manager)',
    rotation: true,
    created: '2024-03-11T09:02:17.331Z',
    tags: { team: 'platform' },
  }),
);
add(
  kmsKey(KEY.logs, {
    name: 'acme-logs',
    description: 'CloudTrail, CloudWatch Logs and SNS alerts',
    rotation: true,
    created: '2024-03-11T09:04:52.118Z',
    tags: { team: 'security' },
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
    }),
  ),
);
add(
  kmsKey(KEY.awsS3, {
    description: 'Default key that protects my S3 objects when no other key is defined',
    manager: 'AWS',
    rotation: true,
    created: '2024-03-12T16:20:41.007Z',
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
        .filter(([k]) => !['defDefault', 'windows'].includes(k))
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

  // Root (and data) volumes.
  volumes.forEach((volId, i) => {
    const encrypted = !(i === 0 && spec.rootUnencrypted);
    const volTags = { Name: `${spec.name}-${i === 0 ? 'root' : 'data'}` };
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
        Action: ['iam:GetRole', 'iam:PassRole', 'iam:DeleteRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies'],
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
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme-payments/platform-infra:ref:refs/heads/main' },
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
    tags: { team: 'security' },
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
      tags: { team: 'platform' },
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
    tags: { team: 'security', 'rampart:component': 'baseline' },
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
    tags: { team: 'security', 'rampart:component': 'baseline' },
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
      tags: { team: 'data', env: 'prod' },
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
      { name: 'LAMBDA_NETWORK_LOGS', status: 'DISABLED' },
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
        subscriptions: [{ subscriptionArn: 'PendingConfirmation', protocol: 'email', endpoint: 'platform@acme-payments.example' }],
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
