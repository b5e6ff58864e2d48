import { paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import { configObject, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const DB = 'AWS::RDS::DBInstance';

/** AWS Config's resource id for a DB instance is its `db-…` resource id; the identifier is the name. */
export const rdsReader: ServiceReader = {
  service: 'rds',
  scope: 'regional',
  resourceTypes: [DB],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const rds = ctx.clients.get(RDSClient, 'rds', ctx.region);
    await ctx.attempt('DescribeDBInstances', [DB], async () => {
      for await (const page of paginateDescribeDBInstances({ client: rds }, {})) {
        for (const db of page.DBInstances ?? []) {
          const configuration = configObject({ ...db, TagList: undefined });
          configuration['kmsKeyId'] ??= null;
          ctx.item({
            resourceType: DB,
            resourceId: db.DbiResourceId ?? db.DBInstanceIdentifier!,
            resourceName: db.DBInstanceIdentifier,
            arn: db.DBInstanceArn,
            tags: tagMap(db.TagList),
            configuration,
          });
        }
      }
    });
  },
};
