import { cloudTrailCloudWatchLogsEnabled } from './cloud-trail-cloud-watch-logs-enabled.js';
import { cloudTrailEncryptionEnabled } from './cloud-trail-encryption-enabled.js';
import { cloudTrailLogFileValidationEnabled } from './cloud-trail-log-file-validation-enabled.js';
import { cloudtrailS3DataeventsEnabled } from './cloudtrail-s3-dataevents-enabled.js';
import { cloudtrailSecurityTrailEnabled } from './cloudtrail-security-trail-enabled.js';
import { multiRegionCloudtrailEnabled } from './multi-region-cloudtrail-enabled.js';

export const CLOUDTRAIL_CONTROLS = [
  cloudTrailCloudWatchLogsEnabled,
  cloudTrailEncryptionEnabled,
  cloudTrailLogFileValidationEnabled,
  cloudtrailS3DataeventsEnabled,
  cloudtrailSecurityTrailEnabled,
  multiRegionCloudtrailEnabled,
];
