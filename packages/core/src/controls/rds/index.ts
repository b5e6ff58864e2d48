import { rdsAutomaticMinorVersionUpgradeEnabled } from './rds-automatic-minor-version-upgrade-enabled.js';
import { rdsInstancePublicAccessCheck } from './rds-instance-public-access-check.js';
import { rdsLoggingEnabled } from './rds-logging-enabled.js';
import { rdsSnapshotEncrypted } from './rds-snapshot-encrypted.js';
import { rdsSnapshotsPublicProhibited } from './rds-snapshots-public-prohibited.js';
import { rdsStorageEncrypted } from './rds-storage-encrypted.js';

export const RDS_CONTROLS = [
  rdsAutomaticMinorVersionUpgradeEnabled,
  rdsInstancePublicAccessCheck,
  rdsLoggingEnabled,
  rdsSnapshotEncrypted,
  rdsSnapshotsPublicProhibited,
  rdsStorageEncrypted,
];
