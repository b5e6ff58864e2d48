import { describe, expect, it } from 'vitest';
import { datastoreEncryptionInTransitEnforced as control } from '../../../../src/controls/datastores/datastore-encryption-in-transit-enforced.js';
import { RdsParameterGroupTlsFact } from '../../../../src/index.js';
import { factItem, fixture, type Json, run, toApiShape, verdict } from '../../../helpers.js';

const groups = (...parameterGroups: Json[]) => factItem(RdsParameterGroupTlsFact, { parameterGroups });
const pg16 = (value: string | null) => ({
  name: 'default.postgres16',
  kind: 'instance',
  family: 'postgres16',
  parameters: { 'rds.force_ssl': value },
});
const instance = () => fixture('AWS::RDS::DBInstance', 'encrypted-private');

describe('datastore-encryption-in-transit-enforced', () => {
  it('compliant: PostgreSQL with rds.force_ssl=1', () => {
    const v = verdict(control, instance(), { with: [groups(pg16('1'))] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'DB instance orders-db requires TLS through rds.force_ssl=1 in parameter group default.postgres16.',
    );
  });

  it('non-compliant: PostgreSQL with rds.force_ssl=0', () => {
    const v = verdict(control, toApiShape(instance()), { with: [groups(pg16('0'))] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'DB instance orders-db uses parameter group default.postgres16, which does not set rds.force_ssl to require TLS (value 0).',
    );
  });

  it('Aurora MySQL cluster: require_secure_transport in the cluster parameter group', () => {
    const cluster = fixture('AWS::RDS::DBCluster', 'aurora-postgresql');
    cluster.configuration.engine = 'aurora-mysql';
    const fact = groups({
      name: 'orders-aurora-pg16',
      kind: 'cluster',
      parameters: { require_secure_transport: 'ON' },
    });
    expect(verdict(control, cluster, { with: [fact] }).annotation).toBe(
      'DB cluster orders-aurora requires TLS through require_secure_transport=ON in parameter group orders-aurora-pg16.',
    );
    const off = groups({
      name: 'orders-aurora-pg16',
      kind: 'cluster',
      parameters: { require_secure_transport: 'OFF' },
    });
    expect(verdict(control, cluster, { with: [off] }).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: parameter groups not read', () => {
    expect(verdict(control, instance()).compliance).toBe('INSUFFICIENT_DATA');
    const v = verdict(control, instance(), { with: [groups()] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe('DB instance orders-db uses parameter group default.postgres16, which was not read.');
  });

  it('Redshift: require_ssl in the cluster parameter group', () => {
    const redshift = fixture('AWS::Redshift::Cluster', 'encrypted-private');
    const pg = fixture('AWS::Redshift::ClusterParameterGroup', 'require-ssl');
    const judged = (items: unknown[]) =>
      run(control, items).evaluations.filter((e) => e.resourceType === 'AWS::Redshift::Cluster')[0]!;
    expect(judged([redshift, pg]).annotation).toBe(
      'Redshift cluster orders-dw requires TLS (require_ssl in parameter group orders-dw-params).',
    );
    pg.supplementaryConfiguration.Parameters[2].parameterValue = 'false';
    const v = judged([redshift, pg]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Redshift cluster orders-dw accepts connections without TLS: require_ssl is not true in parameter group orders-dw-params.',
    );
  });

  it('OpenSearch and Elasticsearch: EnforceHTTPS', () => {
    expect(verdict(control, fixture('AWS::OpenSearch::Domain', 'vpc-encrypted')).annotation).toBe(
      'OpenSearch domain orders-search enforces HTTPS (TLS security policy Policy-Min-TLS-1-2-PFS-2023-10).',
    );
    const es = fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted');
    es.configuration.domainEndpointOptions.enforceHTTPS = false;
    const v = verdict(control, es);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs accepts plain HTTP: it does not enforce HTTPS.');
  });

  it('not applicable: Oracle (option group TLS) and Aurora members', () => {
    const oracle = instance();
    oracle.configuration.engine = 'oracle-ee';
    const v = verdict(control, oracle, { with: [groups()] });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      'DB instance orders-db runs oracle-ee, whose TLS enforcement (option group) this control does not check.',
    );
    const member = instance();
    member.configuration.dBClusterIdentifier = 'orders-aurora';
    expect(verdict(control, member).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted store', () => {
    const ci = instance();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
