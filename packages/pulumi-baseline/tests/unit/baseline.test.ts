import * as pulumi from '@pulumi/pulumi';
import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, type Recorded, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { SecurityBaseline, GUARDDUTY_FEATURES, COMPONENT_TAG } = await import('../../src/index.js');

const RESPONDER = `arn:aws:iam::${ACCOUNT}:role/security-oncall`;
const code = new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = 1;') });

/** Resource types whose AWS API takes no tags. */
const UNTAGGABLE = new Set([
  'aws:accessanalyzer/analyzer:Analyzer',
  'aws:cfg/deliveryChannel:DeliveryChannel',
  'aws:cfg/recorder:Recorder',
  'aws:cfg/recorderStatus:RecorderStatus',
  'aws:cloudwatch/eventTarget:EventTarget',
  'aws:ebs/encryptionByDefault:EncryptionByDefault',
  'aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess',
  'aws:guardduty/detectorFeature:DetectorFeature',
  'aws:guardduty/organizationAdminAccount:OrganizationAdminAccount',
  'aws:guardduty/organizationConfiguration:OrganizationConfiguration',
  'aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature',
  'aws:iam/accountPasswordPolicy:AccountPasswordPolicy',
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
  'aws:kms/alias:Alias',
  'aws:lambda/permission:Permission',
  'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock',
  'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
  'aws:s3/bucketLogging:BucketLogging',
  'aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration',
  'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
  'aws:s3/bucketPolicy:BucketPolicy',
  'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketVersioning:BucketVersioning',
  'aws:securityhub/account:Account',
  'aws:securityhub/actionTarget:ActionTarget',
  'aws:securityhub/findingAggregator:FindingAggregator',
  'aws:securityhub/organizationAdminAccount:OrganizationAdminAccount',
  'aws:securityhub/organizationConfiguration:OrganizationConfiguration',
  'aws:securityhub/standardsSubscription:StandardsSubscription',
  'aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation',
  'aws:shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation',
  'aws:sns/topicPolicy:TopicPolicy',
  'aws:sns/topicSubscription:TopicSubscription',
  'aws:wafv2/webAclAssociation:WebAclAssociation',
  'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration',
  'aws:networkfirewall/loggingConfiguration:LoggingConfiguration',
]);

describe('SecurityBaseline with defaults', () => {
  let all: Recorded[];
  beforeAll(async () => {
    await deploy(() => new SecurityBaseline('base', {}));
    all = resourcesOf('base');
  });
  const types = () => new Set(all.map((r) => r.type));

  it('creates logs and alerts keys with rotation and a 30-day window', () => {
    const keys = ofType(all, 'aws:kms/key:Key');
    expect(keys.map((k) => k.name).sort()).toEqual(['base-keys-alerts', 'base-keys-logs']);
    for (const k of keys) expect(k.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
  });

  it('enables GuardDuty with every feature, 15-minute publishing and an encrypted export', () => {
    expect(one(all, 'aws:guardduty/detector:Detector').inputs.findingPublishingFrequency).toBe('FIFTEEN_MINUTES');
    expect(
      ofType(all, 'aws:guardduty/detectorFeature:DetectorFeature')
        .map((f) => f.inputs.name)
        .sort(),
    ).toEqual([...GUARDDUTY_FEATURES].sort());
    expect(one(all, 'aws:guardduty/publishingDestination:PublishingDestination').inputs.kmsKeyArn).toMatch(
      /base-keys-logs/,
    );
  });

  it('enables Security Hub with FSBP, CIS v3.0.0 and all-region aggregation', () => {
    expect(ofType(all, 'aws:securityhub/standardsSubscription:StandardsSubscription')).toHaveLength(2);
    expect(one(all, 'aws:securityhub/findingAggregator:FindingAggregator').inputs.linkingMode).toBe('ALL_REGIONS');
  });

  it('records a multi-region, validated, encrypted trail with S3 data events and CloudWatch Logs', () => {
    const trail = one(all, 'aws:cloudtrail/trail:Trail').inputs;
    expect(trail).toMatchObject({
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      isOrganizationTrail: false,
    });
    expect(trail.kmsKeyId).toMatch(/base-keys-logs/);
    expect(trail.advancedEventSelectors).toHaveLength(2);
    expect(trail.cloudWatchLogsGroupArn).toBeDefined();
  });

  it('records all resources with AWS Config into an encrypted bucket', () => {
    expect(one(all, 'aws:cfg/recorder:Recorder').inputs.recordingGroup.allSupported).toBe(true);
    expect(one(all, 'aws:cfg/deliveryChannel:DeliveryChannel').inputs.s3KmsKeyArn).toMatch(/base-keys-logs/);
  });

  it('sets the account guardrails', () => {
    expect(one(all, 'aws:ebs/encryptionByDefault:EncryptionByDefault').inputs.enabled).toBe(true);
    expect(one(all, 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock').inputs.restrictPublicBuckets).toBe(
      true,
    );
    expect(one(all, 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy').inputs).toMatchObject({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      maxPasswordAge: 90,
    });
    expect(one(all, 'aws:accessanalyzer/analyzer:Analyzer').inputs.type).toBe('ACCOUNT');
  });

  it('alerts through a KMS-encrypted topic', () => {
    expect(one(all, 'aws:sns/topic:Topic').inputs.kmsMasterKeyId).toMatch(/base-keys-alerts/);
    expect(ofType(all, 'aws:cloudwatch/eventRule:EventRule')).toHaveLength(5);
  });

  it('creates a web ACL with the rate rule, managed groups and redacted logging', () => {
    const acl = one(all, 'aws:wafv2/webAcl:WebAcl').inputs;
    expect(acl.defaultAction).toEqual({ allow: {} });
    expect(acl.rules).toHaveLength(6);
    const logging = one(all, 'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration').inputs;
    expect(logging.redactedFields).toEqual([
      { singleHeader: { name: 'authorization' } },
      { singleHeader: { name: 'cookie' } },
    ]);
  });

  it('keeps every bucket private, versioned and TLS-only; SSE-KMS but for the access-log bucket (SSE-S3)', () => {
    const buckets = ofType(all, 'aws:s3/bucket:Bucket');
    expect(buckets.map((b) => b.name).sort()).toEqual([
      'base-access-logs',
      'base-cloudtrail-logs',
      'base-config-delivery',
      'base-guardduty-findings',
    ]);
    expect(ofType(all, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')).toHaveLength(buckets.length);
    for (const pab of ofType(all, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')) {
      expect(Object.values(pab.inputs).filter((v) => v === true)).toHaveLength(4);
    }
    for (const enc of ofType(
      all,
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    )) {
      // S3 delivers server access logs only to a bucket whose default encryption is SSE-S3.
      expect(enc.inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, enc.name).toBe(
        enc.name === 'base-access-logs-encryption' ? 'AES256' : 'aws:kms',
      );
    }
    expect(ofType(all, 'aws:s3/bucketVersioning:BucketVersioning')).toHaveLength(buckets.length);
    for (const p of ofType(all, 'aws:s3/bucketPolicy:BucketPolicy')) {
      expect(parsePolicy(p.inputs.policy).statements.some((s) => s.sid === 'DenyInsecureTransport')).toBe(true);
    }
    for (const b of buckets) expect(b.inputs.forceDestroy).toBe(false);
  });

  it('logs access to every bucket into the access-log bucket, which does not log itself', () => {
    const logging = ofType(all, 'aws:s3/bucketLogging:BucketLogging');
    // The mocks give each resource the id `<name>-id`.
    expect(logging.map((l) => l.inputs.bucket).sort()).toEqual([
      'base-cloudtrail-logs-id',
      'base-config-delivery-id',
      'base-guardduty-findings-id',
    ]);
    for (const l of logging) {
      expect(l.inputs.targetBucket).toBe('base-access-logs');
      expect(l.inputs.targetPrefix).toBe(`${l.inputs.bucket.replace(/-id$/, '')}/`);
    }
    const policy = ofType(all, 'aws:s3/bucketPolicy:BucketPolicy').find((p) => p.name === 'base-access-logs-policy')!;
    const delivery = parsePolicy(policy.inputs.policy).statements.find((s) => s.sid === 'S3ServerAccessLogs')!;
    expect(delivery.principals).toEqual({ Service: ['logging.s3.amazonaws.com'] });
    expect(delivery.actions).toEqual(['s3:PutObject']);
    expect(delivery.resources).toEqual(['arn:aws:s3:::base-access-logs/*']);
    expect(delivery.condition['StringEquals']?.['aws:SourceAccount']).toEqual([ACCOUNT]);
    expect(ofType(all, 'aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration')).toEqual([]);
  });

  it('grants roles customer managed policies, never inline ones', () => {
    expect(ofType(all, 'aws:iam/rolePolicy:RolePolicy')).toEqual([]);
    const policies = ofType(all, 'aws:iam/policy:Policy');
    expect(policies.map((p) => p.name).sort()).toEqual([
      'base-cloudtrail-cloudwatch-policy',
      'base-config-role-delivery',
    ]);
    const attached = ofType(all, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((a) => a.inputs.policyArn);
    for (const p of policies) expect(attached).toContain(`arn:aws:iam:eu-west-1:${ACCOUNT}:${p.name}`);
  });

  it('encrypts every log group with KMS and keeps it a year', () => {
    const groups = ofType(all, 'aws:cloudwatch/logGroup:LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.inputs.kmsKeyId).toMatch(/base-keys-logs/);
      expect(g.inputs.retentionInDays).toBeGreaterThanOrEqual(365);
    }
  });

  it('leaves out Shield, Network Firewall, the Config rules, the report generator and incident response', () => {
    for (const t of types()) {
      expect(t).not.toMatch(/^aws:(shield|networkfirewall|lambda|sfn)\//);
      expect(t).not.toBe('aws:cfg/rule:Rule');
    }
    expect([...types()].filter((t) => t.includes('organization'))).toEqual([]);
  });

  it('tags every taggable resource rampart:component=baseline', () => {
    for (const r of all) {
      if (UNTAGGABLE.has(r.type)) continue;
      expect(r.inputs.tags?.[COMPONENT_TAG], `${r.type} ${r.name}`).toBe('baseline');
    }
  });
});

describe('SecurityBaseline in organization mode with every part', () => {
  let all: Recorded[];
  beforeAll(async () => {
    await deploy(
      () =>
        new SecurityBaseline('org', {
          organization: { delegatedAdminAccountId: '210987654321', organizationId: 'o-abc123def4' },
          shield: {
            protections: [{ name: 'eip', resourceArn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:eip-allocation/eipalloc-1` }],
          },
          networkFirewall: {
            vpcId: 'vpc-0abc',
            subnets: [
              { availabilityZone: 'eu-west-1a', subnetId: 'subnet-0a' },
              { availabilityZone: 'eu-west-1b', subnetId: 'subnet-0b' },
            ],
            allowedDomains: ['.example.com'],
          },
          configRules: { code },
          reportGenerator: { code },
          incidentResponse: { code, isolationVpcIds: ['vpc-0abc1234'], responderPrincipalArns: [RESPONDER] },
        }),
    );
    all = resourcesOf('org');
  });

  it('delegates GuardDuty and Security Hub, auto-enables members, and logs the whole organization', () => {
    one(all, 'aws:guardduty/organizationAdminAccount:OrganizationAdminAccount');
    expect(
      one(all, 'aws:guardduty/organizationConfiguration:OrganizationConfiguration').inputs
        .autoEnableOrganizationMembers,
    ).toBe('ALL');
    one(all, 'aws:securityhub/organizationAdminAccount:OrganizationAdminAccount');
    expect(one(all, 'aws:cloudtrail/trail:Trail').inputs.isOrganizationTrail).toBe(true);
    expect(one(all, 'aws:accessanalyzer/analyzer:Analyzer').inputs.type).toBe('ORGANIZATION');
  });

  it('adds the optional parts, the Shield subscription still off', () => {
    one(all, 'aws:networkfirewall/firewall:Firewall');
    one(all, 'aws:shield/protection:Protection');
    expect(ofType(all, 'aws:shield/subscription:Subscription')).toEqual([]);
    expect(ofType(all, 'aws:lambda/function:Function').filter((f) => !f.name.startsWith('org-ir-'))).toHaveLength(2);
    expect(ofType(all, 'aws:cfg/rule:Rule').length).toBeGreaterThan(40);
    expect(ofType(all, 'aws:kms/key:Key')).toHaveLength(4);
  });

  it('composes incident response with its own key, used only by its roles, and logs access to its evidence', () => {
    expect(ofType(all, 'aws:sfn/stateMachine:StateMachine')).toHaveLength(3);
    const key = ofType(all, 'aws:kms/key:Key').find((k) => k.name === 'org-keys-incident-response')!;
    const users = parsePolicy(key.inputs.policy).statements.find((s) => s.sid === 'NamedPrincipalsUseTheKey')!;
    const roleNames = ofType(
      all.filter((r) => r.name.startsWith('org-ir-')),
      'aws:iam/role:Role',
    )
      .map((r) => r.inputs.name)
      .filter((n): n is string => n !== undefined);
    expect(roleNames).toContain('org-ir-responder');
    expect([...(users.condition['ArnLike']?.['aws:PrincipalArn'] ?? [])].sort()).toEqual(
      roleNames.map((n) => `arn:aws:iam::${ACCOUNT}:role/${n}`).sort(),
    );
    const evidence = one(
      all.filter((r) => r.name.startsWith('org-ir-')),
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    );
    expect(evidence.inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).toMatch(
      /org-keys-incident-response/,
    );
    const logging = ofType(all, 'aws:s3/bucketLogging:BucketLogging').find(
      (l) => l.inputs.bucket === 'org-ir-evidence-id',
    );
    expect(logging?.inputs.targetBucket).toBe('org-access-logs');
  });

  it('names the report generator role in the reports key policy, through S3 only', () => {
    const key = ofType(all, 'aws:kms/key:Key').find((k) => k.name === 'org-keys-reports')!;
    const users = parsePolicy(key.inputs.policy).statements.find((s) => s.sid === 'NamedPrincipalsUseTheKey')!;
    const role = one(
      all.filter((r) => r.name.startsWith('org-reports')),
      'aws:iam/role:Role',
    );
    expect(users.condition['ArnLike']?.['aws:PrincipalArn']).toEqual([
      `arn:aws:iam::${ACCOUNT}:role/${role.inputs.name}`,
    ]);
    expect(users.condition['StringEquals']?.['kms:ViaService']).toEqual(['s3.eu-west-1.amazonaws.com']);
  });

  it('tags each resource with its component', () => {
    for (const r of all) {
      if (UNTAGGABLE.has(r.type)) continue;
      const expected = r.name.startsWith('org-rules')
        ? 'config-rules'
        : r.name.startsWith('org-reports')
          ? 'report-generator'
          : r.name.startsWith('org-ir')
            ? 'incident-response'
            : 'baseline';
      expect(r.inputs.tags?.[COMPONENT_TAG], `${r.type} ${r.name}`).toBe(expected);
    }
  });

  it('fails with a clear message on bad args', () => {
    expect(() => new SecurityBaseline('bad', { incidentResponse: 'on' as never })).toThrow(
      'Invalid SecurityBaseline args for "bad": incidentResponse',
    );
    expect(() => new SecurityBaseline('bad', { guardDuty: 'yes' as never })).toThrow(
      'Invalid SecurityBaseline args for "bad": guardDuty',
    );
    expect(() => new SecurityBaseline('bad', { organization: { delegatedAdminAccountId: 'x' } })).toThrow(
      'organization.delegatedAdminAccountId: must be a 12-digit AWS account id',
    );
  });
});

describe('SecurityBaseline without access logging', () => {
  beforeAll(() => deploy(() => new SecurityBaseline('nolog', { accessLogs: false })));

  it('creates no access-log bucket and logs no bucket', () => {
    const all = resourcesOf('nolog');
    expect(ofType(all, 'aws:s3/bucket:Bucket')).toHaveLength(3);
    expect(ofType(all, 'aws:s3/bucketLogging:BucketLogging')).toEqual([]);
  });
});
