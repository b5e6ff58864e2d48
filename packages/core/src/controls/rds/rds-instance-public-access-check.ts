import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type DbInstanceConfiguration, dbInstanceName } from './db-instance-configuration.js';

export const rdsInstancePublicAccessCheck = defineControl({
  id: 'rds-instance-public-access-check',
  title: 'RDS DB instances are not publicly accessible',
  description:
    'Checks whether an Amazon RDS DB instance is publicly accessible, that is whether the PubliclyAccessible field of its configuration is true, which gives its endpoint a public IP address.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::RDS::DBInstance'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01': 'Database endpoints without a public address stay in a private network layer.',
  },
  references: { awsConfigRules: ['rds-instance-public-access-check'], securityHub: ['RDS.2'], cis: ['2.3.3'] },
  trigger: 'change',
  remediation: {
    text: 'Modify the DB instance to turn off public accessibility, keep it in private subnets, and reach it through the application tier, a VPN or Session Manager port forwarding.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  },
  evaluate(item) {
    const db = item.config<DbInstanceConfiguration>();
    const name = dbInstanceName(item);
    if (db.publiclyAccessible === true) return nonCompliant(`DB instance ${name} is publicly accessible.`);
    return compliant(`DB instance ${name} is not publicly accessible.`);
  },
});
