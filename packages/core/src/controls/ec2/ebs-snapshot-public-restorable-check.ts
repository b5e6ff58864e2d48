import { EbsPublicSnapshotsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

const LISTED = 5;

export const ebsSnapshotPublicRestorableCheck = defineControl({
  id: 'ebs-snapshot-public-restorable-check',
  title: 'EBS snapshots are not publicly restorable',
  description:
    'Checks whether the account owns EBS snapshots in the region that anyone can restore (createVolumePermission for group "all", RestorableByUserIds all). Any such snapshot makes the account and region non-compliant.',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP07': 'Publicly restorable snapshots are public access to account data, found and reported per region.',
    'SEC08-BP04': 'Snapshot data is not readable by any AWS account through a public createVolumePermission.',
  },
  references: { awsConfigRules: ['ebs-snapshot-public-restorable-check'], securityHub: ['EC2.1'] },
  trigger: 'periodic',
  needs: [EbsPublicSnapshotsFact.type],
  remediation: {
    text: 'Remove the "all" group from each snapshot\'s createVolumePermission (ec2:ModifySnapshotAttribute), share with specific accounts instead, and turn on block public access for EBS snapshots.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  },
  evaluate(item, ctx) {
    const { snapshotIds } = ctx.require(EbsPublicSnapshotsFact);
    if (snapshotIds.length === 0) {
      return compliant(`Account ${item.accountId} has no publicly restorable EBS snapshots in ${ctx.region}.`);
    }
    const shown = snapshotIds.slice(0, LISTED).join(', ');
    const more = snapshotIds.length > LISTED ? ` and ${snapshotIds.length - LISTED} more` : '';
    return nonCompliant(
      `Account ${item.accountId} has ${snapshotIds.length} publicly restorable EBS snapshot${snapshotIds.length === 1 ? '' : 's'} in ${ctx.region}: ${shown}${more}.`,
    );
  },
});
