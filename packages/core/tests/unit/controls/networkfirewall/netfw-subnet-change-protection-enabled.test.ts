import { describe, expect, it } from 'vitest';
import { netfwSubnetChangeProtectionEnabled as control } from '../../../../src/controls/networkfirewall/netfw-subnet-change-protection-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::Firewall', 'protected-multi-az');

describe('netfw-subnet-change-protection-enabled', () => {
  it('compliant: subnet change protection on', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall has subnet change protection enabled.');
  });

  it('non-compliant: subnet change protection off', () => {
    const ci = happy();
    ci.configuration.firewall.subnetChangeProtection = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall has subnet change protection disabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted firewall', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
