import {
  DescribeDRTAccessCommand,
  DescribeSubscriptionCommand,
  GetSubscriptionStateCommand,
  paginateListProtections,
  ShieldClient,
} from '@aws-sdk/client-shield';
import { type ShieldSubscription, ShieldSubscriptionFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

/**
 * Shield Advanced is a global service whose API is in us-east-1. Without an active subscription only the
 * state is read. With one, the subscription and the SRT access must both be read (either unknown makes
 * the fact unknown); a failed ListProtections leaves `protections: null`, which the schema documents as
 * "not read", and is recorded.
 */
export const shieldReader: ServiceReader = {
  service: 'shield',
  scope: 'global',
  resourceTypes: [],
  factTypes: [ShieldSubscriptionFact.type],
  async read(ctx) {
    const region = ctx.partition === 'aws' ? 'us-east-1' : ctx.apiRegion;
    const shield = ctx.clients.get(ShieldClient, 'shield', region);
    await ctx.attempt('GetSubscriptionState', [ShieldSubscriptionFact.type], async () => {
      const state = (await shield.send(new GetSubscriptionStateCommand({}))).SubscriptionState;
      if (state !== 'ACTIVE') {
        ctx.fact(ShieldSubscriptionFact, {
          subscriptionState: 'INACTIVE',
          subscription: null,
          drtAccess: null,
          protections: null,
        });
        return;
      }
      const s = (await shield.send(new DescribeSubscriptionCommand({}))).Subscription;
      const drt = await shield.send(new DescribeDRTAccessCommand({}));
      let protections: ShieldSubscription['protections'] = null;
      try {
        const list: NonNullable<ShieldSubscription['protections']> = [];
        for await (const page of paginateListProtections({ client: shield }, {})) {
          for (const p of page.Protections ?? []) {
            if (p.ResourceArn !== undefined)
              list.push({ id: p.Id ?? '', name: p.Name ?? null, resourceArn: p.ResourceArn });
          }
        }
        protections = list;
      } catch (error) {
        ctx.fail('ListProtections', [], error, undefined);
      }
      ctx.fact(ShieldSubscriptionFact, {
        subscriptionState: 'ACTIVE',
        subscription:
          s === undefined
            ? null
            : {
                startTime: s.StartTime?.toISOString() ?? null,
                endTime: s.EndTime?.toISOString() ?? null,
                autoRenew: s.AutoRenew ?? null,
                subscriptionArn: s.SubscriptionArn ?? null,
                proactiveEngagementStatus: s.ProactiveEngagementStatus ?? null,
              },
        drtAccess: { roleArn: drt.RoleArn ?? null, logBucketList: drt.LogBucketList ?? [] },
        protections,
      });
    });
  },
};
