import {
  GetLoggingConfigurationCommand,
  GetRuleGroupCommand,
  GetWebACLCommand,
  ListLoggingConfigurationsCommand,
  ListResourcesForWebACLCommand,
  ListRuleGroupsCommand,
  ListWebACLsCommand,
  type ResourceType,
  type Scope,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import {
  type Wafv2LoggingConfigurations,
  Wafv2LoggingConfigurationsFact,
  type WafWebAclAssociations,
  WafWebAclAssociationsFact,
} from '@rampart/core';
import { configObject } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const WEB_ACL = 'AWS::WAFv2::WebACL';
const RULE_GROUP = 'AWS::WAFv2::RuleGroup';

/** The regional resource kinds a web ACL can protect that the associations fact lists. */
const ASSOCIATED_TYPES: readonly ResourceType[] = ['APPLICATION_LOAD_BALANCER', 'API_GATEWAY'];

type Listed = { Name: string; Id: string; ARN: string };

/** WAFv2 list calls page with NextMarker; the last page repeats a marker with an empty list in some implementations. */
async function listAll(
  page: (NextMarker: string | undefined) => Promise<{ items: Listed[]; next: string | undefined }>,
): Promise<Listed[]> {
  const out: Listed[] = [];
  let marker: string | undefined;
  do {
    const { items, next } = await page(marker);
    out.push(...items);
    marker = items.length > 0 ? next : undefined;
  } while (marker !== undefined);
  return out;
}

const listed = (l: { Name?: string; Id?: string; ARN?: string }): Listed => ({ Name: l.Name!, Id: l.Id!, ARN: l.ARN! });

function scopesOf(ctx: ReaderContext): Scope[] {
  // CloudFront (global) web ACLs and rule groups live in us-east-1 only.
  return ctx.region === 'us-east-1' ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
}

async function readWebAcls(ctx: ReaderContext, waf: WAFV2Client, Scope: Scope): Promise<void> {
  await ctx.attempt('ListWebACLs', [WEB_ACL], async () => {
    const acls = await listAll(async (NextMarker) => {
      const page = await waf.send(new ListWebACLsCommand({ Scope, NextMarker, Limit: 100 }));
      return { items: (page.WebACLs ?? []).map(listed), next: page.NextMarker };
    });
    await ctx.limiter.map(acls, async (a) => {
      try {
        const acl = (await waf.send(new GetWebACLCommand({ Scope, Name: a.Name, Id: a.Id }))).WebACL;
        let logging: Record<string, unknown> | null = null;
        try {
          logging = configObject(
            (await waf.send(new GetLoggingConfigurationCommand({ ResourceArn: a.ARN }))).LoggingConfiguration,
          );
        } catch (error) {
          if (!isNotFound(error, ['WAFNonexistentItemException'])) throw error;
        }
        ctx.item({
          resourceType: WEB_ACL,
          resourceId: `${a.Name}|${a.Id}|${Scope}`,
          resourceName: a.Name,
          arn: a.ARN,
          configuration: { ...configObject(acl), scope: Scope },
          supplementaryConfiguration: { LoggingConfiguration: logging },
        });
      } catch (error) {
        ctx.fail('GetWebACL', [WEB_ACL], error, undefined, `web ACL ${a.Name}`);
      }
    });
  });
}

async function readRuleGroups(ctx: ReaderContext, waf: WAFV2Client, Scope: Scope): Promise<void> {
  await ctx.attempt('ListRuleGroups', [RULE_GROUP], async () => {
    const groups = await listAll(async (NextMarker) => {
      const page = await waf.send(new ListRuleGroupsCommand({ Scope, NextMarker, Limit: 100 }));
      return { items: (page.RuleGroups ?? []).map(listed), next: page.NextMarker };
    });
    await ctx.limiter.map(groups, async (g) => {
      try {
        const group = (await waf.send(new GetRuleGroupCommand({ Scope, Name: g.Name, Id: g.Id }))).RuleGroup;
        const configuration = configObject(group);
        configuration['rules'] ??= [];
        ctx.item({
          resourceType: RULE_GROUP,
          resourceId: `${g.Name}|${g.Id}|${Scope}`,
          resourceName: g.Name,
          arn: g.ARN,
          configuration,
        });
      } catch (error) {
        ctx.fail('GetRuleGroup', [RULE_GROUP], error, undefined, `rule group ${g.Name}`);
      }
    });
  });
}

/**
 * Regional web ACLs and the resources each protects. WAF Classic regional (waf-regional) web ACLs are
 * not read: AWS WAF Classic reached end of support on 2025-09-30 and its SDK v3 client
 * (@aws-sdk/client-waf-regional, last 3.668.0) does not support Node 20 as this project requires.
 */
async function associations(ctx: ReaderContext, waf: WAFV2Client): Promise<WafWebAclAssociations> {
  const acls = await listAll(async (NextMarker) => {
    const page = await waf.send(new ListWebACLsCommand({ Scope: 'REGIONAL', NextMarker, Limit: 100 }));
    return { items: (page.WebACLs ?? []).map(listed), next: page.NextMarker };
  });
  const webAcls = await ctx.limiter.map(acls, async (a) => {
    const resourceArns: string[] = [];
    for (const ResourceType of ASSOCIATED_TYPES) {
      const out = await waf.send(new ListResourcesForWebACLCommand({ WebACLArn: a.ARN, ResourceType }));
      resourceArns.push(...(out.ResourceArns ?? []));
    }
    return { service: 'wafv2' as const, id: a.Id, name: a.Name, arn: a.ARN, resourceArns };
  });
  return { webAcls };
}

async function loggingConfigurations(ctx: ReaderContext, waf: WAFV2Client): Promise<Wafv2LoggingConfigurations> {
  const loggingConfigurations: Wafv2LoggingConfigurations['loggingConfigurations'] = [];
  for (const Scope of scopesOf(ctx)) {
    let NextMarker: string | undefined;
    do {
      const page = await waf.send(new ListLoggingConfigurationsCommand({ Scope, NextMarker, Limit: 100 }));
      const configs = page.LoggingConfigurations ?? [];
      for (const c of configs) {
        loggingConfigurations.push({
          resourceArn: c.ResourceArn ?? '',
          logDestinationConfigs: c.LogDestinationConfigs ?? [],
          managedByFirewallManager: c.ManagedByFirewallManager ?? null,
        });
      }
      NextMarker = configs.length > 0 ? page.NextMarker : undefined;
    } while (NextMarker !== undefined);
  }
  return { loggingConfigurations };
}

/**
 * Web ACLs (with their logging configuration) and rule groups, AWS Config's resource id being
 * `<name>|<id>|<scope>`; CloudFront-scope ones appear when us-east-1 is scanned. Two facts: which
 * resources each regional web ACL protects, and the region's logging configurations.
 */
export const wafv2Reader: ServiceReader = {
  service: 'wafv2',
  scope: 'regional',
  resourceTypes: [WEB_ACL, RULE_GROUP],
  factTypes: [WafWebAclAssociationsFact.type, Wafv2LoggingConfigurationsFact.type],
  async read(ctx) {
    const waf = ctx.clients.get(WAFV2Client, 'wafv2', ctx.region);
    const reads: Promise<unknown>[] = [];
    for (const Scope of scopesOf(ctx)) {
      if (ctx.wants(WEB_ACL)) reads.push(readWebAcls(ctx, waf, Scope));
      if (ctx.wants(RULE_GROUP)) reads.push(readRuleGroups(ctx, waf, Scope));
    }
    if (ctx.wants(WafWebAclAssociationsFact.type)) {
      reads.push(
        ctx.attempt('ListResourcesForWebACL', [WafWebAclAssociationsFact.type], async () =>
          ctx.fact(WafWebAclAssociationsFact, await associations(ctx, waf)),
        ),
      );
    }
    if (ctx.wants(Wafv2LoggingConfigurationsFact.type)) {
      reads.push(
        ctx.attempt('ListLoggingConfigurations', [Wafv2LoggingConfigurationsFact.type], async () =>
          ctx.fact(Wafv2LoggingConfigurationsFact, await loggingConfigurations(ctx, waf)),
        ),
      );
    }
    await Promise.all(reads);
  },
};
