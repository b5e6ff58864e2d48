import { describe, expect, it } from 'vitest';
import { netfwPolicyDefaultActionFragmentPackets as control } from '../../../../src/controls/networkfirewall/netfw-policy-default-action-fragment-packets.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::FirewallPolicy', 'strict');

describe('netfw-policy-default-action-fragment-packets', () => {
  it('compliant: fragments forwarded to the stateful engine', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Firewall policy egress-inspection applies aws:forward_to_sfe to fragmented packets that match no stateless rule.',
    );
  });

  it('non-compliant: fragments passed', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessFragmentDefaultActions = ['aws:pass'];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Firewall policy egress-inspection applies aws:pass to fragmented packets that match no stateless rule, not aws:forward_to_sfe or aws:drop.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: no fragment default action recorded', () => {
    const ci = happy();
    delete ci.configuration.firewallPolicy.statelessFragmentDefaultActions;
    expect(verdict(control, ci).annotation).toBe(
      'Firewall policy egress-inspection has no standard stateless default action for fragmented packets.',
    );
  });

  it('non-compliant with statelessFragmentDefaultActions=aws:drop: forwarding is not allowed', () => {
    const v = verdict(control, happy(), { params: { statelessFragmentDefaultActions: 'aws:drop' } });
    expect(v.annotation).toBe(
      'Firewall policy egress-inspection applies aws:forward_to_sfe to fragmented packets that match no stateless rule, not aws:drop.',
    );
  });

  it('not applicable: deleted policy', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
