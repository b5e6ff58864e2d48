import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { paginateListSubscriptionsByTopic, SNSClient } from '@aws-sdk/client-sns';
import { type EventsAlertingRules, EventsAlertingRulesFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

const SNS_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):/;

/**
 * Rules of the default event bus with their targets, and the subscriptions of every SNS topic a rule
 * targets (read in the topic's region). A topic whose subscriptions cannot be read makes the whole fact
 * unknown: leaving it out would read as "nobody is subscribed".
 */
export const eventsReader: ServiceReader = {
  service: 'eventbridge',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [EventsAlertingRulesFact.type],
  async read(ctx) {
    const events = ctx.clients.get(EventBridgeClient, 'eventbridge', ctx.region);
    await ctx.attempt('ListRules', [EventsAlertingRulesFact.type], async () => {
      const listed: { Name: string; Arn: string; State: string; EventPattern: string | null }[] = [];
      let NextToken: string | undefined;
      do {
        const page = await events.send(new ListRulesCommand({ EventBusName: 'default', NextToken, Limit: 100 }));
        for (const r of page.Rules ?? []) {
          listed.push({
            Name: r.Name!,
            Arn: r.Arn ?? '',
            State: r.State ?? 'DISABLED',
            EventPattern: r.EventPattern ?? null,
          });
        }
        NextToken = page.NextToken;
      } while (NextToken !== undefined);
      const rules: EventsAlertingRules['rules'] = await ctx.limiter.map(listed, async (r) => {
        const targets: { id: string; arn: string }[] = [];
        let token: string | undefined;
        do {
          const page = await events.send(
            new ListTargetsByRuleCommand({ Rule: r.Name, EventBusName: 'default', NextToken: token, Limit: 100 }),
          );
          for (const t of page.Targets ?? []) targets.push({ id: t.Id ?? '', arn: t.Arn ?? '' });
          token = page.NextToken;
        } while (token !== undefined);
        return {
          name: r.Name,
          arn: r.Arn,
          eventBusName: 'default',
          state: r.State,
          eventPattern: r.EventPattern,
          targets,
        };
      });
      const topicArns = [...new Set(rules.flatMap((r) => r.targets.map((t) => t.arn)).filter((a) => SNS_ARN.test(a)))];
      const topics = await ctx.limiter.map(topicArns.sort(), async (TopicArn) => {
        const region = SNS_ARN.exec(TopicArn)?.[1] ?? ctx.region;
        const sns = ctx.clients.get(SNSClient, 'sns', region);
        const subscriptions: EventsAlertingRules['topics'][number]['subscriptions'] = [];
        for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn })) {
          for (const s of page.Subscriptions ?? []) {
            subscriptions.push({
              subscriptionArn: s.SubscriptionArn ?? 'PendingConfirmation',
              protocol: s.Protocol ?? 'unknown',
              endpoint: s.Endpoint ?? null,
            });
          }
        }
        return { topicArn: TopicArn, subscriptions };
      });
      ctx.fact(EventsAlertingRulesFact, { rules, topics });
    });
  },
};
