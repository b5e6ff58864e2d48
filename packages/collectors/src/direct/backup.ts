import {
  BackupClient,
  paginateListBackupVaults,
  paginateListRecoveryPointsByBackupVault,
  type RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import { pick, plainShape } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const RECOVERY_POINT = 'AWS::Backup::RecoveryPoint';

const RECOVERY_POINT_KEYS = [
  'RecoveryPointArn',
  'BackupVaultName',
  'BackupVaultArn',
  'SourceBackupVaultArn',
  'ResourceArn',
  'ResourceType',
  'CreatedBy',
  'IamRoleArn',
  'Status',
  'StatusMessage',
  'CreationDate',
  'CompletionDate',
  'BackupSizeInBytes',
  'Lifecycle',
  'CalculatedLifecycle',
  'EncryptionKeyArn',
  'IsEncrypted',
  'LastRestoreTime',
  'VaultType',
] as const;

/**
 * `AWS::Backup::RecoveryPoint` as AWS Config records it (resource id and name: the recovery point ARN).
 * The listing has no `StorageClass` (DescribeRecoveryPoint has, one call per point): it is derived as
 * DescribeRecoveryPoint reports it, COLD once `CalculatedLifecycle.MoveToColdStorageAt` has passed, else WARM.
 */
export function recoveryPointConfiguration(rp: RecoveryPointByBackupVault, now: string): Record<string, unknown> {
  const configuration = plainShape(pick(rp, RECOVERY_POINT_KEYS)) as Record<string, unknown>;
  const cold = rp.CalculatedLifecycle?.MoveToColdStorageAt;
  const storageClass = cold !== undefined && cold.toISOString() <= now ? 'COLD' : 'WARM';
  // Keep AWS Config's field order: StorageClass before VaultType.
  const { VaultType, ...rest } = configuration;
  return { ...rest, StorageClass: storageClass, ...(VaultType !== undefined ? { VaultType } : {}) };
}

async function readVault(ctx: ReaderContext, backup: BackupClient, BackupVaultName: string): Promise<void> {
  try {
    for await (const page of paginateListRecoveryPointsByBackupVault({ client: backup }, { BackupVaultName })) {
      for (const rp of page.RecoveryPoints ?? []) {
        const arn = rp.RecoveryPointArn!;
        ctx.item({
          resourceType: RECOVERY_POINT,
          resourceId: arn,
          resourceName: arn,
          arn,
          configuration: recoveryPointConfiguration(rp, ctx.capturedAt),
        });
      }
    }
  } catch (error) {
    ctx.fail('ListRecoveryPointsByBackupVault', [RECOVERY_POINT], error, undefined, `vault ${BackupVaultName}`);
  }
}

/** AWS Backup recovery points of every backup vault of the region. */
export const backupReader: ServiceReader = {
  service: 'backup',
  scope: 'regional',
  resourceTypes: [RECOVERY_POINT],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(RECOVERY_POINT)) return;
    const backup = ctx.clients.get(BackupClient, 'backup', ctx.region);
    await ctx.attempt('ListBackupVaults', [RECOVERY_POINT], async () => {
      const vaults: string[] = [];
      for await (const page of paginateListBackupVaults({ client: backup }, {})) {
        for (const v of page.BackupVaultList ?? []) vaults.push(v.BackupVaultName!);
      }
      await ctx.limiter.map(vaults, (name) => readVault(ctx, backup, name));
    });
  },
};
