import { describe, expect, it } from 'vitest';
import { emrKerberosEnabled as control } from '../../../../src/controls/emr/emr-kerberos-enabled.js';
import { EmrClustersFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, type Json, REGION, run } from '../../../helpers.js';

const kerberos = {
  Provider: 'ClusterDedicatedKdc',
  ClusterDedicatedKdcConfiguration: {
    TicketLifetimeInHours: 24,
    CrossRealmTrustConfiguration: {
      Realm: 'CORP.EXAMPLE.COM',
      Domain: 'corp.example.com',
      AdminServer: 'ad.corp.example.com',
      KdcServer: 'ad.corp.example.com',
    },
  },
};
const cluster = (over: Json = {}) => ({
  id: 'j-2AXXXXXXGAPLF',
  name: 'orders-etl',
  state: 'RUNNING',
  securityConfiguration: 'orders-kerberos',
  kerberosConfiguration: kerberos,
  masterPublicIpAddresses: [],
  ...over,
});
const only = (c: Json, params?: Record<string, unknown>) => {
  const { evaluations } = run(control, [factItem(EmrClustersFact, { clusters: [c] })], { header: true, params });
  expect(evaluations).toHaveLength(1);
  return evaluations[0]!;
};

describe('emr-kerberos-enabled', () => {
  it('compliant: Kerberos security configuration', () => {
    const v = only(cluster());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::EMR::Cluster',
      resourceId: 'j-2AXXXXXXGAPLF',
    });
    expect(v.annotation).toBe(
      'EMR cluster j-2AXXXXXXGAPLF (orders-etl) has Kerberos enabled through security configuration orders-kerberos (ClusterDedicatedKdc).',
    );
  });

  it('non-compliant: no security configuration', () => {
    const v = only(cluster({ securityConfiguration: null, kerberosConfiguration: null }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('EMR cluster j-2AXXXXXXGAPLF (orders-etl) has no security configuration attached.');
  });

  it('non-compliant: security configuration without Kerberos', () => {
    const v = only(cluster({ securityConfiguration: 'orders-encryption', kerberosConfiguration: null }));
    expect(v.annotation).toBe(
      'EMR cluster j-2AXXXXXXGAPLF (orders-etl) uses security configuration orders-encryption, which does not enable Kerberos.',
    );
  });

  it('parameters: ticket lifetime and cross-realm trust must match', () => {
    const params = {
      TicketLifetimeInHours: '24',
      Realm: 'CORP.EXAMPLE.COM',
      Domain: 'corp.example.com',
      AdminServer: '',
      KdcServer: '',
    };
    expect(only(cluster(), params).compliance).toBe('COMPLIANT');
    const v = only(cluster(), { TicketLifetimeInHours: '10', Realm: 'OTHER.EXAMPLE.COM' });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'EMR cluster j-2AXXXXXXGAPLF (orders-etl) uses Kerberos security configuration orders-kerberos with TicketLifetimeInHours 24 (expected 10), Realm CORP.EXAMPLE.COM (expected OTHER.EXAMPLE.COM).',
    );
  });

  it('not applicable: no active clusters', () => {
    const v = accountVerdict(control, [factItem(EmrClustersFact, { clusters: [] })]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no active EMR clusters in ${REGION}.`);
  });
});
