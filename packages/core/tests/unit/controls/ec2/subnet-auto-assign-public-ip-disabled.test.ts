import { describe, expect, it } from 'vitest';
import { subnetAutoAssignPublicIpDisabled as control } from '../../../../src/controls/ec2/subnet-auto-assign-public-ip-disabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::Subnet', 'private');
const SUBNET = 'subnet-0a1f2e3d4c5b6a798';

describe('subnet-auto-assign-public-ip-disabled', () => {
  it('compliant: no automatic public IPv4 address', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Subnet ${SUBNET} does not assign public IPv4 addresses automatically.`);
  });

  it('non-compliant: MapPublicIpOnLaunch is on', () => {
    const ci = happy();
    ci.configuration.mapPublicIpOnLaunch = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Subnet ${SUBNET} assigns a public IPv4 address to instances launched in it.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted subnet', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
