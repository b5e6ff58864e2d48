import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type ClusterConfiguration, clusterName } from './cluster.js';

export const redshiftEnhancedVpcRoutingEnabled = defineControl({
  id: 'redshift-enhanced-vpc-routing-enabled',
  title: 'Redshift clusters use enhanced VPC routing',
  description:
    'Checks whether an Amazon Redshift cluster has enhanced VPC routing enabled (enhancedVpcRouting), so that COPY and UNLOAD traffic stays in the VPC where security groups, endpoints and flow logs apply.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02':
      'COPY and UNLOAD traffic is forced through the VPC, where endpoints, security groups and flow logs apply.',
  },
  references: { awsConfigRules: ['redshift-enhanced-vpc-routing-enabled'], securityHub: ['Redshift.7'] },
  trigger: 'change',
  remediation: {
    text: 'Modify the cluster to turn on enhanced VPC routing, and add the VPC endpoints or NAT routes its COPY and UNLOAD traffic needs.',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html',
  },
  evaluate(item) {
    const name = clusterName(item);
    if (item.config<ClusterConfiguration>().enhancedVpcRouting !== true) {
      return nonCompliant(`Redshift cluster ${name} does not use enhanced VPC routing.`);
    }
    return compliant(`Redshift cluster ${name} uses enhanced VPC routing.`);
  },
});
