import * as z from 'zod';
import { defineControl } from '../../model/control.js';
import { allowedActions, checkDefaultActions } from './default-actions.js';

export const netfwPolicyDefaultActionFullPackets = defineControl({
  id: 'netfw-policy-default-action-full-packets',
  title: 'Network Firewall policies drop or forward full packets that match no stateless rule',
  description:
    'Checks whether the stateless default action of a Network Firewall policy for full packets is one of statelessDefaultActions (default aws:forward_to_sfe or aws:drop), so unmatched packets are not passed uninspected.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03':
      'Packets that match no stateless rule go to stateful inspection or are dropped, never passed uninspected.',
  },
  references: { awsConfigRules: ['netfw-policy-default-action-full-packets'], securityHub: ['NetworkFirewall.4'] },
  trigger: 'change',
  parameters: z.strictObject({ statelessDefaultActions: allowedActions(['aws:forward_to_sfe', 'aws:drop']) }),
  remediation: {
    text: 'Set the policy stateless default action for full packets to "Forward to stateful rule groups" (aws:forward_to_sfe) or drop.',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html',
  },
  evaluate(item, ctx) {
    return checkDefaultActions(item, 'statelessDefaultActions', ctx.params.statelessDefaultActions, 'full packets');
  },
});
