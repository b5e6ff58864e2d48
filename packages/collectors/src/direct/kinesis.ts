import {
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListTagsForStreamCommand,
  paginateListStreams,
  type Tag,
} from '@aws-sdk/client-kinesis';
import { plainShape, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const STREAM = 'AWS::Kinesis::Stream';

/**
 * Kinesis data streams (resource id: the stream name) in AWS Config's CloudFormation-like shape
 * (`Name`, `Arn`, `RetentionPeriodHours`, `ShardCount`, `StreamEncryption` when encrypted).
 */
export const kinesisReader: ServiceReader = {
  service: 'kinesis',
  scope: 'regional',
  resourceTypes: [STREAM],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(STREAM)) return;
    const kinesis = ctx.clients.get(KinesisClient, 'kinesis', ctx.region);
    await ctx.attempt('ListStreams', [STREAM], async () => {
      const names: string[] = [];
      for await (const page of paginateListStreams({ client: kinesis }, {})) {
        // StreamSummaries is the newer field; StreamNames still comes with it.
        for (const s of page.StreamSummaries ?? []) names.push(s.StreamName!);
        if (page.StreamSummaries === undefined) names.push(...(page.StreamNames ?? []));
      }
      await ctx.limiter.map(names, async (StreamName) => {
        let operation = 'DescribeStreamSummary';
        try {
          const { StreamDescriptionSummary: s } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }));
          operation = 'ListTagsForStream';
          const tags: Tag[] = [];
          let ExclusiveStartTagKey: string | undefined;
          for (;;) {
            const out = await kinesis.send(new ListTagsForStreamCommand({ StreamName, ExclusiveStartTagKey }));
            tags.push(...(out.Tags ?? []));
            ExclusiveStartTagKey = out.Tags?.at(-1)?.Key;
            if (out.HasMoreTags !== true || ExclusiveStartTagKey === undefined) break;
          }
          const encrypted = s?.EncryptionType !== undefined && s.EncryptionType !== 'NONE';
          ctx.item({
            resourceType: STREAM,
            resourceId: StreamName,
            resourceName: StreamName,
            arn: s?.StreamARN,
            tags: tagMap(tags),
            configuration: plainShape({
              Name: StreamName,
              Arn: s?.StreamARN,
              RetentionPeriodHours: s?.RetentionPeriodHours,
              ShardCount: s?.OpenShardCount,
              StreamEncryption: encrypted ? { EncryptionType: s.EncryptionType, KeyId: s.KeyId } : undefined,
            }) as Record<string, unknown>,
          });
        } catch (error) {
          ctx.fail(operation, [STREAM], error, undefined, `stream ${StreamName}`);
        }
      });
    });
  },
};
