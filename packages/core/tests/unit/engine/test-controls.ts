import * as z from 'zod';
import {
  type ControlDefinition,
  compliant,
  defineControl,
  EbsEncryptionByDefaultFact,
  nonCompliant,
  PasswordPolicyFact,
  param,
} from '../../../src/index.js';
import type { Json } from '../../helpers.js';

/** Valid metadata shared by the engine tests' own controls. */
export const BASE = {
  title: 'Test control for the engine',
  description: 'Checks whether the engine runs controls as designed.',
  area: 'data-protection',
  severity: 'LOW',
  wellArchitected: ['SEC08-BP02'],
  trigger: 'change',
  remediation: {
    text: 'Nothing to do: this control exists for tests only.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/welcome.html',
  },
} as const satisfies Omit<ControlDefinition<unknown>, 'id' | 'resourceTypes' | 'evaluate'>;

/** Buckets must carry a `team` tag. */
export const bucketTeamTag = defineControl({
  ...BASE,
  id: 'test-bucket-team-tag',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: (item) =>
    item.tags['team'] !== undefined
      ? compliant(`Bucket ${item.resourceId} belongs to team ${item.tags['team']}.`)
      : nonCompliant(`Bucket ${item.resourceId} has no team tag.`),
});

/** Names the security group and the VPC it is in. */
export const securityGroupVpc = defineControl({
  ...BASE,
  id: 'test-security-group-vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  evaluate: (item) => compliant(`Security group ${item.resourceId} is in ${item.config<{ vpcId: string }>().vpcId}.`),
});

/** Evaluates two types: buckets and IAM roles (global). */
export const anyTagged = defineControl({
  ...BASE,
  id: 'test-any-tagged',
  resourceTypes: ['AWS::S3::Bucket', 'AWS::IAM::Role'],
  evaluate: (item) =>
    Object.keys(item.tags).length > 0 ? compliant(`${item} has tags.`) : nonCompliant(`${item} has no tags.`),
});

export const throwsError = defineControl({
  ...BASE,
  id: 'test-throws-error',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: (item) => {
    throw new TypeError(`cannot read rules of ${item.resourceId}`);
  },
});

export const throwsString = defineControl({
  ...BASE,
  id: 'test-throws-string',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: () => {
    throw 'plain text';
  },
});

/** Reads the whole configuration, so a broken JSON string throws ConfigurationDecodeError. */
export const readsConfiguration = defineControl({
  ...BASE,
  id: 'test-reads-configuration',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: (item) => compliant(`Bucket ${String(item.configuration['name'])} is named.`),
});

/** Account-level, per region: EBS encryption by default. */
export const regionalAccount = defineControl({
  ...BASE,
  id: 'test-regional-account',
  resourceTypes: ['AWS::::Account'],
  trigger: 'periodic',
  needs: [EbsEncryptionByDefaultFact.type],
  evaluate: (item, ctx) =>
    ctx.require(EbsEncryptionByDefaultFact).enabled
      ? compliant(`EBS encryption by default is on in account ${item.accountId} in ${ctx.region}.`)
      : nonCompliant(`EBS encryption by default is off in account ${item.accountId} in ${ctx.region}.`),
});

/** Account-level, once per account: the password policy. */
export const globalAccount = defineControl({
  ...BASE,
  id: 'test-global-account',
  resourceTypes: ['AWS::::Account'],
  scope: 'global',
  trigger: 'periodic',
  needs: [PasswordPolicyFact.type],
  evaluate: (item, ctx) =>
    ctx.require(PasswordPolicyFact).policy !== null
      ? compliant(`Account ${item.accountId} has a password policy.`)
      : nonCompliant(`Account ${item.accountId} has no password policy.`),
});

/** Periodic: a bucket compared with the security groups of its region. */
export const needsSecurityGroups = defineControl({
  ...BASE,
  id: 'test-needs-security-groups',
  resourceTypes: ['AWS::S3::Bucket'],
  trigger: 'periodic',
  needs: ['AWS::EC2::SecurityGroup'],
  evaluate: (item, ctx) =>
    compliant(`Bucket ${item.resourceId} sees ${ctx.items('AWS::EC2::SecurityGroup').length} security group(s).`),
});

export const withParameters = defineControl({
  ...BASE,
  id: 'test-with-parameters',
  resourceTypes: ['AWS::S3::Bucket'],
  parameters: z.strictObject({
    maxAgeDays: param.int(90, { min: 1, max: 365 }),
    requireVersioning: param.bool(true),
    allowedTeams: param.csv(['payments']),
  }),
  evaluate: (_item, ctx) => compliant(JSON.stringify(ctx.params)),
});

/** Reports on other resources than the one evaluated. */
export const reportsOthers = defineControl({
  ...BASE,
  id: 'test-reports-others',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: (item) => [
    nonCompliant(`Bucket ${item.resourceId} second.`),
    {
      ...nonCompliant(`Bucket ${item.resourceId} names key-b.`),
      resource: { type: 'AWS::KMS::Key', id: 'key-b', arn: 'arn:aws:kms:eu-west-1:123456789012:key/key-b' },
    },
    { ...compliant(`Bucket ${item.resourceId} names key-a.`), resource: { type: 'AWS::KMS::Key', id: 'key-a' } },
  ],
});

/** Says what "now" is. */
export const tellsNow = defineControl({
  ...BASE,
  id: 'test-tells-now',
  resourceTypes: ['AWS::S3::Bucket'],
  evaluate: (_item, ctx) => compliant(`Now is ${ctx.now.toISOString()}.`),
});

/** A minimal event-shape CI. */
export function ci(resourceType: string, resourceId: string, accountId: string, region: string, over: Json = {}): Json {
  return {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: '2026-11-20T10:15:31.021Z',
    configurationItemStatus: 'OK',
    awsAccountId: accountId,
    awsRegion: region,
    resourceType,
    resourceId,
    resourceName: resourceId,
    ARN: `arn:aws:test:${region}:${accountId}:${resourceId}`,
    tags: {},
    relationships: [],
    configuration: {},
    supplementaryConfiguration: {},
    ...over,
  };
}
