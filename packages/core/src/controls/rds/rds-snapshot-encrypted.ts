import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { snapshotView } from './snapshot.js';

export const rdsSnapshotEncrypted = defineControl({
  id: 'rds-snapshot-encrypted',
  title: 'RDS snapshots are encrypted',
  description:
    'Checks whether an Amazon RDS DB snapshot (encrypted) or DB cluster snapshot (storageEncrypted) is encrypted.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::RDS::DBClusterSnapshot', 'AWS::RDS::DBSnapshot'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Database snapshots are encrypted at rest.',
  },
  references: { awsConfigRules: ['rds-snapshot-encrypted'], securityHub: ['RDS.4'] },
  trigger: 'change',
  remediation: {
    text: 'Copy the snapshot with a KMS key to get an encrypted copy, delete the unencrypted snapshot, and encrypt the source DB instance or cluster so that new snapshots are encrypted.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html',
  },
  evaluate(item) {
    const s = snapshotView(item);
    if (!s.encrypted) return nonCompliant(`${s.label} is not encrypted.`);
    return compliant(`${s.label} is encrypted with KMS key ${s.kmsKeyId ?? 'unknown'}.`);
  },
});
