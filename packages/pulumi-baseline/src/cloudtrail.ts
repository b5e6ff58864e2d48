import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { AccessLogBucketSchema, secureBucket } from './bucket.js';
import {
  ArnSchema,
  componentTags,
  environment,
  input,
  managedRolePolicy,
  type PolicyStatement,
  parseArgs,
  policyDocument,
  serviceTrustPolicy,
  TagsSchema,
} from './common.js';

export const CloudTrailArgsSchema = z
  .strictObject({
    /** Encrypts the trail's log files, its bucket and its CloudWatch Logs group. */
    kmsKeyArn: input(ArnSchema),
    /** The trail's name; defaults to the component name. */
    trailName: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/, 'must be 3-128 letters, digits, ., _ or -')
      .optional(),
    /** Logs every account of the organization (run in the management account or a delegated administrator). */
    isOrganizationTrail: z.boolean().default(false),
    /** Organization id (o-...), for the bucket policy of an organization trail. */
    organizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, 'must be an organization id such as o-abc123def4')
      .optional(),
    /** S3 object-level (data) events: read and write (`all`, default), `write` only, or `none`. */
    s3DataEvents: z.enum(['all', 'write', 'none']).default('all'),
    /** Sends the trail to a CloudWatch Logs group (for metric filters and alarms); `false` turns it off. */
    cloudWatchLogs: z
      .union([z.literal(false), z.strictObject({ retentionInDays: z.number().int().min(1).default(365) })])
      .default({ retentionInDays: 365 }),
    /** Days the bucket keeps log files; undefined keeps them. */
    bucketRetentionDays: z.number().int().min(1).optional(),
    /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
    accessLogBucket: AccessLogBucketSchema,
    tags: TagsSchema,
  })
  .superRefine((args, ctx) => {
    if (args.isOrganizationTrail && args.organizationId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'required for an organization trail' });
    }
  });

export type CloudTrailArgs = z.input<typeof CloudTrailArgsSchema>;

/**
 * A multi-region CloudTrail trail with log file validation, KMS encryption, S3 data events and CloudWatch
 * Logs, writing to a private bucket; optionally an organization trail.
 */
export class CloudTrail extends pulumi.ComponentResource {
  readonly trailArn: pulumi.Output<string>;
  readonly bucketName: pulumi.Output<string>;
  /** Undefined when CloudWatch Logs delivery is off. */
  readonly logGroupName: pulumi.Output<string> | undefined;

  constructor(name: string, args: CloudTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:cloudtrail:CloudTrail', name, {}, opts);
    const parsed = parseArgs(CloudTrailArgsSchema, args, 'CloudTrail', name);
    const tags = componentTags('baseline', parsed.tags);
    const env = environment(this);
    const trailName = parsed.trailName ?? name;
    const trailArn = pulumi.interpolate`arn:${env.partition}:cloudtrail:${env.region}:${env.accountId}:trail/${trailName}`;

    const { bucket, policy } = secureBucket(this, `${name}-logs`, {
      kmsKeyArn: parsed.kmsKeyArn,
      tags,
      expireAfterDays: parsed.bucketRetentionDays,
      accessLogBucket: parsed.accessLogBucket,
      statements: (arn) => [
        trailArn.apply(
          (source): PolicyStatement => ({
            Sid: 'CloudTrailAclCheck',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:GetBucketAcl',
            Resource: arn,
            Condition: { StringEquals: { 'aws:SourceArn': source } },
          }),
        ),
        pulumi.all([trailArn, env.accountId]).apply(
          ([source, account]): PolicyStatement => ({
            Sid: 'CloudTrailWrite',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: [
              `${arn}/AWSLogs/${account}/*`,
              ...(parsed.isOrganizationTrail ? [`${arn}/AWSLogs/${parsed.organizationId}/*`] : []),
            ],
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': source } },
          }),
        ),
      ],
    });

    let cloudWatch:
      | { cloudWatchLogsGroupArn: pulumi.Output<string>; cloudWatchLogsRoleArn: pulumi.Output<string> }
      | undefined;
    let logGroupName: pulumi.Output<string> | undefined;
    if (parsed.cloudWatchLogs !== false) {
      const group = new aws.cloudwatch.LogGroup(
        `${name}-log-group`,
        {
          name: `/rampart/cloudtrail/${trailName}`,
          retentionInDays: parsed.cloudWatchLogs.retentionInDays,
          kmsKeyId: parsed.kmsKeyArn,
          tags,
        },
        { parent: this },
      );
      const role = new aws.iam.Role(
        `${name}-cloudwatch-role`,
        {
          description: 'Lets CloudTrail deliver the trail to its CloudWatch Logs group',
          assumeRolePolicy: serviceTrustPolicy('cloudtrail.amazonaws.com', env.accountId),
          tags,
        },
        { parent: this },
      );
      const rolePolicy = managedRolePolicy(this, `${name}-cloudwatch-policy`, {
        role: role.name,
        description: 'Lets CloudTrail deliver the trail to its CloudWatch Logs group',
        tags,
        policy: policyDocument([
          group.arn.apply(
            (arn): PolicyStatement => ({
              Sid: 'DeliverTrailEvents',
              Effect: 'Allow',
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              Resource: `${arn}:log-stream:*`,
            }),
          ),
        ]),
      });
      cloudWatch = {
        cloudWatchLogsGroupArn: pulumi.interpolate`${group.arn}:*`,
        cloudWatchLogsRoleArn: pulumi.all([role.arn, rolePolicy.id]).apply(([arn]) => arn),
      };
      logGroupName = group.name;
    }

    const dataEvents: aws.types.input.cloudtrail.TrailAdvancedEventSelector[] =
      parsed.s3DataEvents === 'none'
        ? []
        : [
            {
              name: `S3 data events (${parsed.s3DataEvents})`,
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Data'] },
                { field: 'resources.type', equals: ['AWS::S3::Object'] },
                ...(parsed.s3DataEvents === 'write' ? [{ field: 'readOnly', equals: ['false'] }] : []),
              ],
            },
          ];
    const trail = new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        name: trailName,
        s3BucketName: bucket.bucket,
        kmsKeyId: parsed.kmsKeyArn,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        isOrganizationTrail: parsed.isOrganizationTrail,
        enableLogFileValidation: true,
        enableLogging: true,
        advancedEventSelectors: [
          { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
          ...dataEvents,
        ],
        ...cloudWatch,
        tags,
      },
      { parent: this, dependsOn: [policy] },
    );

    this.trailArn = trail.arn;
    this.bucketName = bucket.bucket;
    this.logGroupName = logGroupName;
    this.registerOutputs({ trailArn: this.trailArn, bucketName: this.bucketName, logGroupName: this.logGroupName });
  }
}
