import { describe, expect, it } from 'vitest';
import { netfwDeletionProtectionEnabled as control } from '../../../../src/controls/networkfirewall/netfw-deletion-protection-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::Firewall', 'protected-multi-az');

describe('netfw-deletion-protection-enabled', () => {
  it('compliant: deletion protection on', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall has deletion protection enabled.');
    expect(v.resourceId).toBe('arn:aws:network-firewall:eu-west-1:123456789012:firewall/egress-firewall');
  });

  it('non-compliant: deletion protection off', () => {
    const ci = happy();
    ci.configuration.firewall.deleteProtection = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall has deletion protection disabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted firewall', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
