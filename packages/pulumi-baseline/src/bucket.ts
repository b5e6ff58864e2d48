import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { denyInsecureTransport, type PolicyStatement, policyDocument } from './common.js';

export interface SecureBucketOptions {
  kmsKeyArn: pulumi.Input<string>;
  tags: Record<string, string>;
  /** Statements that let AWS services write to the bucket, given its ARN. */
  statements?: (bucketArn: string) => pulumi.Input<PolicyStatement>[];
  /** Days after which objects expire; undefined keeps them. */
  expireAfterDays?: number | undefined;
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
  return { bucket, policy };
}
