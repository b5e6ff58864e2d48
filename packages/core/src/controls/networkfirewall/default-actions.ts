import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, nonCompliant, param, type Verdict } from '../../model/control.js';
import { displayName, type FirewallPolicyConfiguration, STATELESS_ACTIONS } from './network-firewall.js';

/** The managed rules' CSV of allowed standard stateless actions (at most two). */
export const allowedActions = (defaultValue: readonly string[]) =>
  param.csv(defaultValue).pipe(z.array(z.enum(STATELESS_ACTIONS)).min(1).max(2, 'select at most two actions'));

/** Shared by the full-packet and fragment default-action controls. */
export function checkDefaultActions(
  item: ConfigItem,
  field: 'statelessDefaultActions' | 'statelessFragmentDefaultActions',
  allowed: readonly string[],
  packets: string,
): Verdict {
  const config = item.config<FirewallPolicyConfiguration>();
  const name = displayName(item, config.firewallPolicyResponse?.firewallPolicyName);
  const actions = config.firewallPolicy?.[field] ?? [];
  const standard = actions.filter((a) => (STATELESS_ACTIONS as readonly string[]).includes(a));
  if (standard.length === 0) {
    return nonCompliant(`Firewall policy ${name} has no standard stateless default action for ${packets}.`);
  }
  const wrong = standard.filter((a) => !allowed.includes(a));
  if (wrong.length > 0) {
    return nonCompliant(
      `Firewall policy ${name} applies ${wrong.join(', ')} to ${packets} that match no stateless rule, not ${allowed.join(' or ')}.`,
    );
  }
  return compliant(
    `Firewall policy ${name} applies ${standard.join(', ')} to ${packets} that match no stateless rule.`,
  );
}
