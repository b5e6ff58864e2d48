import { paginateListInstances, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { type SsoInstances, SsoInstancesFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

/**
 * IAM Identity Center lives in one region, which the account does not announce: every scanned region
 * (and the home region) is asked, and each instance keeps the region it was found in. An instance in a
 * region outside the scan is not seen; the control also recognises Identity Center by its roles.
 */
export const ssoReader: ServiceReader = {
  service: 'sso-admin',
  scope: 'global',
  resourceTypes: [],
  factTypes: [SsoInstancesFact.type],
  async read(ctx) {
    const regions = [...new Set([ctx.apiRegion, ...ctx.regions])].sort();
    await ctx.attempt('ListInstances', [SsoInstancesFact.type], async () => {
      const found = await Promise.all(
        regions.map(async (region) => {
          const sso = ctx.clients.get(SSOAdminClient, 'sso-admin', region);
          const instances: SsoInstances['instances'] = [];
          for await (const page of paginateListInstances({ client: sso }, {})) {
            for (const i of page.Instances ?? []) {
              instances.push({
                instanceArn: i.InstanceArn ?? '',
                identityStoreId: i.IdentityStoreId ?? null,
                ownerAccountId: i.OwnerAccountId ?? null,
                name: i.Name ?? null,
                status: i.Status ?? 'ACTIVE',
                region,
              });
            }
          }
          return instances;
        }),
      );
      ctx.fact(SsoInstancesFact, { instances: found.flat() });
    });
  },
};
