import type { StackValidationArgs } from '@pulumi/policy';
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adaptedTokens,
  buildPolicies,
  evaluateStack,
  INSUFFICIENT_DATA_POLICY,
  type PolicyResourceLike,
  PREVIEW_CONTROL_IDS,
  previewControls,
  SUPPRESSIONS_POLICY,
} from '../../src/index.js';
import { ACCOUNT, REGION, urn } from '../helpers.js';

/** Every resource the mocked program registers, with its outputs as a stack policy sees them. */
const registered: PolicyResourceLike[] = [];

function fakeArn(type: string, name: string): string {
  if (type === 'aws:s3/bucket:Bucket') return `arn:aws:s3:::${name}`;
  const service = type.split(':')[1]?.split('/')[0] ?? 'unknown';
  return `arn:aws:${service}:${REGION}:${ACCOUNT}:${name}`;
}

await pulumi.runtime.setMocks(
  {
    newResource(args) {
      const id = args.type === 'aws:s3/bucket:Bucket' ? (args.inputs.bucket ?? args.name) : `${args.name}-id`;
      const state: Record<string, unknown> = {
        ...args.inputs,
        arn: args.inputs.arn ?? fakeArn(args.type, args.name),
        name: args.inputs.name ?? args.name,
      };
      if (args.type === 'aws:s3/bucket:Bucket') state['bucket'] = id;
      if (args.type === 'aws:kms/key:Key') state['keyId'] = `${args.name}-key-id`;
      registered.push({ type: args.type, name: args.name, urn: urn(args.type, args.name), props: { ...state, id } });
      return { id, state };
    },
    call(args) {
      switch (args.token) {
        case 'aws:index/getCallerIdentity:getCallerIdentity':
          return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: 'AIDATEST', id: ACCOUNT };
        case 'aws:index/getRegion:getRegion':
          return { name: REGION, region: REGION, id: REGION, description: 'Europe (Ireland)', endpoint: '' };
        case 'aws:index/getPartition:getPartition':
          return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws', reverseDnsPrefix: 'com.amazonaws' };
        default:
          throw new Error(`unmocked call ${args.token}`);
      }
    },
  },
  'rampart',
  'test',
  false,
);
const { SecurityBaseline } = await import('@rampart/pulumi-baseline');

async function settle(): Promise<void> {
  let last = -1;
  let quiet = 0;
  while (quiet < 4) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (registered.length === last) quiet += 1;
    else {
      quiet = 0;
      last = registered.length;
    }
  }
}

/**
 * Types the adapters read that `new SecurityBaseline('x', {})` legitimately does not create: the
 * baseline deploys detection and logging services, not workloads.
 */
const NOT_IN_BASELINE: Readonly<Record<string, string>> = {
  'aws:s3/bucketV2:BucketV2': 'deprecated token; the baseline uses aws.s3.Bucket',
  'aws:s3/bucketVersioningV2:BucketVersioningV2': 'deprecated token; the baseline uses BucketVersioning',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2':
    'deprecated token; the baseline uses BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketLoggingV2:BucketLoggingV2': 'deprecated token; the baseline uses BucketLogging',
  'aws:s3/bucketAcl:BucketAcl': 'the baseline disables ACLs (BucketOwnerEnforced)',
  'aws:s3/bucketAclV2:BucketAclV2': 'deprecated token; ACLs disabled',
  'aws:ec2/securityGroup:SecurityGroup': 'security groups come with workloads (and the optional network firewall)',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': 'the baseline does not manage VPCs',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': 'no security groups in the default stack',
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': 'no security groups in the default stack',
  'aws:ec2/securityGroupRule:SecurityGroupRule': 'no security groups in the default stack',
  'aws:ebs/volume:Volume': 'the baseline creates no instances or volumes',
  'aws:ec2/volumeAttachment:VolumeAttachment': 'no volumes',
  'aws:rds/instance:Instance': 'the baseline creates no databases',
  'aws:iam/rolePolicy:RolePolicy': 'the baseline grants roles customer managed policies, never inline ones',
  'aws:kms/keyPolicy:KeyPolicy': 'the baseline sets key policies inline',
  'aws:lambda/function:Function': 'functions come with configRules / reportGenerator, off by default',
  'aws:lambda/permission:Permission': 'no functions in the default stack',
};

/** The bucket `new SecurityBaseline('x', {})` sends the other buckets' S3 server access logs to. */
const ACCESS_LOG_BUCKET = urn('aws:s3/bucket:Bucket', 'x-access-logs');

/**
 * What the default stack cannot satisfy: the control, the one resource, and why. The baseline suppresses
 * exactly these with `rampart:suppress:<control-id>` tags on the resource, so no policy reports them and
 * the advisory suppressions policy lists them; the test expects exactly these, so a new violation fails
 * it and a new suppression must be added here. Both follow from what S3 requires of a log target.
 */
const BASELINE_FINDINGS: readonly { policy: string; urn: string; reason: string }[] = [
  {
    policy: 's3-bucket-logging-enabled',
    urn: ACCESS_LOG_BUCKET,
    reason:
      'The access-log bucket does not log its own access: logging a bucket into itself loops and AWS recommends against it, and a second log bucket would only move the exception. CloudTrail S3 data events (on by default) record object-level requests to it.',
  },
  {
    policy: 's3-default-encryption-kms',
    urn: ACCESS_LOG_BUCKET,
    reason:
      'S3 delivers server access logs only to a bucket whose default encryption is SSE-S3; SSE-KMS is not supported on the target (Amazon S3 User Guide, "Enabling Amazon S3 server access logging"). It is encrypted at rest (AES256).',
  },
];

describe('the baseline default stack under every policy, mandatory', () => {
  beforeAll(async () => {
    new SecurityBaseline('x', {});
    await settle();
  }, 60_000);

  it('registers every adapted resource type, except the ones it legitimately does not create', () => {
    const seen = new Set(registered.map((r) => r.type));
    const missing = adaptedTokens().filter((t) => !seen.has(t));
    expect(missing.sort()).toEqual(Object.keys(NOT_IN_BASELINE).sort());
    for (const t of Object.keys(NOT_IN_BASELINE)) expect(adaptedTokens()).toContain(t);
  });

  it('passes every preview policy run as mandatory; its two suppressions are listed, with reasons', async () => {
    const policies = buildPolicies({ enforcement: { default: 'mandatory' } });
    const resources = registered.filter((r) => !r.type.startsWith('pulumi:') && !r.type.startsWith('rampart:'));
    const violations: { policy: string; message: string; urn: string | undefined }[] = [];
    const notApplicable = vi.fn();
    for (const p of policies) {
      const advisory = p.name === INSUFFICIENT_DATA_POLICY || p.name === SUPPRESSIONS_POLICY;
      expect(p.enforcementLevel).toBe(advisory ? 'advisory' : 'mandatory');
      const args = {
        resources,
        getConfig: () => ({}),
        stackTags: new Map(),
        notApplicable,
      } as unknown as StackValidationArgs;
      await p.validateStack(args, (message: string, u?: string) =>
        violations.push({ policy: p.name, message, urn: u }),
      );
    }
    expect(policies.map((p) => p.name)).toEqual([
      ...[...PREVIEW_CONTROL_IDS].sort(),
      SUPPRESSIONS_POLICY,
      INSUFFICIENT_DATA_POLICY,
    ]);
    // Every value is known under mocks, so nothing is left undecided.
    expect(violations.filter((v) => v.policy === INSUFFICIENT_DATA_POLICY)).toEqual([]);
    // No control policy reports anything: the default stack passes as mandatory.
    expect(violations.filter((v) => v.policy !== SUPPRESSIONS_POLICY)).toEqual([]);
    const suppressed = violations.filter((v) => v.policy === SUPPRESSIONS_POLICY);
    expect(suppressed.map((v) => `${v.message.split(' ')[0]} ${v.urn}`).sort()).toEqual(
      BASELINE_FINDINGS.map((f) => `${f.policy} ${f.urn}`).sort(),
    );
    for (const v of suppressed) expect(v.message).toMatch(/suppressed: .+ Reason: .+/);
  });

  it('decides each control on the baseline resources it covers, so the pass is not vacuous', () => {
    const evaluations = evaluateStack(registered, previewControls());
    const compliant = new Set(evaluations.filter((e) => e.compliance === 'COMPLIANT').map((e) => e.controlId));
    // Controls on resource types the default stack does not create (see NOT_IN_BASELINE).
    const absent = [
      'encrypted-volumes',
      'lambda-function-public-access-prohibited',
      'lambda-inside-vpc',
      'rds-instance-public-access-check',
      'rds-storage-encrypted',
      'restricted-common-ports',
      'restricted-ssh',
      'vpc-default-security-group-closed',
      'vpc-sg-open-only-to-authorized-ports',
    ];
    expect([...compliant].sort()).toEqual(PREVIEW_CONTROL_IDS.filter((id) => !absent.includes(id)).sort());
    expect(evaluations.filter((e) => e.compliance === 'INSUFFICIENT_DATA' || e.compliance === 'ERROR')).toEqual([]);
  });
});
