import type { ConfigItem } from '../../ci/config-item.js';

/** `AWS::NetworkFirewall::Firewall` configuration as AWS Config records it. */
export interface FirewallConfiguration {
  firewall: {
    firewallName?: string;
    firewallArn?: string;
    firewallId?: string;
    firewallPolicyArn?: string;
    vpcId?: string;
    deleteProtection?: boolean;
    subnetChangeProtection?: boolean;
    firewallPolicyChangeProtection?: boolean;
    subnetMappings?: { subnetId?: string; iPAddressType?: string }[];
  };
}

interface RuleGroupReference {
  resourceArn?: string;
  priority?: number;
}

/** `AWS::NetworkFirewall::FirewallPolicy` configuration as AWS Config records it. */
export interface FirewallPolicyConfiguration {
  firewallPolicy: {
    statelessDefaultActions?: string[];
    statelessFragmentDefaultActions?: string[];
    statelessRuleGroupReferences?: RuleGroupReference[];
    statefulRuleGroupReferences?: RuleGroupReference[];
    statefulDefaultActions?: string[];
  };
  firewallPolicyResponse: { firewallPolicyName?: string; firewallPolicyArn?: string };
}

/** `AWS::NetworkFirewall::RuleGroup` configuration as AWS Config records it. */
export interface RuleGroupConfiguration {
  ruleGroup: {
    rulesSource?: {
      statelessRulesAndCustomActions?: { statelessRules?: unknown[]; customActions?: unknown[] };
      statefulRules?: unknown[];
      rulesString?: string;
      rulesSourceList?: unknown;
    };
  };
  ruleGroupResponse: { ruleGroupName?: string; ruleGroupArn?: string; type?: string };
}

/** The standard stateless actions; anything else in a default-action list names a custom action. */
export const STATELESS_ACTIONS = ['aws:pass', 'aws:drop', 'aws:forward_to_sfe'] as const;

/** A readable name for annotations: the resource name when AWS Config has one, else the resource id. */
export function displayName(item: ConfigItem, name: string | undefined): string {
  return item.resourceName ?? name ?? item.resourceId;
}
