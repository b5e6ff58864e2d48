import {
  DescribeFirewallCommand,
  DescribeFirewallPolicyCommand,
  DescribeLoggingConfigurationCommand,
  DescribeRuleGroupCommand,
  NetworkFirewallClient,
  paginateListFirewallPolicies,
  paginateListFirewalls,
  paginateListRuleGroups,
} from '@aws-sdk/client-network-firewall';
import { type NetworkFirewallLogging, NetworkFirewallLoggingFact } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const FIREWALL = 'AWS::NetworkFirewall::Firewall';
const POLICY = 'AWS::NetworkFirewall::FirewallPolicy';
const RULE_GROUP = 'AWS::NetworkFirewall::RuleGroup';

/** Lists ARNs, then describes each within the service's concurrency bound; one failure names its resource. */
async function describeEach(
  ctx: ReaderContext,
  type: string,
  operation: string,
  arns: readonly string[],
  describe: (arn: string) => Promise<void>,
): Promise<void> {
  await ctx.limiter.map(arns, async (arn) => {
    try {
      await describe(arn);
    } catch (error) {
      ctx.fail(operation, [type], error, undefined, arn);
    }
  });
}

const nameOf = (arn: string) => arn.split('/').pop() ?? arn;

/** AWS Config uses the ARN as resource id for the three Network Firewall types. */
export const networkFirewallReader: ServiceReader = {
  service: 'network-firewall',
  scope: 'regional',
  resourceTypes: [FIREWALL, POLICY, RULE_GROUP],
  factTypes: [NetworkFirewallLoggingFact.type],
  async read(ctx) {
    const nf = ctx.clients.get(NetworkFirewallClient, 'network-firewall', ctx.region);
    const wantsLogging = ctx.wants(NetworkFirewallLoggingFact.type);
    const firewallTypes = [
      ...(ctx.wants(FIREWALL) ? [FIREWALL] : []),
      ...(wantsLogging ? [NetworkFirewallLoggingFact.type] : []),
    ];
    await Promise.all([
      firewallTypes.length > 0 &&
        ctx.attempt('ListFirewalls', firewallTypes, async () => {
          const arns: string[] = [];
          for await (const page of paginateListFirewalls({ client: nf }, {})) {
            for (const f of page.Firewalls ?? []) arns.push(f.FirewallArn!);
          }
          if (wantsLogging) {
            // One firewall's logging unknown makes the fact unknown: a missing firewall would read as "not logging".
            await ctx.attempt('DescribeLoggingConfiguration', [NetworkFirewallLoggingFact.type], async () => {
              const firewalls: NetworkFirewallLogging['firewalls'] = await ctx.limiter.map(
                arns,
                async (FirewallArn) => {
                  const out = await nf.send(new DescribeLoggingConfigurationCommand({ FirewallArn }));
                  return {
                    firewallArn: FirewallArn,
                    logDestinationConfigs: (out.LoggingConfiguration?.LogDestinationConfigs ?? []).map((d) => ({
                      logType: d.LogType ?? 'UNKNOWN',
                      logDestinationType: d.LogDestinationType ?? 'UNKNOWN',
                      logDestination: d.LogDestination ?? {},
                    })),
                  };
                },
              );
              ctx.fact(NetworkFirewallLoggingFact, { firewalls });
            });
          }
          if (!ctx.wants(FIREWALL)) return;
          await describeEach(ctx, FIREWALL, 'DescribeFirewall', arns, async (FirewallArn) => {
            const { Firewall } = await nf.send(new DescribeFirewallCommand({ FirewallArn }));
            ctx.item({
              resourceType: FIREWALL,
              resourceId: FirewallArn,
              resourceName: Firewall?.FirewallName ?? nameOf(FirewallArn),
              arn: FirewallArn,
              tags: tagMap(Firewall?.Tags),
              configuration: { firewall: configObject(Firewall) },
            });
          });
        }),
      ctx.wants(POLICY) &&
        ctx.attempt('ListFirewallPolicies', [POLICY], async () => {
          const arns: string[] = [];
          for await (const page of paginateListFirewallPolicies({ client: nf }, {})) {
            for (const p of page.FirewallPolicies ?? []) arns.push(p.Arn!);
          }
          await describeEach(ctx, POLICY, 'DescribeFirewallPolicy', arns, async (FirewallPolicyArn) => {
            const out = await nf.send(new DescribeFirewallPolicyCommand({ FirewallPolicyArn }));
            ctx.item({
              resourceType: POLICY,
              resourceId: FirewallPolicyArn,
              resourceName: out.FirewallPolicyResponse?.FirewallPolicyName ?? nameOf(FirewallPolicyArn),
              arn: FirewallPolicyArn,
              tags: tagMap(out.FirewallPolicyResponse?.Tags),
              configuration: {
                firewallPolicy: configObject(out.FirewallPolicy),
                firewallPolicyResponse: configObject(out.FirewallPolicyResponse),
              },
            });
          });
        }),
      ctx.wants(RULE_GROUP) &&
        ctx.attempt('ListRuleGroups', [RULE_GROUP], async () => {
          const arns: string[] = [];
          for await (const page of paginateListRuleGroups({ client: nf }, { Scope: 'ACCOUNT' })) {
            for (const g of page.RuleGroups ?? []) arns.push(g.Arn!);
          }
          await describeEach(ctx, RULE_GROUP, 'DescribeRuleGroup', arns, async (RuleGroupArn) => {
            const out = await nf.send(new DescribeRuleGroupCommand({ RuleGroupArn }));
            ctx.item({
              resourceType: RULE_GROUP,
              resourceId: RuleGroupArn,
              resourceName: out.RuleGroupResponse?.RuleGroupName ?? nameOf(RuleGroupArn),
              arn: RuleGroupArn,
              tags: tagMap(out.RuleGroupResponse?.Tags),
              configuration: {
                ruleGroup: configObject(out.RuleGroup),
                ruleGroupResponse: configObject(out.RuleGroupResponse),
              },
            });
          });
        }),
    ]);
  },
};
