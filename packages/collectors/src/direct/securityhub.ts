import { DescribeHubCommand, paginateGetEnabledStandards, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SecurityHubStatusFact } from '@rampart/core';
import { isNotFound } from '../errors.js';
import type { ServiceReader } from '../reader.js';

export const securityHubReader: ServiceReader = {
  service: 'securityhub',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [SecurityHubStatusFact.type],
  async read(ctx) {
    const hub = ctx.clients.get(SecurityHubClient, 'securityhub', ctx.region);
    await ctx.attempt('DescribeHub', [SecurityHubStatusFact.type], async () => {
      let described: { HubArn?: string; SubscribedAt?: string } | undefined;
      try {
        described = await hub.send(new DescribeHubCommand({}));
      } catch (error) {
        // Security Hub answers InvalidAccessException (or ResourceNotFound) in a region where it is not enabled.
        if (!isNotFound(error, ['InvalidAccessException', 'ResourceNotFoundException'])) throw error;
        ctx.fact(SecurityHubStatusFact, { enabled: false, standards: [] });
        return;
      }
      const standards: { standardsArn: string; status: string }[] = [];
      // The fact is only complete with its standards; a failure here makes the whole fact unknown.
      for await (const page of paginateGetEnabledStandards({ client: hub }, {})) {
        for (const s of page.StandardsSubscriptions ?? []) {
          standards.push({ standardsArn: s.StandardsArn ?? '', status: s.StandardsStatus ?? 'UNKNOWN' });
        }
      }
      ctx.fact(SecurityHubStatusFact, {
        enabled: true,
        hubArn: described.HubArn ?? null,
        subscribedAt: described.SubscribedAt ?? null,
        standards,
      });
    });
  },
};
