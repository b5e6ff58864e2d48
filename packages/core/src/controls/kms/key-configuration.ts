/** The fields of an `AWS::KMS::Key` configuration item the KMS controls read. */
export interface KmsKeyConfiguration {
  keyId: string;
  arn: string;
  /** `AWS` for AWS managed keys, `CUSTOMER` for customer managed keys. */
  keyManager: 'AWS' | 'CUSTOMER';
  /** Enabled, Disabled, PendingDeletion, PendingReplicaDeletion, PendingImport, Unavailable, Creating, Updating. */
  keyState: string;
  keySpec: string;
  customerMasterKeySpec: string;
  keyUsage: string;
  /** AWS_KMS, EXTERNAL (imported key material), AWS_CLOUDHSM, EXTERNAL_KEY_STORE. */
  origin: string;
  deletionDate: string | number | null;
}

export const PENDING_DELETION_STATES: readonly string[] = ['PendingDeletion', 'PendingReplicaDeletion'];

/** A date as AWS Config records it (ISO string or epoch milliseconds), as ISO 8601. */
export function isoDate(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}
