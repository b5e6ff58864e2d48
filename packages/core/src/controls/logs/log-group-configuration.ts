import type { ConfigItem } from '../../ci/config-item.js';

/**
 * The fields of an `AWS::Logs::LogGroup` item the log group controls read. AWS Config does not
 * record log groups, so these items come from Rampart's collector (logs:DescribeLogGroups, whose
 * field names they keep); the managed rules are periodic for the same reason.
 */
export interface LogGroupConfiguration {
  logGroupName: string;
  /** Days events are kept; absent when the log group never expires events. */
  retentionInDays: number | null;
  /** ARN of the KMS key that encrypts the log group; absent for the service-owned key. */
  kmsKeyId: string | null;
  logGroupArn: string;
  logGroupClass: string;
}

export function logGroupName(item: ConfigItem): string {
  return item.config<LogGroupConfiguration>().logGroupName ?? item.resourceName ?? item.resourceId;
}
