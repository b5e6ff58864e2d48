import type { Compliance } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { type PolicyResourceLike, PREVIEW_CONTROL_IDS } from '../../src/index.js';
import {
  ACCOUNT,
  ciVerdict,
  factFixture,
  factItem,
  fixture,
  type Raw,
  REGION,
  res,
  stackVerdict,
  urn,
} from '../helpers.js';

/**
 * Parity: for each preview control, the Pulumi inputs of a resource and the real configuration item
 * of the same resource (a @rampart/core fixture, mutated one field per case) get the same verdict.
 */
interface Case {
  control: string;
  name: string;
  expected: Compliance;
  /** The configuration items (and facts) AWS Config would hold; the first is the subject. */
  ci: () => Raw[];
  /** The Pulumi resources of the program; the first is the subject. */
  stack: () => PolicyResourceLike[];
}

// ---------- S3: fixture AWS::S3::Bucket/encrypted (acme-app-data) and defaults (acme-build-cache)
const BUCKET = 'aws:s3/bucket:Bucket';
const PAB = 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock';
const POLICY = 'aws:s3/bucketPolicy:BucketPolicy';
const VERSIONING = 'aws:s3/bucketVersioning:BucketVersioning';
const SSE = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';
const LOGGING = 'aws:s3/bucketLogging:BucketLogging';
const ACL = 'aws:s3/bucketAcl:BucketAcl';
const DATA = 'acme-app-data';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f';

const bucketCi = () => fixture('AWS::S3::Bucket', 'encrypted');
const tlsPolicy = (): Raw => JSON.parse(bucketCi()['supplementaryConfiguration'].BucketPolicy.policyText);
const publicStatement = (action: string) => ({
  Sid: 'Public',
  Effect: 'Allow',
  Principal: '*',
  Action: action,
  Resource: `arn:aws:s3:::${DATA}/*`,
});

interface BucketOptions {
  pab?: Record<string, boolean> | false;
  policy?: Raw | false;
  versioning?: string | false;
  sse?: unknown[] | false;
  logging?: boolean;
  acl?: string;
}

/** The bucket of the `encrypted` fixture as a Pulumi program: a bucket and its satellite resources. */
function bucketStack(o: BucketOptions = {}): PolicyResourceLike[] {
  const bucket = res(BUCKET, 'data', { bucket: DATA, tags: { team: 'payments' } });
  const dep = { bucket: [bucket.urn] };
  // Satellites name the bucket through `bucket.id`, unknown at preview: linked by property dependency.
  const ref = { bucket: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' };
  const out = [bucket];
  if (o.pab !== false) {
    out.push(
      res(
        PAB,
        'data-pab',
        {
          ...ref,
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
          ...o.pab,
        },
        dep,
      ),
    );
  }
  if (o.policy !== false)
    out.push(res(POLICY, 'data-policy', { bucket: DATA, policy: JSON.stringify(o.policy ?? tlsPolicy()) }));
  if (o.versioning !== false) {
    out.push(
      res(
        VERSIONING,
        'data-versioning',
        { ...ref, versioningConfiguration: { status: o.versioning ?? 'Enabled' } },
        dep,
      ),
    );
  }
  if (o.sse !== false) {
    const rules = o.sse ?? [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY_ARN },
        bucketKeyEnabled: true,
      },
    ];
    out.push(res(SSE, 'data-encryption', { bucket: DATA, rules }));
  }
  if (o.logging !== false) {
    out.push(res(LOGGING, 'data-logging', { ...ref, targetBucket: 'acme-access-logs', targetPrefix: `${DATA}/` }, dep));
  }
  if (o.acl !== undefined) out.push(res(ACL, 'data-acl', { bucket: DATA, acl: o.acl }));
  return out;
}

function bucketWith(mutate: (s: Raw) => void): Raw[] {
  const ci = bucketCi();
  mutate(ci['supplementaryConfiguration']);
  return [ci];
}

const withPolicy = (statements: Raw[]) => ({ ...tlsPolicy(), Statement: [...tlsPolicy()['Statement'], ...statements] });

const S3_CASES: Case[] = [
  ...[
    's3-bucket-level-public-access-prohibited',
    's3-bucket-logging-enabled',
    's3-bucket-public-read-prohibited',
    's3-bucket-public-write-prohibited',
    's3-bucket-server-side-encryption-enabled',
    's3-bucket-ssl-requests-only',
    's3-bucket-versioning-enabled',
    's3-default-encryption-kms',
  ].map(
    (control): Case => ({
      control,
      name: 'compliant',
      expected: 'COMPLIANT',
      ci: () => [bucketCi()],
      stack: () => bucketStack(),
    }),
  ),
  {
    control: 's3-bucket-level-public-access-prohibited',
    name: 'non-compliant: BlockPublicPolicy off',
    expected: 'NON_COMPLIANT',
    ci: () => bucketWith((s) => (s.PublicAccessBlockConfiguration.blockPublicPolicy = false)),
    stack: () => bucketStack({ pab: { blockPublicPolicy: false } }),
  },
  {
    control: 's3-bucket-logging-enabled',
    name: 'non-compliant: no access logging',
    expected: 'NON_COMPLIANT',
    ci: () => bucketWith((s) => (s.BucketLoggingConfiguration = { destinationBucketName: null, logFilePrefix: null })),
    stack: () => bucketStack({ logging: false }),
  },
  {
    control: 's3-bucket-public-read-prohibited',
    name: 'non-compliant: policy allows GetObject to everyone, RestrictPublicBuckets off',
    expected: 'NON_COMPLIANT',
    ci: () =>
      bucketWith((s) => {
        s.PublicAccessBlockConfiguration.restrictPublicBuckets = false;
        s.BucketPolicy.policyText = JSON.stringify(withPolicy([publicStatement('s3:GetObject')]));
      }),
    stack: () =>
      bucketStack({ pab: { restrictPublicBuckets: false }, policy: withPolicy([publicStatement('s3:GetObject')]) }),
  },
  {
    control: 's3-bucket-public-read-prohibited',
    name: 'non-compliant: public-read ACL, IgnorePublicAcls off',
    expected: 'NON_COMPLIANT',
    ci: () =>
      bucketWith((s) => {
        s.PublicAccessBlockConfiguration.ignorePublicAcls = false;
        const acl = JSON.parse(s.AccessControlList);
        acl.grantList.push({ grantee: 'AllUsers', permission: 'Read' });
        s.AccessControlList = JSON.stringify(acl);
      }),
    stack: () => bucketStack({ pab: { ignorePublicAcls: false }, acl: 'public-read' }),
  },
  {
    control: 's3-bucket-public-write-prohibited',
    name: 'non-compliant: policy allows PutObject to everyone, RestrictPublicBuckets off',
    expected: 'NON_COMPLIANT',
    ci: () =>
      bucketWith((s) => {
        s.PublicAccessBlockConfiguration.restrictPublicBuckets = false;
        s.BucketPolicy.policyText = JSON.stringify(withPolicy([publicStatement('s3:PutObject')]));
      }),
    stack: () =>
      bucketStack({ pab: { restrictPublicBuckets: false }, policy: withPolicy([publicStatement('s3:PutObject')]) }),
  },
  {
    control: 's3-bucket-server-side-encryption-enabled',
    name: 'non-compliant: no default encryption rule',
    expected: 'NON_COMPLIANT',
    ci: () => bucketWith((s) => (s.ServerSideEncryptionConfiguration = { rules: [] })),
    stack: () => bucketStack({ sse: [] }),
  },
  {
    control: 's3-bucket-ssl-requests-only',
    name: 'non-compliant: no bucket policy',
    expected: 'NON_COMPLIANT',
    ci: () => bucketWith((s) => (s.BucketPolicy = { policyText: null })),
    stack: () => bucketStack({ policy: false }),
  },
  {
    control: 's3-bucket-versioning-enabled',
    name: 'non-compliant: versioning suspended',
    expected: 'NON_COMPLIANT',
    ci: () => bucketWith((s) => (s.BucketVersioningConfiguration.status = 'Suspended')),
    stack: () => bucketStack({ versioning: 'Suspended' }),
  },
  {
    control: 's3-default-encryption-kms',
    name: 'non-compliant: SSE-S3 instead of KMS',
    expected: 'NON_COMPLIANT',
    ci: () =>
      bucketWith(
        (s) =>
          (s.ServerSideEncryptionConfiguration = {
            rules: [
              {
                applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyID: null },
                bucketKeyEnabled: false,
              },
            ],
          }),
      ),
    stack: () => bucketStack({ sse: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }),
  },
  ...[
    ['s3-bucket-logging-enabled', 'NON_COMPLIANT'],
    ['s3-bucket-versioning-enabled', 'NON_COMPLIANT'],
    ['s3-default-encryption-kms', 'NON_COMPLIANT'],
    ['s3-bucket-level-public-access-prohibited', 'COMPLIANT'],
    ['s3-bucket-server-side-encryption-enabled', 'COMPLIANT'],
  ].map(
    ([control, expected]): Case => ({
      control: control!,
      name: `${expected === 'COMPLIANT' ? 'compliant' : 'non-compliant'}: a bare bucket gets S3's defaults (fixture "defaults")`,
      expected: expected as Compliance,
      ci: () => [fixture('AWS::S3::Bucket', 'defaults')],
      stack: () => [res('aws:s3/bucketV2:BucketV2', 'cache', { bucket: 'acme-build-cache' })],
    }),
  ),
];

// ---------- Security groups: fixtures restricted (web-alb) and default-closed
const SG = 'aws:ec2/securityGroup:SecurityGroup';
const SG_ID = 'sg-0a1b2c3d4e5f60718';
const INGRESS = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
const WEB_INGRESS = [
  { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] },
  { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.20.0.0/16'] },
];
const ALL_EGRESS = [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }];

function sgStack(extraIngress: Raw[] = []): PolicyResourceLike[] {
  return [
    res(SG, 'web-alb', {
      id: SG_ID,
      name: 'web-alb',
      description: 'ALB ingress',
      vpcId: 'vpc-0f1e2d3c4b5a69788',
      ingress: [...WEB_INGRESS, ...extraIngress],
      egress: ALL_EGRESS,
    }),
  ];
}

/** The same group with its rules as separate `aws.vpc.SecurityGroupIngressRule` resources. */
function sgStackSeparateRules(open: { port: number; cidr: string }): PolicyResourceLike[] {
  const group = res(SG, 'web-alb', { name: 'web-alb', description: 'ALB ingress', egress: ALL_EGRESS });
  const dep = { securityGroupId: [group.urn] };
  const unknownId = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
  const rule = (name: string, port: number, source: Raw) =>
    res(INGRESS, name, { securityGroupId: unknownId, ipProtocol: 'tcp', fromPort: port, toPort: port, ...source }, dep);
  return [
    group,
    rule('https4', 443, { cidrIpv4: '0.0.0.0/0' }),
    rule('https6', 443, { cidrIpv6: '::/0' }),
    rule('extra', open.port, { cidrIpv4: open.cidr }),
  ];
}

function sgCi(extra: Raw[] = []): Raw[] {
  const ci = fixture('AWS::EC2::SecurityGroup', 'restricted');
  ci['configuration'].ipPermissions.push(...extra);
  return [ci];
}

const openPermission = (port: number) => ({
  fromPort: port,
  toPort: port,
  ipProtocol: 'tcp',
  ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
  ipRanges: ['0.0.0.0/0'],
  ipv6Ranges: [],
  prefixListIds: [],
  userIdGroupPairs: [],
});
const openRule = (port: number) => ({ protocol: 'tcp', fromPort: port, toPort: port, cidrBlocks: ['0.0.0.0/0'] });

const SG_CASES: Case[] = [
  ...['restricted-ssh', 'restricted-common-ports', 'vpc-sg-open-only-to-authorized-ports'].flatMap(
    (control): Case[] => [
      { control, name: 'compliant', expected: 'COMPLIANT', ci: () => sgCi(), stack: () => sgStack() },
      {
        control,
        name: 'compliant: rules as separate ingress-rule resources',
        expected: 'COMPLIANT',
        ci: () => sgCi(),
        stack: () => sgStackSeparateRules({ port: 22, cidr: '10.20.0.0/16' }),
      },
    ],
  ),
  {
    control: 'restricted-ssh',
    name: 'non-compliant: SSH open to the world',
    expected: 'NON_COMPLIANT',
    ci: () => sgCi([openPermission(22)]),
    stack: () => sgStack([openRule(22)]),
  },
  {
    control: 'restricted-ssh',
    name: 'non-compliant: SSH open to the world through a separate ingress rule',
    expected: 'NON_COMPLIANT',
    ci: () => sgCi([openPermission(22)]),
    stack: () => sgStackSeparateRules({ port: 22, cidr: '0.0.0.0/0' }),
  },
  {
    control: 'restricted-common-ports',
    name: 'non-compliant: RDP open to the world',
    expected: 'NON_COMPLIANT',
    ci: () => sgCi([openPermission(3389)]),
    stack: () => sgStack([openRule(3389)]),
  },
  {
    control: 'vpc-sg-open-only-to-authorized-ports',
    name: 'non-compliant: port 8080 open to the world',
    expected: 'NON_COMPLIANT',
    ci: () => sgCi([openPermission(8080)]),
    stack: () => sgStackSeparateRules({ port: 8080, cidr: '0.0.0.0/0' }),
  },
  {
    control: 'vpc-default-security-group-closed',
    name: 'compliant: default group without rules',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::EC2::SecurityGroup', 'default-closed')],
    stack: () => [
      res('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'default', {
        id: 'sg-0d4c3b2a1f0e9d8c7',
        vpcId: 'vpc-0f1e2d3c4b5a69788',
      }),
    ],
  },
  {
    control: 'vpc-default-security-group-closed',
    name: 'non-compliant: default group allows all egress',
    expected: 'NON_COMPLIANT',
    ci: () => {
      const ci = fixture('AWS::EC2::SecurityGroup', 'default-closed');
      ci['configuration'].ipPermissionsEgress.push({ ...openPermission(0), ipProtocol: '-1' });
      return [ci];
    },
    stack: () => [
      res('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'default', {
        id: 'sg-0d4c3b2a1f0e9d8c7',
        vpcId: 'vpc-0f1e2d3c4b5a69788',
        egress: ALL_EGRESS,
      }),
    ],
  },
];

// ---------- EBS, RDS, SNS, KMS, CloudTrail
const VOLUME_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const DB_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';

function mutated(type: string, variant: string, mutate: (ci: Raw) => void): () => Raw[] {
  return () => {
    const ci = fixture(type, variant);
    mutate(ci);
    return [ci];
  };
}

const volume = (props: Raw) => {
  const v = res('aws:ebs/volume:Volume', 'root', {
    id: 'vol-0c5e2f8a9b1d3e4f6',
    availabilityZone: 'eu-west-1a',
    size: 30,
    type: 'gp3',
    ...props,
  });
  const attachment = res(
    'aws:ec2/volumeAttachment:VolumeAttachment',
    'root-attachment',
    { volumeId: '04da6b54-80e4-46f7-96ec-b56ff0331ba9', instanceId: 'i-0a7b8c9d0e1f23456', deviceName: '/dev/xvda' },
    { volumeId: [v.urn] },
  );
  return [v, attachment];
};
const db = (props: Raw) => [
  res('aws:rds/instance:Instance', 'orders', {
    identifier: 'orders-db',
    engine: 'postgres',
    instanceClass: 'db.r6g.large',
    storageEncrypted: true,
    kmsKeyId: DB_KEY,
    publiclyAccessible: false,
    ...props,
  }),
];
const topic = (props: Raw) => [
  res('aws:sns/topic:Topic', 'alerts', { name: 'rampart-security-alerts', kmsMasterKeyId: DB_KEY, ...props }),
];
const keyCi = () => fixture('AWS::KMS::Key', 'customer-managed-with-policy');
const key = (props: Raw) => [
  res('aws:kms/key:Key', 'data', {
    keyId: '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17',
    description: 'Rampart baseline key for application data',
    enableKeyRotation: true,
    policy: keyCi()['supplementaryConfiguration'].Policy,
    ...props,
  }),
];
const openKeyPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Everyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }],
});
const trailProps = {
  name: 'acme-management-trail',
  s3BucketName: 'acme-cloudtrail-123456789012',
  includeGlobalServiceEvents: true,
  isMultiRegionTrail: true,
  enableLogFileValidation: true,
  cloudWatchLogsGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:aws-cloudtrail-logs-acme:*',
  cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/rampart-cloudtrail-to-cloudwatch',
  kmsKeyId: DB_KEY,
};
const trail = (props: Raw) => [res('aws:cloudtrail/trail:Trail', 'management', { ...trailProps, ...props })];

/** The trails fact a collector records for the fixture's trail. */
function trailsFact(trailCi: Raw, isLogging = true): Raw {
  const c = trailCi['configuration'];
  return factItem('Rampart::CloudTrail::Trails', {
    trails: [
      {
        name: c.name,
        trailArn: c.trailARN,
        homeRegion: c.homeRegion,
        isMultiRegionTrail: c.isMultiRegionTrail,
        isOrganizationTrail: c.isOrganizationTrail,
        isLogging,
        includeGlobalServiceEvents: c.includeGlobalServiceEvents,
        logFileValidationEnabled: c.logFileValidationEnabled,
        kmsKeyId: c.kmsKeyId,
        s3BucketName: c.s3BucketName,
        cloudWatchLogsLogGroupArn: c.cloudWatchLogsLogGroupArn,
        eventSelectors: [],
        advancedEventSelectors: [],
      },
    ],
  });
}

const SERVICE_CASES: Case[] = [
  {
    control: 'encrypted-volumes',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::EC2::Volume', 'encrypted-attached')],
    stack: () => volume({ encrypted: true, kmsKeyId: VOLUME_KEY }),
  },
  {
    control: 'encrypted-volumes',
    name: 'non-compliant: not encrypted',
    expected: 'NON_COMPLIANT',
    ci: mutated('AWS::EC2::Volume', 'encrypted-attached', (ci) => {
      ci['configuration'].encrypted = false;
      ci['configuration'].kmsKeyId = null;
    }),
    stack: () => volume({}),
  },
  {
    control: 'encrypted-volumes',
    name: 'compliant: encryption by default turned on in the same stack',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::EC2::Volume', 'encrypted-attached')],
    stack: () => [
      ...volume({}),
      res('aws:ebs/encryptionByDefault:EncryptionByDefault', 'ebs-default', { enabled: true }),
    ],
  },
  {
    control: 'encrypted-volumes',
    name: 'not applicable: a volume the program does not attach',
    expected: 'NOT_APPLICABLE',
    ci: mutated('AWS::EC2::Volume', 'encrypted-attached', (ci) => {
      ci['configuration'].attachments = [];
      ci['configuration'].encrypted = false;
    }),
    stack: () => volume({}).slice(0, 1),
  },
  {
    control: 'rds-instance-public-access-check',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::RDS::DBInstance', 'encrypted-private')],
    stack: () => db({}),
  },
  {
    control: 'rds-instance-public-access-check',
    name: 'non-compliant: publicly accessible',
    expected: 'NON_COMPLIANT',
    ci: mutated('AWS::RDS::DBInstance', 'encrypted-private', (ci) => (ci['configuration'].publiclyAccessible = true)),
    stack: () => db({ publiclyAccessible: true }),
  },
  {
    control: 'rds-storage-encrypted',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::RDS::DBInstance', 'encrypted-private')],
    stack: () => db({}),
  },
  {
    control: 'rds-storage-encrypted',
    name: 'non-compliant: storage not encrypted (the provider default)',
    expected: 'NON_COMPLIANT',
    ci: mutated('AWS::RDS::DBInstance', 'encrypted-private', (ci) => {
      ci['configuration'].storageEncrypted = false;
      ci['configuration'].kmsKeyId = null;
    }),
    stack: () => db({ storageEncrypted: undefined, kmsKeyId: undefined }),
  },
  {
    control: 'sns-encrypted-kms',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [fixture('AWS::SNS::Topic', 'encrypted')],
    stack: () => topic({}),
  },
  {
    control: 'sns-encrypted-kms',
    name: 'non-compliant: no KMS key',
    expected: 'NON_COMPLIANT',
    ci: mutated('AWS::SNS::Topic', 'encrypted', (ci) => (ci['configuration'].KmsMasterKeyId = null)),
    stack: () => topic({ kmsMasterKeyId: undefined }),
  },
  {
    control: 'cmk-backing-key-rotation-enabled',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [keyCi()],
    stack: () => key({}),
  },
  {
    control: 'cmk-backing-key-rotation-enabled',
    name: 'non-compliant: rotation off (the provider default)',
    expected: 'NON_COMPLIANT',
    ci: mutated(
      'AWS::KMS::Key',
      'customer-managed-with-policy',
      (ci) => (ci['supplementaryConfiguration'].KeyRotationStatus = false),
    ),
    stack: () => key({ enableKeyRotation: undefined }),
  },
  {
    control: 'kms-cmk-not-scheduled-for-deletion',
    name: 'compliant: a key declared in a program is enabled',
    expected: 'COMPLIANT',
    ci: () => [keyCi()],
    stack: () => key({}),
  },
  {
    control: 'kms-cmk-not-scheduled-for-deletion',
    name: 'compliant: a disabled key is not pending deletion',
    expected: 'COMPLIANT',
    ci: mutated('AWS::KMS::Key', 'customer-managed-with-policy', (ci) => {
      ci['configuration'].keyState = 'Disabled';
      ci['configuration'].enabled = false;
    }),
    stack: () => key({ isEnabled: false }),
  },
  ...['kms-key-policy-no-broad-full-access', 'kms-key-policy-no-public-access'].flatMap((control): Case[] => [
    { control, name: 'compliant', expected: 'COMPLIANT', ci: () => [keyCi()], stack: () => key({}) },
    {
      control,
      name: 'compliant: no policy input gets the default key policy',
      expected: 'COMPLIANT',
      ci: () => [keyCi()],
      stack: () => key({ policy: undefined }),
    },
    {
      control,
      name: 'non-compliant: kms:* to every AWS principal',
      expected: 'NON_COMPLIANT',
      ci: mutated(
        'AWS::KMS::Key',
        'customer-managed-with-policy',
        (ci) => (ci['supplementaryConfiguration'].Policy = openKeyPolicy),
      ),
      stack: () => key({ policy: openKeyPolicy }),
    },
  ]),
  {
    control: 'kms-key-policy-no-public-access',
    name: 'non-compliant: policy from a separate aws.kms.KeyPolicy',
    expected: 'NON_COMPLIANT',
    ci: mutated(
      'AWS::KMS::Key',
      'customer-managed-with-policy',
      (ci) => (ci['supplementaryConfiguration'].Policy = openKeyPolicy),
    ),
    stack: () => {
      const [k] = key({ policy: undefined });
      return [
        k!,
        res('aws:kms/keyPolicy:KeyPolicy', 'data-policy', { keyId: 'x', policy: openKeyPolicy }, { keyId: [k!.urn] }),
      ];
    },
  },
  ...(
    [
      ['cloud-trail-encryption-enabled', { kmsKeyId: undefined }, (c: Raw) => (c.kmsKeyId = null)],
      [
        'cloud-trail-log-file-validation-enabled',
        { enableLogFileValidation: undefined },
        (c: Raw) => (c.logFileValidationEnabled = false),
      ],
      [
        'cloud-trail-cloud-watch-logs-enabled',
        { cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined },
        (c: Raw) => {
          c.cloudWatchLogsLogGroupArn = null;
          c.cloudWatchLogsRoleArn = null;
        },
      ],
    ] as const
  ).flatMap(([control, props, mutate]): Case[] => [
    {
      control,
      name: 'compliant',
      expected: 'COMPLIANT',
      ci: () => {
        const ci = fixture('AWS::CloudTrail::Trail', 'multi-region');
        return [ci, trailsFact(ci)];
      },
      stack: () => trail({}),
    },
    {
      control,
      name: 'non-compliant: setting left at the provider default',
      expected: 'NON_COMPLIANT',
      ci: () => {
        const ci = fixture('AWS::CloudTrail::Trail', 'multi-region');
        mutate(ci['configuration']);
        return [ci, trailsFact(ci)];
      },
      stack: () => trail(props),
    },
  ]),
  {
    control: 'multi-region-cloudtrail-enabled',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [trailsFact(fixture('AWS::CloudTrail::Trail', 'multi-region'))],
    stack: () => trail({}),
  },
  {
    control: 'multi-region-cloudtrail-enabled',
    name: 'non-compliant: single-region trail',
    expected: 'NON_COMPLIANT',
    ci: () => {
      const ci = fixture('AWS::CloudTrail::Trail', 'multi-region');
      ci['configuration'].isMultiRegionTrail = false;
      return [trailsFact(ci)];
    },
    stack: () => trail({ isMultiRegionTrail: undefined }),
  },
  {
    control: 'multi-region-cloudtrail-enabled',
    name: 'non-compliant: logging turned off',
    expected: 'NON_COMPLIANT',
    ci: () => [trailsFact(fixture('AWS::CloudTrail::Trail', 'multi-region'), false)],
    stack: () => trail({ enableLogging: false }),
  },
];

// ---------- IAM: fixtures customer-managed policy and task-role
const policyCi = () => fixture('AWS::IAM::Policy', 'customer-managed');
const policyDoc = (): Raw => JSON.parse(decodeURIComponent(policyCi()['configuration'].policyVersionList[0].document));
/** The fixture's policy with only its default version, as a policy created by a program has. */
function policyCiWith(document: Raw): Raw[] {
  const ci = policyCi();
  ci['configuration'].policyVersionList = [
    { document: encodeURIComponent(JSON.stringify(document)), versionId: 'v3', isDefaultVersion: true },
  ];
  return [ci];
}
const iamPolicy = (document: Raw) => [
  res('aws:iam/policy:Policy', 'orders', {
    name: 'acme-orders-api-access',
    path: '/',
    description: 'Access of the orders API to its table and configuration',
    policy: JSON.stringify(document),
  }),
];
const withStatement = (s: Raw) => ({ ...policyDoc(), Statement: [...policyDoc()['Statement'], s] });
const ADMIN = { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' };
const FULL_DYNAMODB = { Sid: 'Dynamo', Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' };
const DECRYPT_ALL = { Sid: 'Decrypt', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' };

const roleCi = () => fixture('AWS::IAM::Role', 'task-role');
const role = (extra: PolicyResourceLike[] = []): PolicyResourceLike[] => {
  const r = res('aws:iam/role:Role', 'orders-api', {
    name: 'acme-orders-api',
    assumeRolePolicy: decodeURIComponent(roleCi()['configuration'].assumeRolePolicyDocument),
    tags: { team: 'orders' },
  });
  return [
    r,
    res('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'orders-api-access', {
      role: 'acme-orders-api',
      policyArn: 'arn:aws:iam::123456789012:policy/acme-orders-api-access',
    }),
    ...extra,
  ];
};

const IAM_CASES: Case[] = [
  ...(
    [
      ['iam-policy-no-statements-with-admin-access', ADMIN],
      ['iam-policy-no-statements-with-full-access', FULL_DYNAMODB],
      ['iam-customer-policy-blocked-kms-actions', DECRYPT_ALL],
    ] as const
  ).flatMap(([control, bad]): Case[] => [
    {
      control,
      name: 'compliant',
      expected: 'COMPLIANT',
      ci: () => policyCiWith(policyDoc()),
      stack: () => iamPolicy(policyDoc()),
    },
    {
      control,
      name: `non-compliant: statement ${bad.Sid}`,
      expected: 'NON_COMPLIANT',
      ci: () => policyCiWith(withStatement(bad)),
      stack: () => iamPolicy(withStatement(bad)),
    },
  ]),
  {
    control: 'iam-no-inline-policy-check',
    name: 'compliant: managed policy attached',
    expected: 'COMPLIANT',
    ci: () => [roleCi()],
    stack: () => role(),
  },
  {
    control: 'iam-no-inline-policy-check',
    name: 'non-compliant: inline policy through aws.iam.RolePolicy',
    expected: 'NON_COMPLIANT',
    ci: () => {
      const ci = roleCi();
      ci['configuration'].rolePolicyList = [
        { policyName: 'extra', policyDocument: encodeURIComponent(JSON.stringify(policyDoc())) },
      ];
      return [ci];
    },
    stack: () =>
      role([
        res('aws:iam/rolePolicy:RolePolicy', 'extra', {
          role: 'acme-orders-api',
          name: 'extra',
          policy: JSON.stringify(policyDoc()),
        }),
      ]),
  },
];

// ---------- Lambda: fixture vpc-private (orders-handler)
const fnCi = () => fixture('AWS::Lambda::Function', 'vpc-private');
const fn = (props: Raw, permission: Raw) => {
  const f = res('aws:lambda/function:Function', 'orders', {
    name: 'orders-handler',
    runtime: 'nodejs22.x',
    role: 'arn:aws:iam::123456789012:role/orders-handler',
    handler: 'index.handler',
    vpcConfig: {
      subnetIds: ['subnet-0b1c2d3e4f5a6b7c8', 'subnet-0c2d3e4f5a6b7c8d9'],
      securityGroupIds: ['sg-0e1d2c3b4a5f6e7d8'],
    },
    ...props,
  });
  return [
    f,
    res(
      'aws:lambda/permission:Permission',
      'events-nightly',
      {
        function: '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
        statementId: 'events-nightly',
        action: 'lambda:InvokeFunction',
        ...permission,
      },
      { function: [f.urn] },
    ),
  ];
};
const EVENTS = {
  principal: 'events.amazonaws.com',
  sourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/orders-nightly',
};

const LAMBDA_CASES: Case[] = [
  {
    control: 'lambda-function-public-access-prohibited',
    name: 'compliant: invoked by an EventBridge rule',
    expected: 'COMPLIANT',
    ci: () => [fnCi()],
    stack: () => fn({}, EVENTS),
  },
  {
    control: 'lambda-function-public-access-prohibited',
    name: 'non-compliant: invoke permission to everyone',
    expected: 'NON_COMPLIANT',
    ci: () => {
      const ci = fnCi();
      const policy = JSON.parse(ci['supplementaryConfiguration'].Policy);
      policy.Statement[0].Principal = '*';
      delete policy.Statement[0].Condition;
      ci['supplementaryConfiguration'].Policy = JSON.stringify(policy);
      return [ci];
    },
    stack: () => fn({}, { principal: '*' }),
  },
  {
    control: 'lambda-inside-vpc',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => [fnCi()],
    stack: () => fn({}, EVENTS),
  },
  {
    control: 'lambda-inside-vpc',
    name: 'non-compliant: no VPC',
    expected: 'NON_COMPLIANT',
    ci: () => {
      const ci = fnCi();
      ci['configuration'].vpcConfig = { subnetIds: [], securityGroupIds: [] };
      return [ci];
    },
    stack: () => fn({ vpcConfig: undefined }, EVENTS),
  },
];

// ---------- WAFv2: fixture regional-managed
const aclCi = () => fixture('AWS::WAFv2::WebACL', 'regional-managed');
const ACL_ARN =
  'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/rampart-regional/6f2c0d4e-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const LOG_GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-rampart';
function webAcl(rules: unknown[] | undefined, logging: boolean): PolicyResourceLike[] {
  const c = aclCi()['configuration'];
  const acl = res('aws:wafv2/webAcl:WebAcl', 'regional', {
    name: 'rampart-regional',
    scope: 'REGIONAL',
    defaultAction: c.defaultAction,
    description: c.description,
    rules: rules ?? c.rules,
    visibilityConfig: c.visibilityConfig,
  });
  if (!logging) return [acl];
  return [
    acl,
    res(
      'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration',
      'regional-logging',
      { resourceArn: 'dd056dcd-154b-4c76-9bd3-c8f88648b5ff', logDestinationConfigs: [LOG_GROUP] },
      { resourceArn: [acl.urn] },
    ),
  ];
}
function aclCiWith(rules: unknown[] | undefined, logging: boolean): Raw[] {
  const ci = aclCi();
  if (rules !== undefined) ci['configuration'].rules = rules;
  ci['supplementaryConfiguration'].LoggingConfiguration = logging
    ? { resourceArn: ACL_ARN, logDestinationConfigs: [LOG_GROUP] }
    : null;
  return [ci];
}

const WAF_CASES: Case[] = [
  {
    control: 'wafv2-webacl-not-empty',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => aclCiWith(undefined, true),
    stack: () => webAcl(undefined, true),
  },
  {
    control: 'wafv2-webacl-not-empty',
    name: 'non-compliant: no rules',
    expected: 'NON_COMPLIANT',
    ci: () => aclCiWith([], true),
    stack: () => webAcl([], true),
  },
  {
    control: 'wafv2-logging-enabled',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => aclCiWith(undefined, true),
    stack: () => webAcl(undefined, true),
  },
  {
    control: 'wafv2-logging-enabled',
    name: 'non-compliant: no logging configuration',
    expected: 'NON_COMPLIANT',
    ci: () => aclCiWith(undefined, false),
    stack: () => webAcl(undefined, false),
  },
];

// ---------- GuardDuty: fact fixture guardduty-status-all-plans
const gdFact = () => factFixture('Rampart::GuardDuty::Status', 'guardduty-status-all-plans');
function detector(overrides: Record<string, string> = {}, enable = true): PolicyResourceLike[] {
  const d = res('aws:guardduty/detector:Detector', 'main', {
    id: '12abc34d567e8fa901bc2d34e56789f0',
    enable,
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
  });
  const features = gdFact()['configuration'].features as {
    name: string;
    status: string;
    additionalConfiguration?: unknown[];
  }[];
  return [
    d,
    ...features.map((f) =>
      res('aws:guardduty/detectorFeature:DetectorFeature', `main-${f.name}`, {
        detectorId: '12abc34d567e8fa901bc2d34e56789f0',
        name: f.name,
        status: overrides[f.name] ?? f.status,
        ...(f.additionalConfiguration ? { additionalConfigurations: f.additionalConfiguration } : {}),
      }),
    ),
  ];
}
function gdCiWith(overrides: Record<string, string> = {}, status = 'ENABLED'): Raw[] {
  const fact = gdFact();
  fact['configuration'].status = status;
  for (const f of fact['configuration'].features) f.status = overrides[f.name] ?? f.status;
  return [fact];
}

const GUARDDUTY_PLANS: [string, string][] = [
  ['guardduty-eks-protection-audit-enabled', 'EKS_AUDIT_LOGS'],
  ['guardduty-lambda-protection-enabled', 'LAMBDA_NETWORK_LOGS'],
  ['guardduty-malware-protection-enabled', 'EBS_MALWARE_PROTECTION'],
  ['guardduty-rds-protection-enabled', 'RDS_LOGIN_EVENTS'],
  ['guardduty-runtime-monitoring-enabled', 'RUNTIME_MONITORING'],
  ['guardduty-s3-protection-enabled', 'S3_DATA_EVENTS'],
];

const GUARDDUTY_CASES: Case[] = [
  {
    control: 'guardduty-enabled-centralized',
    name: 'compliant',
    expected: 'COMPLIANT',
    ci: () => gdCiWith(),
    stack: () => detector(),
  },
  {
    control: 'guardduty-enabled-centralized',
    name: 'non-compliant: detector suspended',
    expected: 'NON_COMPLIANT',
    ci: () => gdCiWith({}, 'DISABLED'),
    stack: () => detector({}, false),
  },
  ...GUARDDUTY_PLANS.flatMap(([control, feature]): Case[] => [
    { control, name: 'compliant', expected: 'COMPLIANT', ci: () => gdCiWith(), stack: () => detector() },
    {
      control,
      name: `non-compliant: ${feature} disabled`,
      expected: 'NON_COMPLIANT',
      ci: () => gdCiWith({ [feature]: 'DISABLED' }),
      stack: () => detector({ [feature]: 'DISABLED' }),
    },
  ]),
];

const CASES: Case[] = [
  ...S3_CASES,
  ...SG_CASES,
  ...SERVICE_CASES,
  ...IAM_CASES,
  ...LAMBDA_CASES,
  ...WAF_CASES,
  ...GUARDDUTY_CASES,
];

describe('parity: Pulumi inputs and configuration items get the same verdict', () => {
  it.each(CASES.map((c) => [c.control, c.name, c] as const))('%s — %s', (_id, _name, c) => {
    const fromCi = ciVerdict(c.control, c.ci());
    const fromStack = stackVerdict(c.control, c.stack());
    expect({ config: fromCi, preview: fromStack.compliance }).toEqual({ config: c.expected, preview: c.expected });
  });

  it('covers every preview control with a compliant and a non-compliant case, at least 25 controls', () => {
    const covered = new Map<string, Set<Compliance>>();
    for (const c of CASES) covered.set(c.control, (covered.get(c.control) ?? new Set()).add(c.expected));
    expect([...covered.keys()].sort()).toEqual([...PREVIEW_CONTROL_IDS].sort());
    // A program cannot schedule a key for deletion: that control has compliant cases only.
    const both = [...covered.entries()].filter(([, s]) => s.has('COMPLIANT') && s.has('NON_COMPLIANT'));
    expect(both.map(([id]) => id).sort()).toEqual(
      [...PREVIEW_CONTROL_IDS].filter((id) => id !== 'kms-cmk-not-scheduled-for-deletion').sort(),
    );
    expect(both.length).toBeGreaterThanOrEqual(25);
  });

  it('keeps the account and region of the fixtures', () => {
    expect([ACCOUNT, REGION, urn('t', 'n')]).toEqual(['123456789012', 'eu-west-1', 'urn:pulumi:test::rampart::t::n']);
  });
});
