import { describe, expect, it } from 'vitest';
import { redshiftClusterConfigurationCheck as control } from '../../../../src/controls/redshift/redshift-cluster-configuration-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');

describe('redshift-cluster-configuration-check', () => {
  it('compliant: encrypted with audit logging', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw has the required configuration.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: not encrypted', () => {
    const ci = happy();
    ci.configuration.encrypted = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw is not encrypted.');
  });

  it('non-compliant: audit logging off (API shape)', () => {
    const ci = happy();
    ci.supplementaryConfiguration.LoggingStatus = { loggingEnabled: false };
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw does not have audit logging enabled.');
  });

  it('parameters: loggingEnabled false skips logging, nodeTypes restricts node types', () => {
    const ci = happy();
    ci.supplementaryConfiguration.LoggingStatus = { loggingEnabled: false };
    expect(verdict(control, ci, { params: { loggingEnabled: 'false' } }).compliance).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { nodeTypes: 'ra3.4xlarge,ra3.16xlarge' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw uses node type ra3.xlplus, which is not in nodeTypes.');
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
