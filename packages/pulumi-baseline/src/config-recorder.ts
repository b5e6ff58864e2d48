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

export const ConfigRecorderArgsSchema = z.strictObject({
  /** Encrypts the delivery bucket and the snapshots AWS Config writes. */
  kmsKeyArn: input(ArnSchema),
  /**
   * Records global resources (IAM). Turn it off in every region but one, or IAM changes are recorded
   * (and charged) once per region.
   */
  includeGlobalResourceTypes: z.boolean().default(true),
  deliveryFrequency: z
    .enum(['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours'])
    .default('TwentyFour_Hours'),
  /** Days the bucket keeps history and snapshots; undefined keeps them. */
  bucketRetentionDays: z.number().int().min(1).optional(),
  /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
  accessLogBucket: AccessLogBucketSchema,
  tags: TagsSchema,
});

export type ConfigRecorderArgs = z.input<typeof ConfigRecorderArgsSchema>;

/** AWS Config recording every supported resource type continuously, delivering to a private SSE-KMS bucket. */
export class ConfigRecorder extends pulumi.ComponentResource {
  readonly recorderName: pulumi.Output<string>;
  readonly bucketName: pulumi.Output<string>;
  /** Resolves once recording is on: Config rules depend on it. */
  readonly status: aws.cfg.RecorderStatus;

  constructor(name: string, args: ConfigRecorderArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:config:ConfigRecorder', name, {}, opts);
    const parsed = parseArgs(ConfigRecorderArgsSchema, args, 'ConfigRecorder', name);
    const tags = componentTags('baseline', parsed.tags);
    const env = environment(this);
    const prefix = 'config';

    const { bucket, policy } = secureBucket(this, `${name}-delivery`, {
      kmsKeyArn: parsed.kmsKeyArn,
      tags,
      expireAfterDays: parsed.bucketRetentionDays,
      accessLogBucket: parsed.accessLogBucket,
      statements: (arn) => [
        env.accountId.apply(
          (account): PolicyStatement => ({
            Sid: 'ConfigChecksBucket',
            Effect: 'Allow',
            Principal: { Service: 'config.amazonaws.com' },
            Action: ['s3:GetBucketAcl', 's3:ListBucket'],
            Resource: arn,
            Condition: { StringEquals: { 'aws:SourceAccount': account } },
          }),
        ),
        env.accountId.apply(
          (account): PolicyStatement => ({
            Sid: 'ConfigDelivers',
            Effect: 'Allow',
            Principal: { Service: 'config.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `${arn}/${prefix}/AWSLogs/${account}/Config/*`,
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': account } },
          }),
        ),
      ],
    });

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        // A fixed name, so the key policy can name the role before it exists.
        name: `${name}-role`.slice(0, 64),
        description: 'Lets AWS Config read resource configurations and deliver them to its bucket',
        assumeRolePolicy: serviceTrustPolicy('config.amazonaws.com', env.accountId),
        tags,
      },
      { parent: this },
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-role-read`,
      {
        role: role.name,
        policyArn: pulumi.interpolate`arn:${env.partition}:iam::aws:policy/service-role/AWS_ConfigRole`,
      },
      { parent: this },
    );
    const deliveryPolicy = managedRolePolicy(this, `${name}-role-delivery`, {
      role: role.name,
      description: 'Lets AWS Config deliver to its bucket, encrypted with its key',
      tags,
      policy: policyDocument(
        pulumi.all([bucket.arn, env.accountId, pulumi.output(parsed.kmsKeyArn)]).apply(([arn, account, key]) => [
          {
            Sid: 'DeliverToBucket',
            Effect: 'Allow' as const,
            Action: 's3:PutObject',
            Resource: `${arn}/${prefix}/AWSLogs/${account}/Config/*`,
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
          },
          { Sid: 'CheckBucket', Effect: 'Allow' as const, Action: 's3:GetBucketAcl', Resource: arn },
          {
            Sid: 'EncryptDeliveries',
            Effect: 'Allow' as const,
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: key,
          },
        ]),
      ),
    });

    const recorder = new aws.cfg.Recorder(
      `${name}-recorder`,
      {
        name,
        roleArn: role.arn,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: parsed.includeGlobalResourceTypes,
        },
        recordingMode: { recordingFrequency: 'CONTINUOUS' },
      },
      { parent: this, dependsOn: [deliveryPolicy] },
    );
    const channel = new aws.cfg.DeliveryChannel(
      `${name}-channel`,
      {
        name,
        s3BucketName: bucket.bucket,
        s3KeyPrefix: prefix,
        s3KmsKeyArn: parsed.kmsKeyArn,
        snapshotDeliveryProperties: { deliveryFrequency: parsed.deliveryFrequency },
      },
      { parent: this, dependsOn: [recorder, policy] },
    );
    this.status = new aws.cfg.RecorderStatus(
      `${name}-status`,
      { name: recorder.name, isEnabled: true },
      { parent: this, dependsOn: [channel] },
    );

    this.recorderName = recorder.name;
    this.bucketName = bucket.bucket;
    this.registerOutputs({ recorderName: this.recorderName, bucketName: this.bucketName });
  }
}
