import type { ConfigItem } from '../../ci/config-item.js';

/** The fields of an `AWS::RDS::DBInstance` configuration item the RDS controls read. */
export interface DbInstanceConfiguration {
  dBInstanceIdentifier: string;
  engine: string;
  storageEncrypted: boolean;
  kmsKeyId: string | null;
  publiclyAccessible: boolean;
  dbiResourceId: string;
}

/** The instance identifier (AWS Config's resource id is the `db-…` resource id, which people do not recognize). */
export function dbInstanceName(item: ConfigItem): string {
  return item.config<DbInstanceConfiguration>().dBInstanceIdentifier ?? item.resourceName ?? item.resourceId;
}
