import { describe, expect, it } from 'vitest';
import { netfwMultiAzEnabled as control } from '../../../../src/controls/networkfirewall/netfw-multi-az-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::Firewall', 'protected-multi-az');
const SUBNETS = 'subnet-0a1f2e3d4c5b6a798, subnet-0b2a3f4e5d6c7b809, subnet-0c3b4a5f6e7d8c91a';

describe('netfw-multi-az-enabled', () => {
  it('compliant: endpoints in three Availability Zones', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Firewall egress-firewall is deployed in 3 Availability Zones (${SUBNETS}).`);
  });

  it('non-compliant: a single Availability Zone', () => {
    const ci = happy();
    ci.configuration.firewall.subnetMappings = [{ subnetId: 'subnet-0a1f2e3d4c5b6a798', iPAddressType: 'IPV4' }];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Firewall egress-firewall is deployed in 1 Availability Zone (subnet-0a1f2e3d4c5b6a798), fewer than 2.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant with availabilityZones=4: only three zones', () => {
    const v = verdict(control, happy(), { params: { availabilityZones: '4' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Firewall egress-firewall is deployed in 3 Availability Zones (${SUBNETS}), fewer than 4.`,
    );
  });

  it('compliant with availabilityZones=3', () => {
    expect(verdict(control, happy(), { params: { availabilityZones: 3 } }).compliance).toBe('COMPLIANT');
  });

  it('rejects a non-positive availabilityZones', () => {
    expect(() => control.parseParameters({ availabilityZones: '0' })).toThrow(/availabilityZones/);
  });

  it('not applicable: deleted firewall', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
