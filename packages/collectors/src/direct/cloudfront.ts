import {
  CloudFrontClient,
  GetDistributionCommand,
  ListTagsForResourceCommand,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import { GLOBAL_REGION } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const DISTRIBUTION = 'AWS::CloudFront::Distribution';

/** AWS Config's spellings where camelCase of the API name differs (`aRN` → `arn`, `aCMCertificateArn` → ...). */
const NAMES: Readonly<Record<string, string>> = {
  aRN: 'arn',
  aCMCertificateArn: 'acmCertificateArn',
  sSLSupportMethod: 'sslSupportMethod',
  iAMCertificateId: 'iamCertificateId',
};

function rename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rename);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[NAMES[k] ?? k] = rename(v);
    return out;
  }
  return value;
}

/** Distributions are global: recorded in region `global`, read through the API in us-east-1. */
export const cloudFrontReader: ServiceReader = {
  service: 'cloudfront',
  scope: 'global',
  resourceTypes: [DISTRIBUTION],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(DISTRIBUTION)) return;
    const cf = ctx.clients.get(CloudFrontClient, 'cloudfront', ctx.partition === 'aws' ? 'us-east-1' : ctx.apiRegion);
    await ctx.attempt('ListDistributions', [DISTRIBUTION], async () => {
      const ids: string[] = [];
      for await (const page of paginateListDistributions({ client: cf }, {})) {
        for (const d of page.DistributionList?.Items ?? []) ids.push(d.Id!);
      }
      await ctx.limiter.map(ids, async (Id) => {
        try {
          const d = (await cf.send(new GetDistributionCommand({ Id }))).Distribution;
          const tags = (await cf.send(new ListTagsForResourceCommand({ Resource: d?.ARN }))).Tags?.Items;
          const configuration = rename(
            configObject({ ...d, ActiveTrustedSigners: undefined, ActiveTrustedKeyGroups: undefined }),
          ) as Record<string, unknown>;
          ctx.item(
            { resourceType: DISTRIBUTION, resourceId: Id, arn: d?.ARN, tags: tagMap(tags), configuration },
            GLOBAL_REGION,
          );
        } catch (error) {
          ctx.fail('GetDistribution', [DISTRIBUTION], error, undefined, `distribution ${Id}`);
        }
      });
    });
  },
};
