import { guarddutyEksProtectionAuditEnabled } from './guardduty-eks-protection-audit-enabled.js';
import { guarddutyEnabledCentralized } from './guardduty-enabled-centralized.js';
import { guarddutyLambdaProtectionEnabled } from './guardduty-lambda-protection-enabled.js';
import { guarddutyMalwareProtectionEnabled } from './guardduty-malware-protection-enabled.js';
import { guarddutyNonArchivedFindings } from './guardduty-non-archived-findings.js';
import { guarddutyRdsProtectionEnabled } from './guardduty-rds-protection-enabled.js';
import { guarddutyRuntimeMonitoringEnabled } from './guardduty-runtime-monitoring-enabled.js';
import { guarddutyS3ProtectionEnabled } from './guardduty-s3-protection-enabled.js';

export const GUARDDUTY_CONTROLS = [
  guarddutyEksProtectionAuditEnabled,
  guarddutyEnabledCentralized,
  guarddutyLambdaProtectionEnabled,
  guarddutyMalwareProtectionEnabled,
  guarddutyNonArchivedFindings,
  guarddutyRdsProtectionEnabled,
  guarddutyRuntimeMonitoringEnabled,
  guarddutyS3ProtectionEnabled,
];
