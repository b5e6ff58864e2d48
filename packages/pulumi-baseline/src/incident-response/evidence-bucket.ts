import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { serverAccessLogging } from '../bucket.js';
import { denyInsecureTransport, policyDocument } from '../common.js';

export interface EvidenceBucketOptions {
  kmsKeyArn: pulumi.Input<string>;
  retentionDays: number;
  retentionMode: 'GOVERNANCE' | 'COMPLIANCE';
  tags: Record<string, string>;
  /** Where S3 server access logs of the evidence bucket go; undefined: not logged. */
  accessLogBucket?: pulumi.Input<string> | undefined;
}

/**
 * The evidence bucket: Object Lock (default retention on every object), versioning, SSE-KMS with a bucket
 * key, every public access block setting, no ACLs, TLS only.
 */
export function evidenceBucket(parent: pulumi.Resource, name: string, options: EvidenceBucketOptions): aws.s3.Bucket {
  const opts = { parent };
  // Object Lock can only be turned on when the bucket is created.
  const bucket = new aws.s3.Bucket(name, { objectLockEnabled: true, forceDestroy: false, tags: options.tags }, opts);
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
    {
      bucket: bucket.id,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: options.kmsKeyArn },
          bucketKeyEnabled: true,
        },
      ],
    },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(
    `${name}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
    opts,
  );
  new aws.s3.BucketObjectLockConfiguration(
    `${name}-object-lock`,
    {
      bucket: bucket.id,
      rule: { defaultRetention: { mode: options.retentionMode, days: options.retentionDays } },
    },
    { parent, dependsOn: [versioning] },
  );
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    { bucket: bucket.id, policy: bucket.arn.apply((arn) => policyDocument([denyInsecureTransport(arn)])) },
    { parent, dependsOn: [publicAccess] },
  );
  if (options.accessLogBucket !== undefined) serverAccessLogging(parent, name, bucket, options.accessLogBucket);
  return bucket;
}
