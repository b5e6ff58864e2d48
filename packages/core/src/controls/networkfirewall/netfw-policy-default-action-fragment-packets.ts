import * as z from 'zod';
import { defineControl } from '../../model/control.js';
import { allowedActions, checkDefaultActions } from './default-actions.js';

export const netfwPolicyDefaultActionFragmentPackets = defineControl({
  id: 'netfw-policy-default-action-fragment-packets',
  title: 'Network Firewall policies drop or forward fragmented packets that match no stateless rule',
  description:
    'Checks whether the stateless default action of a Network Firewall policy for fragmented packets is one of statelessFragmentDefaultActions (default aws:forward_to_sfe or aws:drop), so unmatched fragments are not passed uninspected.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03':
      'Fragments that match no stateless rule go to stateful inspection or are dropped, never passed uninspected.',
  },
  references: {
    awsConfigRules: ['netfw-policy-default-action-fragment-packets'],
    securityHub: ['NetworkFirewall.5'],
  },
  trigger: 'change',
  parameters: z.strictObject({
    statelessFragmentDefaultActions: allowedActions(['aws:forward_to_sfe', 'aws:drop']),
  }),
  remediation: {
    text: 'Set the policy stateless default action for fragmented packets to "Forward to stateful rule groups" (aws:forward_to_sfe) or drop.',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html',
  },
  evaluate(item, ctx) {
    return checkDefaultActions(
      item,
      'statelessFragmentDefaultActions',
      ctx.params.statelessFragmentDefaultActions,
      'fragmented packets',
    );
  },
});
