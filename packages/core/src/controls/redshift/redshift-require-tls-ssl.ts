import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { clusterName, PARAMETER_GROUP_TYPE, requireSsl } from './cluster.js';

export const redshiftRequireTlsSsl = defineControl({
  id: 'redshift-require-tls-ssl',
  title: 'Redshift clusters require TLS for SQL connections',
  description:
    'Checks whether the parameter group of an Amazon Redshift cluster sets require_ssl to true, so that clients must connect with TLS.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Redshift::Cluster'],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'The cluster refuses SQL connections that do not use TLS.',
  },
  references: { awsConfigRules: ['redshift-require-tls-ssl'], securityHub: ['Redshift.2'] },
  trigger: 'periodic',
  needs: [PARAMETER_GROUP_TYPE],
  remediation: {
    text: 'Set require_ssl to true in a custom parameter group, associate it with the cluster and reboot the cluster to apply it.',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html',
  },
  evaluate(item, ctx) {
    const name = clusterName(item);
    const ssl = requireSsl(item, (group) => ctx.item(PARAMETER_GROUP_TYPE, group));
    if ('unknown' in ssl) return insufficientData(`Redshift cluster ${name}: ${ssl.unknown}.`);
    if (!ssl.value)
      return nonCompliant(
        `Redshift cluster ${name} uses parameter group ${ssl.group}, which does not set require_ssl to true.`,
      );
    return compliant(`Redshift cluster ${name} uses parameter group ${ssl.group}, which requires TLS.`);
  },
});
