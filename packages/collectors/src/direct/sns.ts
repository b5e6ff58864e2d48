import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import { tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const TOPIC = 'AWS::SNS::Topic';

/** AWS Config records an SNS topic's attributes under their API names (`TopicArn`, `KmsMasterKeyId`). */
export const snsReader: ServiceReader = {
  service: 'sns',
  scope: 'regional',
  resourceTypes: [TOPIC],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const sns = ctx.clients.get(SNSClient, 'sns', ctx.region);
    await ctx.attempt('ListTopics', [TOPIC], async () => {
      const arns: string[] = [];
      for await (const page of paginateListTopics({ client: sns }, {}))
        for (const t of page.Topics ?? []) arns.push(t.TopicArn!);
      await ctx.limiter.map(arns, async (TopicArn) => {
        try {
          const attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes ?? {};
          const tags = (await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags;
          ctx.item({
            resourceType: TOPIC,
            resourceId: TopicArn,
            resourceName: TopicArn.split(':').pop(),
            arn: TopicArn,
            tags: tagMap(tags),
            configuration: { ...attributes, KmsMasterKeyId: attributes['KmsMasterKeyId'] ?? null },
          });
        } catch (error) {
          ctx.fail('GetTopicAttributes', [TOPIC], error, undefined, `topic ${TopicArn}`);
        }
      });
    });
  },
};
