import { rdsInstancePublicAccessCheck } from './rds-instance-public-access-check.js';
import { rdsStorageEncrypted } from './rds-storage-encrypted.js';

export const RDS_CONTROLS = [rdsInstancePublicAccessCheck, rdsStorageEncrypted];
