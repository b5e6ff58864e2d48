import { netfwDeletionProtectionEnabled } from './netfw-deletion-protection-enabled.js';
import { netfwLoggingEnabled } from './netfw-logging-enabled.js';
import { netfwMultiAzEnabled } from './netfw-multi-az-enabled.js';
import { netfwPolicyDefaultActionFragmentPackets } from './netfw-policy-default-action-fragment-packets.js';
import { netfwPolicyDefaultActionFullPackets } from './netfw-policy-default-action-full-packets.js';
import { netfwPolicyRuleGroupAssociated } from './netfw-policy-rule-group-associated.js';
import { netfwStatelessRuleGroupNotEmpty } from './netfw-stateless-rule-group-not-empty.js';
import { netfwSubnetChangeProtectionEnabled } from './netfw-subnet-change-protection-enabled.js';

export const NETWORKFIREWALL_CONTROLS = [
  netfwDeletionProtectionEnabled,
  netfwLoggingEnabled,
  netfwMultiAzEnabled,
  netfwPolicyDefaultActionFragmentPackets,
  netfwPolicyDefaultActionFullPackets,
  netfwPolicyRuleGroupAssociated,
  netfwStatelessRuleGroupNotEmpty,
  netfwSubnetChangeProtectionEnabled,
];
