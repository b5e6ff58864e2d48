import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { type ClusterConfiguration, clusterName, type LoggingStatus } from './cluster.js';

export const redshiftClusterConfigurationCheck = defineControl({
  id: 'redshift-cluster-configuration-check',
  title: 'Redshift clusters are encrypted and have audit logging enabled',
  description:
    'Checks whether an Amazon Redshift cluster is encrypted (clusterDbEncrypted) and has audit logging on (loggingEnabled, from supplementary LoggingStatus). With nodeTypes set, the node type must be listed; the documented default dc1.large is not applied.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC04-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC04-BP01': 'The cluster writes connection and user activity audit logs.',
    'SEC08-BP02': 'The cluster database is encrypted at rest.',
  },
  references: { awsConfigRules: ['redshift-cluster-configuration-check'], securityHub: ['Redshift.4'] },
  trigger: 'change',
  parameters: z.strictObject({
    clusterDbEncrypted: param.bool(true),
    loggingEnabled: param.bool(true),
    // The rule documents "Default: dc1.large", but its NON_COMPLIANT conditions name only encryption
    // and logging, and applying that default would fail every current node type.
    nodeTypes: param.csv(),
  }),
  remediation: {
    text: 'Encrypt the cluster with an AWS KMS key and turn on audit logging to S3 or CloudWatch Logs (connection, user and user activity logs).',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
  },
  evaluate(item, ctx) {
    const cluster = item.config<ClusterConfiguration>();
    const name = clusterName(item);
    const problems: string[] = [];
    if (ctx.params.clusterDbEncrypted && cluster.encrypted !== true) problems.push('is not encrypted');
    if (ctx.params.loggingEnabled && item.supplementary<LoggingStatus>('LoggingStatus')?.loggingEnabled !== true) {
      problems.push('does not have audit logging enabled');
    }
    if (ctx.params.nodeTypes.length > 0 && !ctx.params.nodeTypes.includes(cluster.nodeType ?? '')) {
      problems.push(`uses node type ${cluster.nodeType ?? 'unknown'}, which is not in nodeTypes`);
    }
    if (problems.length > 0) return nonCompliant(`Redshift cluster ${name} ${problems.join(' and ')}.`);
    return compliant(`Redshift cluster ${name} has the required configuration.`);
  },
});
