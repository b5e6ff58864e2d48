import { s3AccountLevelPublicAccessBlocksPeriodic } from './s3-account-level-public-access-blocks-periodic.js';
import { s3BucketLevelPublicAccessProhibited } from './s3-bucket-level-public-access-prohibited.js';
import { s3BucketLoggingEnabled } from './s3-bucket-logging-enabled.js';
import { s3BucketPublicReadProhibited } from './s3-bucket-public-read-prohibited.js';
import { s3BucketPublicWriteProhibited } from './s3-bucket-public-write-prohibited.js';
import { s3BucketServerSideEncryptionEnabled } from './s3-bucket-server-side-encryption-enabled.js';
import { s3BucketSslRequestsOnly } from './s3-bucket-ssl-requests-only.js';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.js';
import { s3DefaultEncryptionKms } from './s3-default-encryption-kms.js';

export const S3_CONTROLS = [
  s3AccountLevelPublicAccessBlocksPeriodic,
  s3BucketLevelPublicAccessProhibited,
  s3BucketLoggingEnabled,
  s3BucketPublicReadProhibited,
  s3BucketPublicWriteProhibited,
  s3BucketServerSideEncryptionEnabled,
  s3BucketSslRequestsOnly,
  s3BucketVersioningEnabled,
  s3DefaultEncryptionKms,
];
