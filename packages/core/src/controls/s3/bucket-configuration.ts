import type { ConfigItem } from '../../ci/config-item.js';

/** Typed views of the S3 bucket settings AWS Config records in `supplementaryConfiguration`. */

export interface ServerSideEncryptionConfiguration {
  rules?: {
    applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyID?: string | null };
    bucketKeyEnabled?: boolean;
  }[];
}

export interface PublicAccessBlockConfiguration {
  blockPublicAcls?: boolean;
  ignorePublicAcls?: boolean;
  blockPublicPolicy?: boolean;
  restrictPublicBuckets?: boolean;
}

export interface BucketLoggingConfiguration {
  destinationBucketName?: string | null;
  logFilePrefix?: string | null;
}

export interface BucketVersioningConfiguration {
  status?: 'Off' | 'Enabled' | 'Suspended';
  isMfaDeleteEnabled?: boolean | null;
}

export function sseConfiguration(item: ConfigItem): ServerSideEncryptionConfiguration | undefined {
  return item.supplementary<ServerSideEncryptionConfiguration>('ServerSideEncryptionConfiguration') ?? undefined;
}

/** The default-encryption algorithms configured on the bucket (`AES256`, `aws:kms`, `aws:kms:dsse`). */
export function defaultEncryptionAlgorithms(item: ConfigItem): string[] {
  const rules = sseConfiguration(item)?.rules ?? [];
  return rules.map((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm).filter((a): a is string => !!a);
}
