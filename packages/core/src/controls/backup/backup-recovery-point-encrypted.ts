import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface RecoveryPointConfiguration {
  RecoveryPointArn: string;
  BackupVaultName: string;
  ResourceArn: string;
  IsEncrypted: boolean;
  EncryptionKeyArn: string | null;
}

export const backupRecoveryPointEncrypted = defineControl({
  id: 'backup-recovery-point-encrypted',
  title: 'AWS Backup recovery points are encrypted at rest',
  description:
    'Checks whether an AWS Backup recovery point is encrypted (IsEncrypted). A recovery point that is not encrypted is non-compliant.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Backup::RecoveryPoint'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Backups are data at rest too: every recovery point is encrypted.',
  },
  references: { awsConfigRules: ['backup-recovery-point-encrypted'], securityHub: ['Backup.1'] },
  trigger: 'change',
  remediation: {
    text: 'Recovery points of resources that are not encrypted at the source take no vault key: encrypt the source resource (or copy the recovery point to a vault with a KMS key) and delete the unencrypted recovery point.',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html',
  },
  evaluate(item) {
    const rp = item.config<RecoveryPointConfiguration>();
    const what = `Recovery point ${item.resourceId} of ${rp.ResourceArn ?? 'an unknown resource'}`;
    if (rp.IsEncrypted !== true) return nonCompliant(`${what} is not encrypted.`);
    return compliant(`${what} is encrypted with ${rp.EncryptionKeyArn ?? 'the vault key'}.`);
  },
});
