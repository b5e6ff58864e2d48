import type { ConfigItem } from '../../ci/config-item.js';

/** The fields of an `AWS::CloudTrail::Trail` configuration item the trail controls read. */
export interface TrailConfiguration {
  name: string;
  trailARN: string;
  homeRegion: string;
  isMultiRegionTrail: boolean;
  kmsKeyId: string | null;
  logFileValidationEnabled: boolean;
  cloudWatchLogsLogGroupArn: string | null;
  cloudWatchLogsRoleArn: string | null;
}

/** The trail's name, as annotations show it. */
export function trailName(item: ConfigItem): string {
  return item.config<TrailConfiguration>().name ?? item.resourceName ?? item.resourceId;
}
