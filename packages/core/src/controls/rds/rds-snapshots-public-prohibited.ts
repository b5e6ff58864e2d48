import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { snapshotView } from './snapshot.js';

export const rdsSnapshotsPublicProhibited = defineControl({
  id: 'rds-snapshots-public-prohibited',
  title: 'RDS snapshots are not public',
  description:
    'Checks whether an Amazon RDS DB snapshot or DB cluster snapshot is public, that is whether its restore attribute (supplementary DBSnapshotAttributes or DBClusterSnapshotAttributes) includes "all".',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::RDS::DBClusterSnapshot', 'AWS::RDS::DBSnapshot'],
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP07': 'No database snapshot is restorable by every AWS account.',
    'SEC08-BP04': 'Snapshot restore permission is limited to named accounts.',
  },
  references: { awsConfigRules: ['rds-snapshots-public-prohibited'], securityHub: ['RDS.1'] },
  trigger: 'change',
  remediation: {
    text: 'Set the snapshot visibility to private (remove "all" from its restore attribute with ModifyDBSnapshotAttribute or ModifyDBClusterSnapshotAttribute) and share it only with named accounts.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  },
  evaluate(item) {
    const s = snapshotView(item);
    if (s.restorableBy.includes('all')) return nonCompliant(`${s.label} is public: anyone can restore it.`);
    return compliant(`${s.label} is not public.`);
  },
});
