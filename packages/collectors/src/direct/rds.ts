import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  type Parameter,
  paginateDescribeDBClusterParameterGroups,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBParameterGroups,
  paginateDescribeDBParameters,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import { type RdsParameterGroupTls, RdsParameterGroupTlsFact } from '@rampart/core';
import { configObject, plainShape, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const SNAPSHOT = 'AWS::RDS::DBSnapshot';
const CLUSTER_SNAPSHOT = 'AWS::RDS::DBClusterSnapshot';
const PARAMETER_GROUP_TLS = RdsParameterGroupTlsFact.type;

/** The parameters that force TLS (PostgreSQL and SQL Server; MySQL and MariaDB). */
export const TLS_PARAMETERS: readonly string[] = ['rds.force_ssl', 'require_secure_transport'];

type ParameterGroup = RdsParameterGroupTls['parameterGroups'][number];

/**
 * The TLS parameters of a group's parameter list: DescribeDB(Cluster)Parameters lists every parameter,
 * engine defaults included (`Source: engine-default`, no value when the engine sets none: `null`).
 */
export function tlsParameters(parameters: readonly Parameter[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const p of parameters) {
    if (p.ParameterName !== undefined && TLS_PARAMETERS.includes(p.ParameterName)) {
      out[p.ParameterName] = p.ParameterValue ?? null;
    }
  }
  return out;
}

/** `Rampart::RDS::ParameterGroupTls`: a group whose parameters fail to read is named and left out. */
async function readParameterGroupTls(ctx: ReaderContext, rds: RDSClient): Promise<void> {
  const groups: ParameterGroup[] = [];
  const instanceGroups = ctx.attempt('DescribeDBParameterGroups', [PARAMETER_GROUP_TLS], async () => {
    const listed = [];
    for await (const page of paginateDescribeDBParameterGroups({ client: rds }, {})) {
      listed.push(...(page.DBParameterGroups ?? []));
    }
    await ctx.limiter.map(listed, async (g) => {
      const DBParameterGroupName = g.DBParameterGroupName!;
      try {
        const parameters: Parameter[] = [];
        for await (const page of paginateDescribeDBParameters({ client: rds }, { DBParameterGroupName })) {
          parameters.push(...(page.Parameters ?? []));
        }
        groups.push({
          name: DBParameterGroupName,
          kind: 'instance',
          family: g.DBParameterGroupFamily ?? null,
          parameters: tlsParameters(parameters),
        });
      } catch (error) {
        ctx.fail(
          'DescribeDBParameters',
          [PARAMETER_GROUP_TLS],
          error,
          undefined,
          `parameter group ${DBParameterGroupName}`,
        );
      }
    });
    return true;
  });
  const clusterGroups = ctx.attempt('DescribeDBClusterParameterGroups', [PARAMETER_GROUP_TLS], async () => {
    const listed = [];
    for await (const page of paginateDescribeDBClusterParameterGroups({ client: rds }, {})) {
      listed.push(...(page.DBClusterParameterGroups ?? []));
    }
    await ctx.limiter.map(listed, async (g) => {
      const DBClusterParameterGroupName = g.DBClusterParameterGroupName!;
      try {
        const parameters: Parameter[] = [];
        for await (const page of paginateDescribeDBClusterParameters(
          { client: rds },
          { DBClusterParameterGroupName },
        )) {
          parameters.push(...(page.Parameters ?? []));
        }
        groups.push({
          name: DBClusterParameterGroupName,
          kind: 'cluster',
          family: g.DBParameterGroupFamily ?? null,
          parameters: tlsParameters(parameters),
        });
      } catch (error) {
        ctx.fail(
          'DescribeDBClusterParameters',
          [PARAMETER_GROUP_TLS],
          error,
          undefined,
          `cluster parameter group ${DBClusterParameterGroupName}`,
        );
      }
    });
    return true;
  });
  const [instances, clusters] = await Promise.all([instanceGroups, clusterGroups]);
  // Either listing failed: its collectionError leaves the fact unknown, so no partial fact is written.
  if (instances === undefined || clusters === undefined) return;
  groups.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  ctx.fact(RdsParameterGroupTlsFact, { parameterGroups: groups });
}

/**
 * AWS Config writes Aurora cluster fields with Java bean names: the leading capitals in lower case
 * (`DBClusterIdentifier` → `dbclusterIdentifier`, `IAMDatabaseAuthenticationEnabled` → `iamdatabase...`).
 */
export function beanShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(beanShape);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.replace(/^[A-Z]+/, (m) => m.toLowerCase())] = beanShape(v);
    return out;
  }
  return value;
}

const attributesOf = (list: readonly { AttributeName?: string; AttributeValues?: string[] }[] | undefined) =>
  (list ?? []).map((a) => ({ attributeName: a.AttributeName ?? null, attributeValues: a.AttributeValues ?? [] }));

function readInstances(ctx: ReaderContext, rds: RDSClient): Promise<unknown> {
  return ctx.attempt('DescribeDBInstances', [DB], async () => {
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
}

function readClusters(ctx: ReaderContext, rds: RDSClient): Promise<unknown> {
  return ctx.attempt('DescribeDBClusters', [CLUSTER], async () => {
    for await (const page of paginateDescribeDBClusters({ client: rds }, {})) {
      for (const c of page.DBClusters ?? []) {
        const configuration = beanShape(plainShape({ ...c, TagList: undefined })) as Record<string, unknown>;
        configuration['enabledCloudwatchLogsExports'] ??= [];
        ctx.item({
          resourceType: CLUSTER,
          resourceId: c.DbClusterResourceId ?? c.DBClusterIdentifier!,
          resourceName: c.DBClusterIdentifier,
          arn: c.DBClusterArn,
          tags: tagMap(c.TagList),
          configuration,
        });
      }
    }
  });
}

/** Manual and shared snapshots' restore attribute says who may restore them (`all`: public). */
function readSnapshots(ctx: ReaderContext, rds: RDSClient): Promise<unknown> {
  return ctx.attempt('DescribeDBSnapshots', [SNAPSHOT], async () => {
    const snapshots = [];
    for await (const page of paginateDescribeDBSnapshots({ client: rds }, {}))
      snapshots.push(...(page.DBSnapshots ?? []));
    await ctx.limiter.map(snapshots, async (s) => {
      const DBSnapshotIdentifier = s.DBSnapshotIdentifier!;
      try {
        const out = await rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier }));
        const configuration = configObject({ ...s, TagList: undefined });
        configuration['kmsKeyId'] ??= null;
        ctx.item({
          resourceType: SNAPSHOT,
          resourceId: DBSnapshotIdentifier,
          resourceName: DBSnapshotIdentifier,
          arn: s.DBSnapshotArn,
          tags: tagMap(s.TagList),
          configuration,
          supplementaryConfiguration: {
            DBSnapshotAttributes: attributesOf(out.DBSnapshotAttributesResult?.DBSnapshotAttributes),
          },
        });
      } catch (error) {
        ctx.fail('DescribeDBSnapshotAttributes', [SNAPSHOT], error, undefined, `snapshot ${DBSnapshotIdentifier}`);
      }
    });
  });
}

function readClusterSnapshots(ctx: ReaderContext, rds: RDSClient): Promise<unknown> {
  return ctx.attempt('DescribeDBClusterSnapshots', [CLUSTER_SNAPSHOT], async () => {
    const snapshots = [];
    for await (const page of paginateDescribeDBClusterSnapshots({ client: rds }, {})) {
      snapshots.push(...(page.DBClusterSnapshots ?? []));
    }
    await ctx.limiter.map(snapshots, async (s) => {
      const DBClusterSnapshotIdentifier = s.DBClusterSnapshotIdentifier!;
      try {
        const out = await rds.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier }));
        const configuration = beanShape(plainShape({ ...s, TagList: undefined })) as Record<string, unknown>;
        configuration['kmsKeyId'] ??= null;
        ctx.item({
          resourceType: CLUSTER_SNAPSHOT,
          resourceId: DBClusterSnapshotIdentifier,
          resourceName: DBClusterSnapshotIdentifier,
          arn: s.DBClusterSnapshotArn,
          tags: tagMap(s.TagList),
          configuration,
          supplementaryConfiguration: {
            DBClusterSnapshotAttributes: attributesOf(
              out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes,
            ),
          },
        });
      } catch (error) {
        ctx.fail(
          'DescribeDBClusterSnapshotAttributes',
          [CLUSTER_SNAPSHOT],
          error,
          undefined,
          `cluster snapshot ${DBClusterSnapshotIdentifier}`,
        );
      }
    });
  });
}

/**
 * DB instances (resource id: the `db-…` resource id), Aurora clusters (`cluster-…` resource id) and
 * DB and cluster snapshots (resource id: the snapshot identifier) with their restore attributes; and
 * `Rampart::RDS::ParameterGroupTls` (AWS Config records no parameter groups).
 */
export const rdsReader: ServiceReader = {
  service: 'rds',
  scope: 'regional',
  resourceTypes: [DB, CLUSTER, SNAPSHOT, CLUSTER_SNAPSHOT],
  factTypes: [PARAMETER_GROUP_TLS],
  async read(ctx) {
    const rds = ctx.clients.get(RDSClient, 'rds', ctx.region);
    await Promise.all([
      ctx.wants(PARAMETER_GROUP_TLS) && readParameterGroupTls(ctx, rds),
      ctx.wants(DB) && readInstances(ctx, rds),
      ctx.wants(CLUSTER) && readClusters(ctx, rds),
      ctx.wants(SNAPSHOT) && readSnapshots(ctx, rds),
      ctx.wants(CLUSTER_SNAPSHOT) && readClusterSnapshots(ctx, rds),
    ]);
  },
};
