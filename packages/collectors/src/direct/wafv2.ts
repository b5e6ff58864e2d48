import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { configObject } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ServiceReader } from '../reader.js';

const WEB_ACL = 'AWS::WAFv2::WebACL';

/**
 * Regional web ACLs with their logging configuration. AWS Config's resource id for a web ACL is
 * `<name>|<id>|<scope>`; CloudFront (global) web ACLs are read in us-east-1 only, so they appear when
 * us-east-1 is scanned.
 */
export const wafv2Reader: ServiceReader = {
  service: 'wafv2',
  scope: 'regional',
  resourceTypes: [WEB_ACL],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const waf = ctx.clients.get(WAFV2Client, 'wafv2', ctx.region);
    const scopes: ('REGIONAL' | 'CLOUDFRONT')[] =
      ctx.region === 'us-east-1' ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
    await Promise.all(
      scopes.map((Scope) =>
        ctx.attempt('ListWebACLs', [WEB_ACL], async () => {
          const acls: { Name: string; Id: string; ARN: string }[] = [];
          let NextMarker: string | undefined;
          do {
            const page = await waf.send(new ListWebACLsCommand({ Scope, NextMarker, Limit: 100 }));
            for (const a of page.WebACLs ?? []) acls.push({ Name: a.Name!, Id: a.Id!, ARN: a.ARN! });
            NextMarker = page.WebACLs?.length ? page.NextMarker : undefined;
          } while (NextMarker !== undefined);
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
        }),
      ),
    );
  },
};
