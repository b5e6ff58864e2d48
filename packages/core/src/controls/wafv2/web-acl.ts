import type { ConfigItem } from '../../ci/config-item.js';

export interface VisibilityConfig {
  sampledRequestsEnabled?: boolean;
  cloudWatchMetricsEnabled?: boolean;
  metricName?: string;
}

/** `AWS::WAFv2::WebACL` configuration as AWS Config records it (GetWebACL's WebACL, camelCase). */
export interface WebAclConfiguration {
  name: string;
  id: string;
  aRN: string;
  defaultAction: unknown;
  rules: { name?: string; priority?: number; visibilityConfig?: VisibilityConfig }[];
  preProcessFirewallManagerRuleGroups?: { name?: string }[];
  postProcessFirewallManagerRuleGroups?: { name?: string }[];
  visibilityConfig?: VisibilityConfig;
  capacity?: number;
}

/** `AWS::WAFv2::RuleGroup` configuration as AWS Config records it. */
export interface RuleGroupConfiguration {
  name: string;
  id: string;
  aRN: string;
  capacity?: number;
  rules: { name?: string; priority?: number; visibilityConfig?: VisibilityConfig }[];
  visibilityConfig?: VisibilityConfig;
}

/** Resource ids of WAFv2 items are `<name>|<id>|<scope>`; the name reads better in annotations. */
export function wafv2Name(item: ConfigItem): string {
  return item.resourceName ?? item.config<{ name: string }>().name ?? item.resourceId.split('|')[0] ?? item.resourceId;
}

/** The ARN of a WAFv2 resource: the item's, else the one in its configuration. */
export function wafv2Arn(item: ConfigItem): string | undefined {
  const c = item.config<{ aRN: string; arn: string }>();
  return item.arn ?? c.aRN ?? c.arn;
}
