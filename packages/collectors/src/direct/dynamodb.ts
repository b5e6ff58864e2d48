import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import { beanKeysShape, configObject, pick, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const TABLE = 'AWS::DynamoDB::Table';

/** The table fields AWS Config records, in the API's names (bean-shaped on output). */
const TABLE_KEYS = [
  'AttributeDefinitions',
  'TableName',
  'KeySchema',
  'TableStatus',
  'CreationDateTime',
  'ProvisionedThroughput',
  'TableSizeBytes',
  'ItemCount',
  'TableArn',
  'TableId',
  'BillingModeSummary',
  'LocalSecondaryIndexes',
  'GlobalSecondaryIndexes',
  'StreamSpecification',
  'LatestStreamLabel',
  'LatestStreamArn',
  'GlobalTableVersion',
  'Replicas',
  'RestoreSummary',
  'SSEDescription',
  'TableClassSummary',
  'DeletionProtectionEnabled',
] as const;

/**
 * DynamoDB tables (resource id: the table name) in AWS Config's bean names (`ssedescription.ssetype`,
 * `kmsmasterKeyArn`), with `supplementaryConfiguration.ContinuousBackupsDescription`.
 */
export const dynamoDbReader: ServiceReader = {
  service: 'dynamodb',
  scope: 'regional',
  resourceTypes: [TABLE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(TABLE)) return;
    const ddb = ctx.clients.get(DynamoDBClient, 'dynamodb', ctx.region);
    await ctx.attempt('ListTables', [TABLE], async () => {
      const names: string[] = [];
      for await (const page of paginateListTables({ client: ddb }, {})) names.push(...(page.TableNames ?? []));
      await ctx.limiter.map(names, async (TableName) => {
        let operation = 'DescribeTable';
        try {
          const { Table: table } = await ddb.send(new DescribeTableCommand({ TableName }));
          if (table === undefined) return;
          operation = 'DescribeContinuousBackups';
          const backups = await ddb.send(new DescribeContinuousBackupsCommand({ TableName }));
          operation = 'ListTagsOfResource';
          const tags: Tag[] = [];
          let NextToken: string | undefined;
          do {
            const out = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn, NextToken }));
            tags.push(...(out.Tags ?? []));
            NextToken = out.NextToken;
          } while (NextToken !== undefined);
          ctx.item({
            resourceType: TABLE,
            resourceId: TableName,
            resourceName: TableName,
            arn: table.TableArn,
            tags: tagMap(tags),
            configuration: beanKeysShape(pick(table, TABLE_KEYS)) as Record<string, unknown>,
            supplementaryConfiguration:
              backups.ContinuousBackupsDescription !== undefined
                ? { ContinuousBackupsDescription: configObject(backups.ContinuousBackupsDescription) }
                : {},
          });
        } catch (error) {
          ctx.fail(operation, [TABLE], error, undefined, `table ${TableName}`);
        }
      });
    });
  },
};
