import type { ConfigItem } from '../../ci/config-item.js';

/** The fields of an `AWS::Redshift::Cluster` configuration item the Redshift controls read. */
export interface ClusterConfiguration {
  clusterIdentifier: string;
  nodeType: string;
  encrypted: boolean;
  kmsKeyId: string | null;
  publiclyAccessible: boolean;
  enhancedVpcRouting: boolean;
  allowVersionUpgrade: boolean;
  preferredMaintenanceWindow: string | null;
  automatedSnapshotRetentionPeriod: number;
  clusterParameterGroups: { parameterGroupName: string; parameterApplyStatus?: string }[] | null;
}

export interface LoggingStatus {
  loggingEnabled?: boolean;
  bucketName?: string | null;
  logDestinationType?: string | null;
}

export function clusterName(item: ConfigItem): string {
  return item.config<ClusterConfiguration>().clusterIdentifier ?? item.resourceName ?? item.resourceId;
}

export const PARAMETER_GROUP_TYPE = 'AWS::Redshift::ClusterParameterGroup';

interface Parameter {
  parameterName?: string;
  parameterValue?: string | null;
}

/**
 * Whether the cluster's parameter group sets require_ssl to true: `true`/`false`, or a string
 * saying why it cannot tell (the group is not in the input).
 */
export function requireSsl(
  item: ConfigItem,
  lookup: (name: string) => ConfigItem | undefined,
): { group: string; value: boolean } | { group: string | undefined; unknown: string } {
  const groups = item.config<ClusterConfiguration>().clusterParameterGroups ?? [];
  const group = groups[0]?.parameterGroupName;
  if (group === undefined) return { group, unknown: 'its parameter group is not recorded' };
  const pg = lookup(group);
  if (pg === undefined) return { group, unknown: `parameter group ${group} is not in the input` };
  const parameters = pg.supplementary<Parameter[]>('Parameters');
  const param = Array.isArray(parameters) ? parameters.find((p) => p.parameterName === 'require_ssl') : undefined;
  return { group, value: String(param?.parameterValue ?? 'false').toLowerCase() === 'true' };
}
