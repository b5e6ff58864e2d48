import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { configObject } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const LOG_GROUP = 'AWS::Logs::LogGroup';

/**
 * AWS Config does not record log groups, so this reader runs whatever the source; the items keep
 * DescribeLogGroups' field names, which is what the log group controls read.
 */
export const logsReader: ServiceReader = {
  service: 'logs',
  scope: 'regional',
  resourceTypes: [LOG_GROUP],
  factTypes: [],
  async read(ctx) {
    const logs = ctx.clients.get(CloudWatchLogsClient, 'logs', ctx.region);
    await ctx.attempt('DescribeLogGroups', [LOG_GROUP], async () => {
      for await (const page of paginateDescribeLogGroups({ client: logs }, {})) {
        for (const g of page.logGroups ?? []) {
          const name = g.logGroupName!;
          const configuration = configObject(g);
          configuration['retentionInDays'] ??= null;
          configuration['kmsKeyId'] ??= null;
          const arn = g.logGroupArn ?? `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;
          configuration['logGroupArn'] ??= arn;
          ctx.item({ resourceType: LOG_GROUP, resourceId: name, resourceName: name, arn, configuration });
        }
      }
    });
  },
};

/** Types AWS Config cannot record; the direct readers supply them even when the source is Config. */
export const NOT_RECORDED_BY_CONFIG: readonly string[] = [LOG_GROUP];
