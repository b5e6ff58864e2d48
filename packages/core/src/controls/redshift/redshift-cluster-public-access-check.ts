import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type ClusterConfiguration, clusterName } from './cluster.js';

export const redshiftClusterPublicAccessCheck = defineControl({
  id: 'redshift-cluster-public-access-check',
  title: 'Redshift clusters are not publicly accessible',
  description: 'Checks whether an Amazon Redshift cluster is publicly accessible (publiclyAccessible).',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
  rationale: {
    'SEC05-BP01': 'Warehouses stay in the private network layer, with no public endpoint.',
    'SEC05-BP02': 'Traffic to the cluster only comes through the VPC, where security groups apply.',
  },
  references: { awsConfigRules: ['redshift-cluster-public-access-check'], securityHub: ['Redshift.1'] },
  trigger: 'change',
  remediation: {
    text: 'Modify the cluster to turn off public accessibility, keep it in private subnets, and reach it through the application tier, a VPN or a Redshift-managed VPC endpoint.',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
  },
  evaluate(item) {
    const name = clusterName(item);
    if (item.config<ClusterConfiguration>().publiclyAccessible === true) {
      return nonCompliant(`Redshift cluster ${name} is publicly accessible.`);
    }
    return compliant(`Redshift cluster ${name} is not publicly accessible.`);
  },
});
