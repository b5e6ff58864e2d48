import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { AccessLogBucketSchema, secureBucket } from './bucket.js';
import {
  AccountIdSchema,
  ArnSchema,
  componentTags,
  environment,
  input,
  type PolicyStatement,
  ProviderSchema,
  parseArgs,
  TagsSchema,
} from './common.js';

/** Every GuardDuty protection plan the baseline turns on, as `DetectorFeature` names. */
export const GUARDDUTY_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
] as const;

/** Agent management for Runtime Monitoring: GuardDuty installs and updates the security agent. */
export const RUNTIME_MONITORING_AGENTS = [
  'EKS_ADDON_MANAGEMENT',
  'ECS_FARGATE_AGENT_MANAGEMENT',
  'EC2_AGENT_MANAGEMENT',
] as const;

const FeatureSchema = z.enum([...GUARDDUTY_FEATURES, 'EKS_RUNTIME_MONITORING']);

export const GuardDutyOrganizationSchema = z.strictObject({
  /** The account that administers GuardDuty for the organization (usually the security account). */
  delegatedAdminAccountId: AccountIdSchema,
  /**
   * A provider for the organization's management account, which alone can register the delegated
   * administrator. Without it, this stack must run in the management account.
   */
  managementProvider: ProviderSchema.optional(),
  /** Which member accounts GuardDuty enables itself in. */
  autoEnableOrganizationMembers: z.enum(['ALL', 'NEW', 'NONE']).default('ALL'),
});

export const GuardDutyArgsSchema = z
  .strictObject({
    /** Protection plans to enable; all of GUARDDUTY_FEATURES unless narrowed explicitly. */
    features: z.array(FeatureSchema).default([...GUARDDUTY_FEATURES]),
    findingPublishingFrequency: z.enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']).default('FIFTEEN_MINUTES'),
    /** Exports findings to a private S3 bucket encrypted with this key; `false` turns the export off. */
    export: z
      .union([
        z.literal(false),
        z.strictObject({ kmsKeyArn: input(ArnSchema), retentionInDays: z.number().int().min(1).default(365) }),
      ])
      .optional(),
    organization: GuardDutyOrganizationSchema.optional(),
    /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
    accessLogBucket: AccessLogBucketSchema,
    tags: TagsSchema,
  })
  .superRefine((args, ctx) => {
    if (args.features.includes('RUNTIME_MONITORING') && args.features.includes('EKS_RUNTIME_MONITORING')) {
      ctx.addIssue({
        code: 'custom',
        path: ['features'],
        message:
          'RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot both be set (GuardDuty rejects it); RUNTIME_MONITORING covers EKS',
      });
    }
    if (new Set(args.features).size !== args.features.length) {
      ctx.addIssue({ code: 'custom', path: ['features'], message: 'lists a feature twice' });
    }
    if (args.export === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['export'],
        message: 'give export.kmsKeyArn to export findings to an encrypted bucket, or export: false',
      });
    }
  });

export type GuardDutyArgs = z.input<typeof GuardDutyArgsSchema>;

/**
 * Amazon GuardDuty: a detector with every protection plan as DetectorFeature resources, 15-minute finding
 * publishing, export to a KMS-encrypted bucket and, for an organization, the delegated administrator and
 * auto-enable for all members.
 */
export class GuardDuty extends pulumi.ComponentResource {
  readonly detectorId: pulumi.Output<string>;

  constructor(name: string, args: GuardDutyArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:guardduty:GuardDuty', name, {}, opts);
    const parsed = parseArgs(GuardDutyArgsSchema, args, 'GuardDuty', name);
    const tags = componentTags('baseline', parsed.tags);
    const env = environment(this);

    const detector = new aws.guardduty.Detector(
      `${name}-detector`,
      { enable: true, findingPublishingFrequency: parsed.findingPublishingFrequency, tags },
      { parent: this },
    );
    for (const feature of parsed.features) {
      new aws.guardduty.DetectorFeature(
        `${name}-${feature.toLowerCase().replaceAll('_', '-')}`,
        {
          detectorId: detector.id,
          name: feature,
          status: 'ENABLED',
          additionalConfigurations:
            feature === 'RUNTIME_MONITORING' || feature === 'EKS_RUNTIME_MONITORING'
              ? (feature === 'RUNTIME_MONITORING' ? RUNTIME_MONITORING_AGENTS : ['EKS_ADDON_MANAGEMENT']).map((n) => ({
                  name: n,
                  status: 'ENABLED',
                }))
              : undefined,
        },
        { parent: this },
      );
    }

    if (parsed.export !== false && parsed.export !== undefined) {
      const kmsKeyArn = parsed.export.kmsKeyArn;
      const detectorArn = pulumi.interpolate`arn:${env.partition}:guardduty:${env.region}:${env.accountId}:detector/${detector.id}`;
      const { bucket, policy } = secureBucket(this, `${name}-findings`, {
        kmsKeyArn,
        tags,
        expireAfterDays: parsed.export.retentionInDays,
        accessLogBucket: parsed.accessLogBucket,
        statements: (arn) => [
          pulumi.all([env.accountId, detectorArn]).apply(
            ([account, source]): PolicyStatement => ({
              Sid: 'GuardDutyWritesFindings',
              Effect: 'Allow',
              Principal: { Service: 'guardduty.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: `${arn}/*`,
              Condition: { StringEquals: { 'aws:SourceAccount': account, 'aws:SourceArn': source } },
            }),
          ),
          pulumi.all([env.accountId, detectorArn]).apply(
            ([account, source]): PolicyStatement => ({
              Sid: 'GuardDutyChecksBucket',
              Effect: 'Allow',
              Principal: { Service: 'guardduty.amazonaws.com' },
              Action: 's3:GetBucketLocation',
              Resource: arn,
              Condition: { StringEquals: { 'aws:SourceAccount': account, 'aws:SourceArn': source } },
            }),
          ),
        ],
      });
      new aws.guardduty.PublishingDestination(
        `${name}-export`,
        { detectorId: detector.id, destinationType: 'S3', destinationArn: bucket.arn, kmsKeyArn, tags },
        { parent: this, dependsOn: [policy] },
      );
    }

    if (parsed.organization !== undefined) {
      const org = parsed.organization;
      const admin = new aws.guardduty.OrganizationAdminAccount(
        `${name}-delegated-admin`,
        { adminAccountId: org.delegatedAdminAccountId },
        {
          parent: this,
          dependsOn: [detector],
          ...(org.managementProvider ? { provider: org.managementProvider } : {}),
        },
      );
      new aws.guardduty.OrganizationConfiguration(
        `${name}-organization`,
        { detectorId: detector.id, autoEnableOrganizationMembers: org.autoEnableOrganizationMembers },
        { parent: this, dependsOn: [admin] },
      );
      for (const feature of parsed.features) {
        new aws.guardduty.OrganizationConfigurationFeature(
          `${name}-organization-${feature.toLowerCase().replaceAll('_', '-')}`,
          {
            detectorId: detector.id,
            name: feature,
            autoEnable: org.autoEnableOrganizationMembers,
            additionalConfigurations:
              feature === 'RUNTIME_MONITORING'
                ? RUNTIME_MONITORING_AGENTS.map((n) => ({ name: n, autoEnable: org.autoEnableOrganizationMembers }))
                : undefined,
          },
          { parent: this, dependsOn: [admin] },
        );
      }
    }

    this.detectorId = detector.id;
    this.registerOutputs({ detectorId: this.detectorId });
  }
}
