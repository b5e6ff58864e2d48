import {
  DescribeLoggingStatusCommand,
  type Parameter,
  paginateDescribeClusterParameterGroups,
  paginateDescribeClusterParameters,
  paginateDescribeClusters,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { configObject, configShape, pick, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const CLUSTER = 'AWS::Redshift::Cluster';
const PARAMETER_GROUP = 'AWS::Redshift::ClusterParameterGroup';

/** The parameter fields AWS Config records (`minimumEngineVersion` is not one). */
const PARAMETER_KEYS = [
  'ParameterName',
  'ParameterValue',
  'Description',
  'Source',
  'DataType',
  'AllowedValues',
  'ApplyType',
  'IsModifiable',
] as const;

function readClusters(ctx: ReaderContext, redshift: RedshiftClient): Promise<unknown> {
  return ctx.attempt('DescribeClusters', [CLUSTER], async () => {
    const clusters = [];
    for await (const page of paginateDescribeClusters({ client: redshift }, {}))
      clusters.push(...(page.Clusters ?? []));
    await ctx.limiter.map(clusters, async (c) => {
      const id = c.ClusterIdentifier!;
      let logging: Record<string, unknown>;
      try {
        const out = await redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id }));
        logging = configObject(out);
      } catch (error) {
        ctx.fail('DescribeLoggingStatus', [CLUSTER], error, undefined, `cluster ${id}`);
        return;
      }
      const configuration = configObject({ ...c, Tags: undefined });
      configuration['kmsKeyId'] ??= null;
      ctx.item({
        resourceType: CLUSTER,
        resourceId: id,
        resourceName: id,
        arn: `arn:${ctx.partition}:redshift:${ctx.region}:${ctx.accountId}:cluster:${id}`,
        tags: tagMap(c.Tags),
        configuration,
        supplementaryConfiguration: { LoggingStatus: logging },
      });
    });
  });
}

/** Every parameter group, the default ones included: a cluster on `default.redshift-1.0` is judged on it. */
function readParameterGroups(ctx: ReaderContext, redshift: RedshiftClient): Promise<unknown> {
  return ctx.attempt('DescribeClusterParameterGroups', [PARAMETER_GROUP], async () => {
    const groups = [];
    for await (const page of paginateDescribeClusterParameterGroups({ client: redshift }, {})) {
      groups.push(...(page.ParameterGroups ?? []));
    }
    await ctx.limiter.map(groups, async (g) => {
      const name = g.ParameterGroupName!;
      const parameters: Parameter[] = [];
      try {
        for await (const page of paginateDescribeClusterParameters(
          { client: redshift },
          { ParameterGroupName: name },
        )) {
          parameters.push(...(page.Parameters ?? []));
        }
      } catch (error) {
        ctx.fail('DescribeClusterParameters', [PARAMETER_GROUP], error, undefined, `parameter group ${name}`);
        return;
      }
      ctx.item({
        resourceType: PARAMETER_GROUP,
        resourceId: name,
        resourceName: name,
        arn: `arn:${ctx.partition}:redshift:${ctx.region}:${ctx.accountId}:parametergroup:${name}`,
        tags: tagMap(g.Tags),
        configuration: configObject(pick(g, ['ParameterGroupName', 'ParameterGroupFamily', 'Description'])),
        supplementaryConfiguration: { Parameters: parameters.map((p) => configShape(pick(p, PARAMETER_KEYS))) },
      });
    });
  });
}

/**
 * Redshift provisioned clusters (resource id: the cluster identifier) with `supplementaryConfiguration.LoggingStatus`,
 * and cluster parameter groups (resource id: the name) with `supplementaryConfiguration.Parameters`.
 */
export const redshiftReader: ServiceReader = {
  service: 'redshift',
  scope: 'regional',
  resourceTypes: [CLUSTER, PARAMETER_GROUP],
  factTypes: [],
  async read(ctx) {
    const redshift = ctx.clients.get(RedshiftClient, 'redshift', ctx.region);
    await Promise.all([
      ctx.wants(CLUSTER) && readClusters(ctx, redshift),
      ctx.wants(PARAMETER_GROUP) && readParameterGroups(ctx, redshift),
    ]);
  },
};
