import { describe, expect, it } from 'vitest';
import { netfwPolicyDefaultActionFullPackets as control } from '../../../../src/controls/networkfirewall/netfw-policy-default-action-full-packets.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::NetworkFirewall::FirewallPolicy', 'strict');

describe('netfw-policy-default-action-full-packets', () => {
  it('compliant: full packets forwarded to the stateful engine', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Firewall policy egress-inspection applies aws:forward_to_sfe to full packets that match no stateless rule.',
    );
  });

  it('non-compliant: full packets passed', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessDefaultActions = ['aws:pass', 'MetricsAction'];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Firewall policy egress-inspection applies aws:pass to full packets that match no stateless rule, not aws:forward_to_sfe or aws:drop.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: no standard default action', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessDefaultActions = [];
    expect(verdict(control, ci).annotation).toBe(
      'Firewall policy egress-inspection has no standard stateless default action for full packets.',
    );
  });

  it('compliant: drop with a custom metrics action alongside', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessDefaultActions = ['aws:drop', 'MetricsAction'];
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with statelessDefaultActions=aws:drop: forwarding is not allowed', () => {
    const v = verdict(control, happy(), { params: { statelessDefaultActions: 'aws:drop' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
  });

  it('compliant with statelessDefaultActions=aws:pass', () => {
    const ci = happy();
    ci.configuration.firewallPolicy.statelessDefaultActions = ['aws:pass'];
    expect(verdict(control, ci, { params: { statelessDefaultActions: 'aws:pass' } }).compliance).toBe('COMPLIANT');
  });

  it('rejects unknown or too many actions', () => {
    expect(() => control.parseParameters({ statelessDefaultActions: 'aws:reject' })).toThrow(/statelessDefaultActions/);
    expect(() => control.parseParameters({ statelessDefaultActions: 'aws:pass,aws:drop,aws:forward_to_sfe' })).toThrow(
      /at most two/,
    );
  });

  it('not applicable: deleted policy', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
