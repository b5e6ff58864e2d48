import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { dbInstanceName } from './db-instance-configuration.js';

export const rdsAutomaticMinorVersionUpgradeEnabled = defineControl({
  id: 'rds-automatic-minor-version-upgrade-enabled',
  title: 'RDS DB instances have automatic minor version upgrades enabled',
  description:
    'Checks whether automatic minor version upgrade is enabled for an Amazon RDS DB instance (autoMinorVersionUpgrade), so that engine security patches are applied in the maintenance window.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::RDS::DBInstance'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'Engine minor versions, which carry security fixes, are applied automatically.',
  },
  references: {
    awsConfigRules: ['rds-automatic-minor-version-upgrade-enabled'],
    securityHub: ['RDS.13'],
    cis: ['2.3.2'],
  },
  trigger: 'change',
  remediation: {
    text: 'Modify the DB instance to turn on "Auto minor version upgrade" and keep a maintenance window in which the upgrades may run.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
  },
  evaluate(item) {
    const name = dbInstanceName(item);
    if (item.configuration['autoMinorVersionUpgrade'] !== true) {
      return nonCompliant(`DB instance ${name} does not have automatic minor version upgrade enabled.`);
    }
    return compliant(`DB instance ${name} has automatic minor version upgrade enabled.`);
  },
});
