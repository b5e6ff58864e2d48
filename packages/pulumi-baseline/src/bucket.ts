import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { denyInsecureTransport, type Environment, input, type PolicyStatement, policyDocument } from './common.js';

/**
 * The bucket that receives a component's S3 server access logs: the name of a bucket in the same account and
 * region, encrypted by default with SSE-S3 and without Object Lock (S3 delivers to no other kind).
 */
export const AccessLogBucketSchema = input(z.string().min(3).max(63)).optional();

/** Turns on S3 server access logging of `bucket` into `targetBucket`, under the prefix `<name>/`. */
export function serverAccessLogging(
  parent: pulumi.Resource,
  name: string,
  bucket: aws.s3.Bucket,
  targetBucket: pulumi.Input<string>,
): aws.s3.BucketLogging {
  return new aws.s3.BucketLogging(
    `${name}-access-logging`,
    { bucket: bucket.id, targetBucket, targetPrefix: `${name}/` },
    { parent },
  );
}

export interface SecureBucketOptions {
  kmsKeyArn: pulumi.Input<string>;
  tags: Record<string, string>;
  /** Statements that let AWS services write to the bucket, given its ARN. */
  statements?: (bucketArn: string) => pulumi.Input<PolicyStatement>[];
  /** Days after which objects expire; undefined keeps them. */
  expireAfterDays?: number | undefined;
  /** Where S3 server access logs of this bucket go (see {@link AccessLogBucketSchema}); undefined: not logged. */
  accessLogBucket?: pulumi.Input<string> | undefined;
}

export interface SecureBucket {
  bucket: aws.s3.Bucket;
  /** The bucket policy; writers that check it on creation (CloudTrail, GuardDuty) depend on it. */
  policy: aws.s3.BucketPolicy;
}

/**
 * A private log bucket: every public access block setting on, bucket-owner-enforced ownership (no ACLs),
 * SSE-KMS with a bucket key, versioning, and a policy that denies requests without TLS.
 */
export function secureBucket(parent: pulumi.Resource, name: string, options: SecureBucketOptions): SecureBucket {
  const opts = { parent };
  const bucket = new aws.s3.Bucket(name, { forceDestroy: false, tags: options.tags }, opts);
  const publicAccess = privateBucketSettings(parent, name, bucket, {
    encryption: {
      applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: options.kmsKeyArn },
      bucketKeyEnabled: true,
    },
    expireAfterDays: options.expireAfterDays,
  });
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: bucket.arn.apply((arn) =>
        policyDocument([denyInsecureTransport(arn), ...(options.statements?.(arn) ?? [])]),
      ),
    },
    { parent, dependsOn: [publicAccess] },
  );
  if (options.accessLogBucket !== undefined) serverAccessLogging(parent, name, bucket, options.accessLogBucket);
  return { bucket, policy };
}

export interface AccessLogBucketOptions {
  tags: Record<string, string>;
  env: Environment;
  /** Days after which access logs expire; undefined keeps them. */
  expireAfterDays?: number | undefined;
}

/**
 * The two Rampart controls the access-log bucket cannot satisfy, suppressed with their reasons
 * (the policy pack's `rampart:suppress:<control-id>` tags; values use only the characters AWS tags allow).
 */
export const ACCESS_LOG_BUCKET_SUPPRESSIONS: Readonly<Record<string, string>> = {
  'rampart:suppress:s3-bucket-logging-enabled':
    'Log target: logging a bucket into itself loops. CloudTrail S3 data events record requests to it',
  'rampart:suppress:s3-default-encryption-kms':
    'S3 server access log targets support SSE-S3 only - SSE-KMS is not supported on the target',
};

/**
 * The bucket that receives the S3 server access logs of the other buckets: private, no ACLs, versioned,
 * TLS only, written by `logging.s3.amazonaws.com` for this account only. Encrypted with SSE-S3, not SSE-KMS:
 * S3 does not deliver server access logs to a bucket whose default encryption is SSE-KMS, nor to one with
 * Object Lock. It does not log its own access: logging a bucket into itself loops, and AWS recommends
 * against it; CloudTrail S3 data events record the object-level requests made to it.
 *
 * Returns the bucket and its name, resolved once the bucket policy is in place.
 */
export function accessLogBucket(
  parent: pulumi.Resource,
  name: string,
  options: AccessLogBucketOptions,
): { bucket: aws.s3.Bucket; bucketName: pulumi.Output<string> } {
  const opts = { parent };
  const bucket = new aws.s3.Bucket(
    name,
    { forceDestroy: false, tags: { ...options.tags, ...ACCESS_LOG_BUCKET_SUPPRESSIONS } },
    opts,
  );
  // SSE-S3: S3 does not deliver server access logs to a bucket encrypted by default with SSE-KMS.
  const publicAccess = privateBucketSettings(parent, name, bucket, {
    encryption: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
    expireAfterDays: options.expireAfterDays,
  });
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: policyDocument(
        pulumi.all([bucket.arn, options.env.accountId]).apply(([arn, account]) => [
          denyInsecureTransport(arn),
          {
            Sid: 'S3ServerAccessLogs',
            Effect: 'Allow' as const,
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `${arn}/*`,
            Condition: { StringEquals: { 'aws:SourceAccount': account } },
          },
        ]),
      ),
    },
    { parent, dependsOn: [publicAccess] },
  );
  return { bucket, bucketName: pulumi.all([bucket.bucket, policy.id]).apply(([b]) => b) };
}

/**
 * What every bucket the baseline creates has: all four public access block settings, bucket-owner-enforced
 * ownership (no ACLs), default encryption, versioning and, when asked, expiry. Returns the public access
 * block, which the bucket policy must wait for.
 */
function privateBucketSettings(
  parent: pulumi.Resource,
  name: string,
  bucket: aws.s3.Bucket,
  options: {
    encryption: aws.types.input.s3.BucketServerSideEncryptionConfigurationRule;
    expireAfterDays?: number | undefined;
  },
): aws.s3.BucketPublicAccessBlock {
  const opts = { parent };
  const publicAccess = new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    opts,
  );
  new aws.s3.BucketOwnershipControls(
    `${name}-ownership`,
    { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } },
    opts,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.id, rules: [options.encryption] },
    opts,
  );
  new aws.s3.BucketVersioning(
    `${name}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
    opts,
  );
  if (options.expireAfterDays !== undefined) {
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      {
        bucket: bucket.id,
        rules: [
          {
            id: 'expire',
            status: 'Enabled',
            filter: {},
            expiration: { days: options.expireAfterDays },
            noncurrentVersionExpiration: { noncurrentDays: options.expireAfterDays },
          },
        ],
      },
      opts,
    );
  }
  return publicAccess;
}
