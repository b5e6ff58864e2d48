import { describe, expect, it } from 'vitest';
import { redshiftRequireTlsSsl as control } from '../../../../src/controls/redshift/redshift-require-tls-ssl.js';
import { fixture, run, toApiShape, verdict } from '../../../helpers.js';

const cluster = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');
const group = () => fixture('AWS::Redshift::ClusterParameterGroup', 'require-ssl');
const one = (items: unknown[]) => {
  const { evaluations } = run(control, items);
  return evaluations.filter((e) => e.resourceType === 'AWS::Redshift::Cluster')[0]!;
};

describe('redshift-require-tls-ssl', () => {
  it('compliant: parameter group requires SSL', () => {
    const v = one([cluster(), group()]);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw uses parameter group orders-dw-params, which requires TLS.');
    expect(one([toApiShape(cluster()), toApiShape(group())]).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: require_ssl false', () => {
    const pg = group();
    pg.supplementaryConfiguration.Parameters[2].parameterValue = 'false';
    const v = one([cluster(), toApiShape(pg)]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Redshift cluster orders-dw uses parameter group orders-dw-params, which does not set require_ssl to true.',
    );
  });

  it('insufficient data: parameter group not in the input', () => {
    const v = verdict(control, cluster());
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe('Redshift cluster orders-dw: parameter group orders-dw-params is not in the input.');
  });

  it('not applicable: deleted cluster', () => {
    const ci = cluster();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
