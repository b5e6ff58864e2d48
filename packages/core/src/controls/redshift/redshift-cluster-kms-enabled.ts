import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';
import { type ClusterConfiguration, clusterName } from './cluster.js';

export const redshiftClusterKmsEnabled = defineControl({
  id: 'redshift-cluster-kms-enabled',
  title: 'Redshift clusters are encrypted with an AWS KMS key',
  description:
    'Checks whether an Amazon Redshift cluster is encrypted with an AWS KMS key (encrypted, kmsKeyId). With kmsKeyArns set, the key must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC08-BP01': 'The warehouse key is a KMS key the account controls (one of the listed keys when given).',
    'SEC08-BP02': 'The cluster is encrypted at rest with AWS KMS.',
  },
  references: { awsConfigRules: ['redshift-cluster-kms-enabled'], securityHub: ['Redshift.10'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'Modify the cluster encryption to use an AWS KMS key (customer managed where your policy asks for one); Redshift migrates the data online.',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/changing-cluster-encryption.html',
  },
  evaluate(item, ctx) {
    const cluster = item.config<ClusterConfiguration>();
    const name = clusterName(item);
    if (cluster.encrypted !== true || typeof cluster.kmsKeyId !== 'string' || cluster.kmsKeyId === '') {
      return nonCompliant(`Redshift cluster ${name} is not encrypted with an AWS KMS key.`);
    }
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && !keyMatches(cluster.kmsKeyId, allowed)) {
      return nonCompliant(
        `Redshift cluster ${name} is encrypted with KMS key ${cluster.kmsKeyId}, which is not in kmsKeyArns.`,
      );
    }
    return compliant(`Redshift cluster ${name} is encrypted with KMS key ${cluster.kmsKeyId}.`);
  },
});
