import { describe, expect, it } from 'vitest';
import { dmsReplicationNotPublic as control } from '../../../../src/controls/dms/dms-replication-not-public.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::DMS::ReplicationInstance', 'private');

describe('dms-replication-not-public', () => {
  it('compliant: private replication instance', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DMS replication instance orders-migration is not publicly accessible.');
  });

  it('non-compliant: publicly accessible', () => {
    const ci = happy();
    ci.configuration.PubliclyAccessible = true;
    ci.configuration.ReplicationInstancePublicIpAddresses = ['52.18.40.7'];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DMS replication instance orders-migration is publicly accessible at 52.18.40.7.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted replication instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
