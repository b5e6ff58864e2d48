import { describe, expect, it } from 'vitest';
import { emrMasterNoPublicIp as control } from '../../../../src/controls/emr/emr-master-no-public-ip.js';
import { EmrClustersFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, type Json, REGION, run } from '../../../helpers.js';

const cluster = (over: Json = {}) => ({
  id: 'j-2AXXXXXXGAPLF',
  name: 'orders-etl',
  arn: `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/j-2AXXXXXXGAPLF`,
  state: 'WAITING',
  securityConfiguration: 'orders-kerberos',
  masterPublicIpAddresses: [],
  ...over,
});
const clusters = (...list: Json[]) => factItem(EmrClustersFact, { clusters: list });

describe('emr-master-no-public-ip', () => {
  it('compliant: primary node without public IP, one verdict per cluster', () => {
    const { evaluations } = run(control, [clusters(cluster())], { header: true });
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::EMR::Cluster',
      resourceId: 'j-2AXXXXXXGAPLF',
      annotation: 'EMR cluster j-2AXXXXXXGAPLF (orders-etl) has no primary node with a public IP address.',
    });
  });

  it('non-compliant: primary node with a public IP', () => {
    const { evaluations } = run(control, [clusters(cluster({ masterPublicIpAddresses: ['34.240.11.7'] }))], {
      header: true,
    });
    expect(evaluations[0]!.compliance).toBe('NON_COMPLIANT');
    expect(evaluations[0]!.annotation).toBe(
      'EMR cluster j-2AXXXXXXGAPLF (orders-etl) has a primary node with public IP address 34.240.11.7.',
    );
  });

  it('not applicable: no running or waiting clusters', () => {
    const v = accountVerdict(control, [
      clusters(cluster({ state: 'STARTING', masterPublicIpAddresses: ['34.240.11.7'] })),
    ]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no running or waiting EMR clusters in ${REGION}.`);
  });

  it('insufficient data: no EMR clusters fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
