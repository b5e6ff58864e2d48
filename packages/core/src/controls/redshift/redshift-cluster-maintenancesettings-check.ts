import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { type ClusterConfiguration, clusterName } from './cluster.js';

export const redshiftClusterMaintenancesettingsCheck = defineControl({
  id: 'redshift-cluster-maintenancesettings-check',
  title: 'Redshift clusters have the required maintenance settings',
  description:
    'Checks whether an Amazon Redshift cluster allows version upgrades as allowVersionUpgrade says (default true), keeps automated snapshots at least automatedSnapshotRetentionPeriod days (default 1) and, when set, uses preferredMaintenanceWindow.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'Version upgrades, which carry security fixes, are allowed in the maintenance window.',
  },
  references: { awsConfigRules: ['redshift-cluster-maintenancesettings-check'], securityHub: ['Redshift.6'] },
  trigger: 'change',
  parameters: z.strictObject({
    allowVersionUpgrade: param.bool(true),
    preferredMaintenanceWindow: param.string(),
    automatedSnapshotRetentionPeriod: param.int(1, { min: 0 }),
  }),
  remediation: {
    text: 'Modify the cluster to allow version upgrades during its maintenance window and to keep automated snapshots for at least the required number of days.',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-considerations.html',
  },
  evaluate(item, ctx) {
    const cluster = item.config<ClusterConfiguration>();
    const name = clusterName(item);
    const { allowVersionUpgrade, preferredMaintenanceWindow, automatedSnapshotRetentionPeriod } = ctx.params;
    const problems: string[] = [];
    if ((cluster.allowVersionUpgrade === true) !== allowVersionUpgrade) {
      problems.push(allowVersionUpgrade ? 'does not allow version upgrades' : 'allows version upgrades');
    }
    const retention = cluster.automatedSnapshotRetentionPeriod ?? 0;
    if (retention < automatedSnapshotRetentionPeriod) {
      problems.push(`keeps automated snapshots ${retention} days, fewer than ${automatedSnapshotRetentionPeriod}`);
    }
    const window = preferredMaintenanceWindow?.trim();
    if (window && (cluster.preferredMaintenanceWindow ?? '').toLowerCase() !== window.toLowerCase()) {
      problems.push(`has maintenance window ${cluster.preferredMaintenanceWindow ?? 'unset'}, not ${window}`);
    }
    if (problems.length > 0) return nonCompliant(`Redshift cluster ${name} ${problems.join(' and ')}.`);
    return compliant(
      `Redshift cluster ${name} allows version upgrades and keeps automated snapshots ${retention} days.`,
    );
  },
});
