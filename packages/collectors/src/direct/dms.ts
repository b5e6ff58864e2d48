import {
  DatabaseMigrationServiceClient,
  ListTagsForResourceCommand,
  paginateDescribeReplicationInstances,
  type ReplicationInstance,
} from '@aws-sdk/client-database-migration-service';
import { pick, plainShape, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const REPLICATION_INSTANCE = 'AWS::DMS::ReplicationInstance';

const INSTANCE_KEYS = [
  'ReplicationInstanceIdentifier',
  'ReplicationInstanceClass',
  'AllocatedStorage',
  'EngineVersion',
  'AutoMinorVersionUpgrade',
  'MultiAZ',
  'AvailabilityZone',
  'PreferredMaintenanceWindow',
  'KmsKeyId',
  'PubliclyAccessible',
  'ReplicationInstancePrivateIpAddresses',
  'ReplicationInstancePublicIpAddresses',
] as const;

/** AWS Config's resource id for a replication instance: the last part of its ARN (`arn:…:rep:<ID>`). */
export function replicationInstanceId(ri: ReplicationInstance): string {
  return ri.ReplicationInstanceArn?.split(':').pop() || ri.ReplicationInstanceIdentifier!;
}

/** DMS replication instances in AWS Config's PascalCase shape (`Id`: the identifier). */
export const dmsReader: ServiceReader = {
  service: 'database-migration-service',
  scope: 'regional',
  resourceTypes: [REPLICATION_INSTANCE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(REPLICATION_INSTANCE)) return;
    const dms = ctx.clients.get(DatabaseMigrationServiceClient, 'database-migration-service', ctx.region);
    await ctx.attempt('DescribeReplicationInstances', [REPLICATION_INSTANCE], async () => {
      const instances: ReplicationInstance[] = [];
      for await (const page of paginateDescribeReplicationInstances({ client: dms }, {})) {
        instances.push(...(page.ReplicationInstances ?? []));
      }
      await ctx.limiter.map(instances, async (ri) => {
        const name = ri.ReplicationInstanceIdentifier!;
        try {
          const tags = await dms.send(new ListTagsForResourceCommand({ ResourceArn: ri.ReplicationInstanceArn }));
          ctx.item({
            resourceType: REPLICATION_INSTANCE,
            resourceId: replicationInstanceId(ri),
            resourceName: name,
            arn: ri.ReplicationInstanceArn,
            tags: tagMap(tags.TagList),
            configuration: plainShape({
              ...pick(ri, INSTANCE_KEYS),
              ReplicationInstancePrivateIpAddresses: ri.ReplicationInstancePrivateIpAddresses ?? [],
              ReplicationInstancePublicIpAddresses: ri.ReplicationInstancePublicIpAddresses ?? [],
              Id: name,
            }) as Record<string, unknown>,
          });
        } catch (error) {
          ctx.fail('ListTagsForResource', [REPLICATION_INSTANCE], error, undefined, `replication instance ${name}`);
        }
      });
    });
  },
};
