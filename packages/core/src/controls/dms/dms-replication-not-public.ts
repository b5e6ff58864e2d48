import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface ReplicationInstanceConfiguration {
  ReplicationInstanceIdentifier: string;
  PubliclyAccessible: boolean;
  ReplicationInstancePublicIpAddresses: string[] | null;
}

export const dmsReplicationNotPublic = defineControl({
  id: 'dms-replication-not-public',
  title: 'DMS replication instances are not publicly accessible',
  description:
    'Checks whether an AWS Database Migration Service replication instance is public, that is whether PubliclyAccessible is true in its configuration.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
  rationale: {
    'SEC05-BP01': 'Replication instances stay in the private network layer, with no public IP.',
    'SEC05-BP02': 'Traffic to a replication instance can only come through the VPC, where security groups apply.',
  },
  references: { awsConfigRules: ['dms-replication-not-public'], securityHub: ['DMS.1'] },
  trigger: 'change',
  remediation: {
    text: 'Public accessibility cannot be changed after creation: create a private replication instance in private subnets, move the replication tasks to it and delete the public one.',
    url: 'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html',
  },
  evaluate(item) {
    const ri = item.config<ReplicationInstanceConfiguration>();
    const name = ri.ReplicationInstanceIdentifier ?? item.resourceName ?? item.resourceId;
    if (ri.PubliclyAccessible === true) {
      const ips = (ri.ReplicationInstancePublicIpAddresses ?? []).filter((ip) => ip);
      return nonCompliant(
        `DMS replication instance ${name} is publicly accessible${ips.length > 0 ? ` at ${ips.join(', ')}` : ''}.`,
      );
    }
    return compliant(`DMS replication instance ${name} is not publicly accessible.`);
  },
});
