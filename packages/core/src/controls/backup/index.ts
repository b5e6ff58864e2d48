import { backupRecoveryPointEncrypted } from './backup-recovery-point-encrypted.js';

export const BACKUP_CONTROLS = [backupRecoveryPointEncrypted];
