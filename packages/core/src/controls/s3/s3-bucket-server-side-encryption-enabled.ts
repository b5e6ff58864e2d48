import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { defaultEncryptionAlgorithms } from './bucket-configuration.js';
import { bucketPolicy, deniesUnencryptedPuts } from './bucket-policy.js';

export const s3BucketServerSideEncryptionEnabled = defineControl({
  id: 's3-bucket-server-side-encryption-enabled',
  title: 'S3 buckets have default encryption or a policy that denies unencrypted uploads',
  description:
    'Checks whether an S3 bucket has default server-side encryption (SSE-S3, SSE-KMS or DSSE-KMS) or a bucket policy that explicitly denies s3:PutObject requests without server-side encryption.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'New objects are encrypted at rest by default or unencrypted uploads are denied.',
  },
  references: { awsConfigRules: ['s3-bucket-server-side-encryption-enabled'] },
  trigger: 'change',
  remediation: {
    text: 'Configure default encryption on the bucket, preferably SSE-KMS with a customer managed key and S3 Bucket Keys.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
  },
  evaluate(item) {
    const algorithms = defaultEncryptionAlgorithms(item);
    if (algorithms.length > 0) {
      return compliant(`Bucket ${item.resourceId} has default encryption ${algorithms.join(', ')}.`);
    }
    const policy = bucketPolicy(item);
    if (policy !== undefined && deniesUnencryptedPuts(policy)) {
      return compliant(
        `Bucket ${item.resourceId} has no default encryption, but its policy denies unencrypted uploads.`,
      );
    }
    return nonCompliant(
      `Bucket ${item.resourceId} has no default encryption and its policy does not deny unencrypted uploads.`,
    );
  },
});
