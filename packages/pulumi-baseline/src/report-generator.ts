import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { AccessLogBucketSchema, secureBucket } from './bucket.js';
import { ArnSchema, componentTags, environment, input, parseArgs, TagsSchema } from './common.js';
import { archive, CodeSchema, PermissionsSchema, rampartFunction } from './lambda.js';
import { REPORT_GENERATOR_LAMBDA_PERMISSIONS } from './permissions.js';

/** Where the function writes reports in its bucket; REPORT_GENERATOR_LAMBDA_PERMISSIONS grants `{bucket}/reports/*`. */
export const REPORT_PREFIX = 'reports/';

export const ReportGeneratorArgsSchema = z.strictObject({
  /** The apps/report-generator bundle: a pulumi.asset.Archive, or the path of its build output. */
  code: CodeSchema,
  handler: z.string().default('index.handler'),
  /** EventBridge schedule expression. */
  schedule: z
    .string()
    .regex(/^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(.+\))$/, 'must be rate(...) or cron(...)')
    .default('rate(1 day)'),
  /** Encrypts the report bucket and the function's log group. */
  kmsKeyArn: input(ArnSchema),
  /** The function role's permissions; REPORT_GENERATOR_LAMBDA_PERMISSIONS (apps/report-generator's actions) unless given. */
  permissions: PermissionsSchema.default([...REPORT_GENERATOR_LAMBDA_PERMISSIONS]),
  reportRetentionDays: z.number().int().min(1).default(365),
  memorySize: z.number().int().min(128).max(10240).default(1024),
  timeout: z.number().int().min(1).max(900).default(900),
  logRetentionInDays: z.number().int().min(1).default(365),
  /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
  accessLogBucket: AccessLogBucketSchema,
  tags: TagsSchema,
});

export type ReportGeneratorArgs = z.input<typeof ReportGeneratorArgsSchema>;

/** The scheduled report generator: Config rule results to Security Hub findings and reports in a private bucket. */
export class ReportGenerator extends pulumi.ComponentResource {
  readonly functionArn: pulumi.Output<string>;
  readonly bucketName: pulumi.Output<string>;

  constructor(name: string, args: ReportGeneratorArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:findings:ReportGenerator', name, {}, opts);
    const parsed = parseArgs(ReportGeneratorArgsSchema, args, 'ReportGenerator', name);
    const tags = componentTags('report-generator', parsed.tags);
    const env = environment(this);
    const { bucket } = secureBucket(this, `${name}-reports`, {
      kmsKeyArn: parsed.kmsKeyArn,
      tags,
      expireAfterDays: parsed.reportRetentionDays,
      accessLogBucket: parsed.accessLogBucket,
    });
    const fn = rampartFunction(this, {
      name: `${name}-generator`,
      description: 'Rampart: turns Config rule results into Security Hub findings and reports',
      code: archive(parsed.code),
      handler: parsed.handler,
      memorySize: parsed.memorySize,
      timeout: parsed.timeout,
      // The function requires the key and writes under the prefix its role grants ({bucket}/reports/*).
      environment: {
        RAMPART_REPORT_BUCKET: bucket.bucket,
        RAMPART_REPORT_KMS_KEY_ID: parsed.kmsKeyArn,
        RAMPART_REPORT_PREFIX: REPORT_PREFIX,
      },
      permissions: parsed.permissions,
      resourceValues: { bucket: bucket.arn, kmsKey: parsed.kmsKeyArn },
      kmsKeyArn: parsed.kmsKeyArn,
      logRetentionInDays: parsed.logRetentionInDays,
      tags,
      env,
    });
    const rule = new aws.cloudwatch.EventRule(
      `${name}-schedule`,
      { description: 'Rampart report generator schedule', scheduleExpression: parsed.schedule, tags },
      { parent: this },
    );
    const permission = new aws.lambda.Permission(
      `${name}-invoke`,
      { action: 'lambda:InvokeFunction', function: fn.name, principal: 'events.amazonaws.com', sourceArn: rule.arn },
      { parent: this },
    );
    new aws.cloudwatch.EventTarget(
      `${name}-target`,
      { rule: rule.name, arn: fn.arn },
      { parent: this, dependsOn: [permission] },
    );
    this.functionArn = fn.arn;
    this.bucketName = bucket.bucket;
    this.registerOutputs({ functionArn: this.functionArn, bucketName: this.bucketName });
  }
}
