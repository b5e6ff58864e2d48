import type { ConfigItem } from '../../ci/config-item.js';
import { type RdsParameterGroupTls, RdsParameterGroupTlsFact } from '../../facts/index.js';
import {
  compliant,
  defineControl,
  type EvaluationContext,
  insufficientData,
  nonCompliant,
  notApplicable,
  type Verdict,
} from '../../model/control.js';
import { domainView } from '../opensearch/domain.js';
import { clusterName, PARAMETER_GROUP_TYPE, requireSsl } from '../redshift/cluster.js';

type Group = RdsParameterGroupTls['parameterGroups'][number];

/** The parameter that forces TLS per engine, and the values that turn it on. */
function tlsParameter(engine: string): { name: string; on: readonly string[] } | undefined {
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine.startsWith('sqlserver')) {
    return { name: 'rds.force_ssl', on: ['1', 'true', 'on'] };
  }
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora') {
    return { name: 'require_secure_transport', on: ['1', 'on', 'true'] };
  }
  return undefined;
}

function rds(item: ConfigItem, ctx: EvaluationContext<unknown>): Verdict {
  const c = item.configuration;
  const isCluster = item.resourceType === 'AWS::RDS::DBCluster';
  const name = String(
    (isCluster ? c['dbclusterIdentifier'] : c['dBInstanceIdentifier']) ?? item.resourceName ?? item.resourceId,
  );
  const label = `${isCluster ? 'DB cluster' : 'DB instance'} ${name}`;
  const memberOf = c['dBClusterIdentifier'];
  if (!isCluster && typeof memberOf === 'string' && memberOf !== '') {
    return notApplicable(`${label} belongs to DB cluster ${memberOf}, whose cluster parameter group is checked.`);
  }
  const engine = typeof c['engine'] === 'string' ? c['engine'] : '';
  const tls = tlsParameter(engine);
  if (tls === undefined) {
    return notApplicable(`${label} runs ${engine}, whose TLS enforcement (option group) this control does not check.`);
  }
  const groupName = isCluster
    ? c['dbclusterParameterGroup']
    : (c['dBParameterGroups'] as { dBParameterGroupName?: string }[] | undefined)?.[0]?.dBParameterGroupName;
  if (typeof groupName !== 'string') return insufficientData(`${label} records no parameter group.`);
  const kind = isCluster ? 'cluster' : 'instance';
  const groups = ctx.memo('datastores:rds-parameter-groups', () => {
    const map = new Map<string, Group>();
    for (const g of ctx.require(RdsParameterGroupTlsFact).parameterGroups) map.set(`${g.kind}/${g.name}`, g);
    return map;
  });
  const group = groups.get(`${kind}/${groupName}`);
  if (group === undefined) return insufficientData(`${label} uses parameter group ${groupName}, which was not read.`);
  const value = group.parameters[tls.name] ?? null;
  if (value === null || !tls.on.includes(value.toLowerCase())) {
    return nonCompliant(
      `${label} uses parameter group ${groupName}, which does not set ${tls.name} to require TLS (value ${value ?? 'unset'}).`,
    );
  }
  return compliant(`${label} requires TLS through ${tls.name}=${value} in parameter group ${groupName}.`);
}

export const datastoreEncryptionInTransitEnforced = defineControl({
  id: 'datastore-encryption-in-transit-enforced',
  title: 'Data stores refuse unencrypted client connections',
  description:
    'Checks whether data stores require TLS from clients: RDS (rds.force_ssl for PostgreSQL and SQL Server, require_secure_transport for MySQL and MariaDB, on the instance or Aurora cluster parameter group), Redshift (require_ssl), OpenSearch and Elasticsearch (EnforceHTTPS).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: [
    'AWS::Elasticsearch::Domain',
    'AWS::OpenSearch::Domain',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBInstance',
    'AWS::Redshift::Cluster',
  ],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'Databases, warehouses and search domains refuse plaintext client connections.',
  },
  trigger: 'periodic',
  needs: [RdsParameterGroupTlsFact.type, PARAMETER_GROUP_TYPE],
  remediation: {
    text: 'Turn on the setting that rejects plaintext connections: rds.force_ssl=1 or require_secure_transport=ON in a custom parameter group, require_ssl=true for Redshift, "Require HTTPS" for OpenSearch domains.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html',
  },
  evaluate(item, ctx) {
    switch (item.resourceType) {
      case 'AWS::RDS::DBInstance':
      case 'AWS::RDS::DBCluster':
        return rds(item, ctx);
      case 'AWS::Redshift::Cluster': {
        const name = clusterName(item);
        const ssl = requireSsl(item, (group) => ctx.item(PARAMETER_GROUP_TYPE, group));
        if ('unknown' in ssl) return insufficientData(`Redshift cluster ${name}: ${ssl.unknown}.`);
        if (!ssl.value)
          return nonCompliant(
            `Redshift cluster ${name} accepts connections without TLS: require_ssl is not true in parameter group ${ssl.group}.`,
          );
        return compliant(`Redshift cluster ${name} requires TLS (require_ssl in parameter group ${ssl.group}).`);
      }
      default: {
        const d = domainView(item);
        if (!d.enforceHttps) return nonCompliant(`${d.label} accepts plain HTTP: it does not enforce HTTPS.`);
        return compliant(`${d.label} enforces HTTPS (TLS security policy ${d.tlsSecurityPolicy ?? 'unknown'}).`);
      }
    }
  },
});
