import { s3BucketServerSideEncryptionEnabled } from './s3-bucket-server-side-encryption-enabled.js';

export const S3_CONTROLS = [s3BucketServerSideEncryptionEnabled];
