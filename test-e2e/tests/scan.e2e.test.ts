import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  AttachVolumeCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { scan } from '@rampart/collectors';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { type EvaluationDoc, runRampart, scanMoto, verdict } from '../support/cli.js';
import { freePort, resetMoto } from '../support/moto.js';

/**
 * `rampart scan --source direct` against resources created in moto through the real SDK.
 *
 * moto 5.2.1 gaps that shape these assertions (each covered by aws-sdk-client-mock unit tests in
 * packages/collectors/tests instead): Network Firewall has no ListFirewallPolicies/ListRuleGroups, so
 * those two types are reported as collection errors (and the scan exits 3); Security Hub has no
 * GetEnabledStandards; EC2 GetEbsDefaultKmsKeyId answers 500; Config's SelectResourceConfig does not
 * run queries, so the Config source is not exercised here.
 */

const POLICY_ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});
const POLICY_READ = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::rampart-good/*' }],
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

interface World {
  openSg: string;
  privateSg: string;
  plainVolume: string;
  encryptedVolume: string;
  instance: string;
  rotatedKey: string;
  unrotatedKey: string;
  adminPolicyId: string;
  readPolicyId: string;
  userId: string;
  encryptedTopic: string;
  plainTopic: string;
}

async function createWorld(): Promise<World> {
  const config = motoClientConfig();
  const s3 = new S3Client(config);
  const location = { CreateBucketConfiguration: { LocationConstraint: REGION } } as const;
  for (const Bucket of ['rampart-good', 'rampart-public', 'rampart-logs']) {
    await s3.send(new CreateBucketCommand({ Bucket, ...location }));
  }
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'rampart-good',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: 'rampart-good',
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
      },
    }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'rampart-good', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  // S3 accepts a logging target only when the log delivery group may write to it.
  await s3.send(
    new PutBucketAclCommand({
      Bucket: 'rampart-logs',
      GrantWrite: 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"',
      GrantReadACP: 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"',
    }),
  );
  await s3.send(
    new PutBucketLoggingCommand({
      Bucket: 'rampart-good',
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'rampart-logs', TargetPrefix: 'good/' } },
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'rampart-good',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::rampart-good', 'arn:aws:s3:::rampart-good/*'],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'rampart-public',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'PublicRead',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::rampart-public/*',
          },
        ],
      }),
    }),
  );

  const ec2 = new EC2Client(config);
  const openSg = (
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'open-ssh', Description: 'ssh from anywhere' }))
  ).GroupId!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: openSg,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
        },
      ],
    }),
  );
  const privateSg = (
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'private-https', Description: 'https inside' }))
  ).GroupId!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: privateSg,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
    }),
  );
  const image = (await ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
  const instance = (
    await ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        MetadataOptions: { HttpTokens: 'required' },
      }),
    )
  ).Instances![0]!.InstanceId!;
  const az = `${REGION}a`;
  const plainVolume = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: az, Size: 8 }))).VolumeId!;
  const encryptedVolume = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: az, Size: 8, Encrypted: true })))
    .VolumeId!;
  await ec2.send(new AttachVolumeCommand({ VolumeId: plainVolume, InstanceId: instance, Device: '/dev/sdf' }));
  await ec2.send(new AttachVolumeCommand({ VolumeId: encryptedVolume, InstanceId: instance, Device: '/dev/sdg' }));

  const iam = new IAMClient(config);
  const userId = (await iam.send(new CreateUserCommand({ UserName: 'alice' }))).User!.UserId!;
  await iam.send(
    new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'inline-admin', PolicyDocument: POLICY_ADMIN }),
  );
  const adminPolicy = (
    await iam.send(new CreatePolicyCommand({ PolicyName: 'admin-all', PolicyDocument: POLICY_ADMIN }))
  ).Policy!;
  const readPolicyId = (
    await iam.send(new CreatePolicyCommand({ PolicyName: 'read-good', PolicyDocument: POLICY_READ }))
  ).Policy!.PolicyId!;
  await iam.send(new CreateRoleCommand({ RoleName: 'ops-admin', AssumeRolePolicyDocument: TRUST }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ops-admin', PolicyArn: adminPolicy.Arn }));

  const kms = new KMSClient(config);
  const rotatedKey = (await kms.send(new CreateKeyCommand({ Description: 'rotated' }))).KeyMetadata!.KeyId!;
  await kms.send(new EnableKeyRotationCommand({ KeyId: rotatedKey }));
  const unrotatedKey = (await kms.send(new CreateKeyCommand({ Description: 'not rotated' }))).KeyMetadata!.KeyId!;

  const trail = new CloudTrailClient(config);
  await trail.send(
    new CreateTrailCommand({
      Name: 'main',
      S3BucketName: 'rampart-logs',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
    }),
  );
  await trail.send(new StartLoggingCommand({ Name: 'main' }));

  await new GuardDutyClient(config).send(new CreateDetectorCommand({ Enable: true }));

  await new WAFV2Client(config).send(
    new CreateWebACLCommand({
      Name: 'edge',
      Scope: 'REGIONAL',
      DefaultAction: { Block: {} },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'edge' },
      Rules: [],
    }),
  );
  await new NetworkFirewallClient(config).send(
    new CreateFirewallCommand({
      FirewallName: 'egress',
      FirewallPolicyArn: `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall-policy/egress`,
      VpcId: 'vpc-12345678',
      SubnetMappings: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-2' }],
      DeleteProtection: true,
      SubnetChangeProtection: false,
    }),
  );

  const sns = new SNSClient(config);
  const encryptedTopic = (
    await sns.send(new CreateTopicCommand({ Name: 'alerts', Attributes: { KmsMasterKeyId: rotatedKey } }))
  ).TopicArn!;
  const plainTopic = (await sns.send(new CreateTopicCommand({ Name: 'plain' }))).TopicArn!;

  return {
    openSg,
    privateSg,
    plainVolume,
    encryptedVolume,
    instance,
    rotatedKey,
    unrotatedKey,
    adminPolicyId: adminPolicy.PolicyId!,
    readPolicyId,
    userId,
    encryptedTopic,
    plainTopic,
  };
}

describe('rampart scan against moto (direct source)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-'));
  const snapshotFile = join(dir, 'scan.jsonl');
  let world: World;
  let doc: EvaluationDoc;
  let exitCode: number | null;
  let stderr: string;

  beforeAll(async () => {
    const endpoint = inject('motoEndpoint');
    await resetMoto(endpoint);
    world = await createWorld();
    const run = await scanMoto(endpoint, REGION, ['--snapshot', snapshotFile]);
    exitCode = run.code;
    stderr = run.stderr;
    doc = run.doc;
  }, 180_000);

  it('scans the moto account in the requested region, with progress on stderr only', () => {
    expect(doc.scope.accounts).toEqual([ACCOUNT]);
    expect(doc.scope.regions).toEqual([REGION]);
    expect(stderr).toContain(`rampart: scanning account ${ACCOUNT} in ${REGION}`);
    expect(stderr).toMatch(/rampart: s3 global: \d+ item/);
  });

  it('judges S3 buckets on policy, public access block, encryption, logging and versioning', () => {
    expect(verdict(doc, 's3-bucket-public-read-prohibited', 'rampart-public').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 's3-bucket-public-read-prohibited', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-level-public-access-prohibited', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-level-public-access-prohibited', 'rampart-public').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 's3-bucket-ssl-requests-only', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-ssl-requests-only', 'rampart-public').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 's3-bucket-logging-enabled', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-logging-enabled', 'rampart-public').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 's3-bucket-versioning-enabled', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-versioning-enabled', 'rampart-public').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 's3-bucket-server-side-encryption-enabled', 'rampart-good').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 's3-bucket-public-read-prohibited', 'rampart-public').annotation).toContain('PublicRead');
  });

  it('flags security groups open to 0.0.0.0/0 and ::/0', () => {
    const ssh = verdict(doc, 'restricted-ssh', world.openSg);
    expect(ssh.compliance).toBe('NON_COMPLIANT');
    expect(ssh.annotation).toContain('0.0.0.0/0');
    expect(ssh.annotation).toContain('::/0');
    expect(verdict(doc, 'restricted-ssh', world.privateSg).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'restricted-ssh', world.openSg).resourceArn).toBe(
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${world.openSg}`,
    );
  });

  it('flags attached unencrypted volumes and reads instance metadata options', () => {
    expect(verdict(doc, 'encrypted-volumes', world.plainVolume).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'encrypted-volumes', world.encryptedVolume).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'ec2-imdsv2-check', world.instance).compliance).toBe('COMPLIANT');
  });

  it('reads IAM with AWS Config identities (ids, region global) and URL-encoded documents', () => {
    const admin = verdict(doc, 'iam-policy-no-statements-with-admin-access', world.adminPolicyId);
    expect(admin.compliance).toBe('NON_COMPLIANT');
    expect(admin.region).toBe('global');
    expect(verdict(doc, 'iam-policy-no-statements-with-admin-access', world.readPolicyId).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'iam-no-inline-policy-check', world.userId).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'iam-user-no-policies-check', world.userId).compliance).toBe('NON_COMPLIANT');
    const snapshot = readFileSync(snapshotFile, 'utf8');
    expect(snapshot).toContain('"policyDocument":"%7B%22Version%22');
  });

  it('judges KMS key rotation, SNS encryption, CloudTrail, GuardDuty and Network Firewall', () => {
    expect(verdict(doc, 'cmk-backing-key-rotation-enabled', world.rotatedKey).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'cmk-backing-key-rotation-enabled', world.unrotatedKey).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'sns-encrypted-kms', world.encryptedTopic).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'sns-encrypted-kms', world.plainTopic).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'cloud-trail-log-file-validation-enabled', 'main').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'multi-region-cloudtrail-enabled', ACCOUNT).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'guardduty-enabled-centralized', ACCOUNT).compliance).toBe('COMPLIANT');
    const firewall = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall/egress`;
    expect(verdict(doc, 'netfw-deletion-protection-enabled', firewall).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'netfw-subnet-change-protection-enabled', firewall).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'netfw-multi-az-enabled', firewall).compliance).toBe('COMPLIANT');
  });

  it('collects what no control reads yet (the WAFv2 web ACL) when the library is asked for every type', async () => {
    const items: Record<string, unknown>[] = [];
    const result = await scan(
      {
        endpointUrl: inject('motoEndpoint'),
        regions: [REGION],
        source: 'direct',
        credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
        reportPollMs: 10,
      },
      { item: (item) => items.push(item as Record<string, unknown>), error: () => {} },
    );
    expect(result.accountId).toBe(ACCOUNT);
    const acl = items.find((i) => i['resourceType'] === 'AWS::WAFv2::WebACL');
    expect(acl?.['resourceId']).toMatch(/^edge\|[^|]+\|REGIONAL$/);
    expect(acl?.['supplementaryConfiguration']).toEqual({ LoggingConfiguration: null });
  });

  it('reports what moto cannot serve as collection errors, in scope.incomplete, and exits 3', () => {
    expect(exitCode).toBe(3);
    expect(doc.scope.incomplete).toContainEqual(
      expect.objectContaining({
        accountId: ACCOUNT,
        region: REGION,
        resourceTypes: expect.arrayContaining(['AWS::NetworkFirewall::FirewallPolicy']),
      }),
    );
    expect(stderr).toContain('network-firewall ListFirewallPolicies failed');
  });

  it('writes a snapshot that `rampart evaluate` turns into identical evaluations', async () => {
    const again = await runRampart(['evaluate', '--input', snapshotFile, '--format', 'json']);
    expect(again.code).toBe(3);
    const reread = JSON.parse(again.stdout) as EvaluationDoc;
    expect(reread.evaluations).toEqual(doc.evaluations);
    expect(reread.scope).toEqual(doc.scope);
    const first = JSON.parse(readFileSync(snapshotFile, 'utf8').split('\n')[0]!) as {
      snapshot: { version: number; accounts: string[] };
    };
    expect(first.snapshot).toMatchObject({ version: 1, accounts: [ACCOUNT], regions: [REGION] });
  });

  it('--export securityhub imports the scan as findings, and --format asff prints the same Ids', async () => {
    const endpoint = inject('motoEndpoint');
    const scan = await runRampart([
      'scan',
      '--endpoint-url',
      endpoint,
      '--region',
      REGION,
      '--source',
      'direct',
      '--controls',
      'restricted-ssh,encrypted-volumes',
      '--format',
      'asff',
      '--export',
      'securityhub',
    ]);
    expect(scan.code).toBe(0);
    expect(scan.stderr).toMatch(/Security Hub: \d+ new, 0 updated, 0 unchanged, 0 archived, 0 failed/);
    const printed = JSON.parse(scan.stdout) as { Id: string; GeneratorId: string }[];
    expect(printed.length).toBeGreaterThan(0);
    const hub = new SecurityHubClient(motoClientConfig());
    const stored = await hub.send(new GetFindingsCommand({ MaxResults: 100 }));
    const ids = new Set((stored.Findings ?? []).map((f) => f.Id));
    for (const f of printed) expect(ids.has(f.Id)).toBe(true);
    expect(new Set(printed.map((f) => f.GeneratorId))).toEqual(
      new Set(['rampart/restricted-ssh', 'rampart/encrypted-volumes']),
    );
  });

  it('degrades a service that cannot be reached to INSUFFICIENT_DATA with the reason', async () => {
    // A closed port on loopback stands in for a denied or broken service: the SDK honours
    // AWS_ENDPOINT_URL_<SERVICE>, which the CLI passes through, so only GuardDuty fails.
    const closed = await freePort();
    const run = await runRampart(
      [
        'scan',
        '--endpoint-url',
        inject('motoEndpoint'),
        '--region',
        REGION,
        '--source',
        'direct',
        '--format',
        'json',
        '--controls',
        'guardduty-enabled-centralized,restricted-ssh',
      ],
      { AWS_ENDPOINT_URL_GUARDDUTY: `http://127.0.0.1:${closed}` },
    );
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout) as EvaluationDoc;
    const gd = verdict(result, 'guardduty-enabled-centralized', ACCOUNT);
    expect(gd.compliance).toBe('INSUFFICIENT_DATA');
    expect(gd.annotation).toContain('guardduty ListDetectors failed');
    expect(verdict(result, 'restricted-ssh', world.openSg).compliance).toBe('NON_COMPLIANT');
    expect(result.scope.incomplete).toEqual([
      { accountId: ACCOUNT, region: REGION, resourceTypes: ['Rampart::GuardDuty::Status'] },
    ]);
    expect(run.stderr).toContain('could not read in 123456789012 eu-west-1: guardduty ListDetectors');
  });

  it('rejects bad options with exit 2 before calling AWS', async () => {
    const bad = await runRampart(['scan', '--region', 'Europe', '--endpoint-url', inject('motoEndpoint')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Europe" is not an AWS region name');
    const both = await runRampart(['scan', '--region', REGION, '--all-regions']);
    expect(both.code).toBe(2);
  });
});
